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

describe('usage errors: one line with a hint, exit 2', () => {
  test.each([
    [['--format', 'xml'], "option '-f, --format <name>' argument 'xml' is invalid. Allowed choices are stylish, json, compact, github, gitlab, junit, sarif."],
    [['--bogus'], "unknown option '--bogus'"],
    [['--max-warnings', 'many'], "option '--max-warnings <n>' argument 'many' is invalid. expected a whole number of 0 or more"],
    [['rules', '--bogus'], "unknown option '--bogus'"],
  ])('ecslint %j', (args, reason) => {
    const r = ecslint([...args, '.']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ecslint: ${reason} (run "ecslint --help" for usage)\n`);
  });

  test('an unknown rule in --rule gets a did-you-mean; a glob that matches nothing says so', () => {
    const r = ecslint(['--rule', 'fargate-privileged:off', '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ecslint: --rule fargate-privileged:off: unknown rule "fargate-privileged". Did you mean "fargate-no-privileged"? Run "ecslint rules" for the list.\n');
    expect(ecslint(['--rule', 'zz-*:off', '.']).stderr).toContain('no rule matches "zz-*"');
  });

  test('--rule takes globs and prefixes', () => {
    fs.writeFileSync(path.join(dir, 'td.json'), privilegedFargateTaskDefinition('web'));
    const all = JSON.parse(ecslint(['-f', 'json', 'td.json']).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(all).toContain('fargate-no-privileged');
    for (const pattern of ['fargate-*', 'fargate-']) {
      const r = ecslint(['-f', 'json', '--rule', `${pattern}:off`, 'td.json']);
      const ids = JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
      expect(ids.filter((id: string) => id.startsWith('fargate-'))).toEqual([]);
      expect(ids.length).toBeGreaterThan(0);
    }
  });
});
