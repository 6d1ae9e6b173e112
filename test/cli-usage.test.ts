/** The command line's usage: "--", usage errors with a hint, did-you-mean for rule ids, rule patterns. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLEAN_YAML, privilegedFargateTaskDefinition, runCli } from './support';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-usage-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ecslint = (args: string[], cwd = dir) => runCli(args, { cwd });

describe('"--" ends the options: every word after it is a path', () => {
  test('`ecslint -- init` in an empty folder lints a path named init: exit 2, "no such file", nothing written', () => {
    const r = ecslint(['--', 'init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('init: no such file');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('`ecslint -- rules` lints a folder named rules rather than listing the rules', () => {
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.writeFileSync(path.join(dir, 'rules', 'td.json'), privilegedFargateTaskDefinition('web'));
    const r = ecslint(['-f', 'json', '--', 'rules']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual([path.join('rules', 'td.json')]);
  });

  test('a path that looks like an option, and --debug after "--", are paths', () => {
    fs.writeFileSync(path.join(dir, '--quiet'), CLEAN_YAML);
    const r = ecslint(['--', '--quiet', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--debug: no such file');
    expect(r.stderr).not.toContain('internal error');
  });
});
