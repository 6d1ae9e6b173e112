/** CLI scenarios: the built binary as a child process, its exit codes and its output per format. */
import { spawnSync } from 'child_process';
import { BIN, CLEAN_YAML, privilegedFargateTaskDefinition, runCli } from './support';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const FARGATE_PRIVILEGED = privilegedFargateTaskDefinition('web') + '\n';
const CLEAN = CLEAN_YAML;
const ecslint = runCli;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-cli-'));
  fs.mkdirSync(path.join(dir, 'infra', 'nested'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'infra', 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'infra', 'bad.json'), FARGATE_PRIVILEGED);
  fs.writeFileSync(path.join(dir, 'infra', 'nested', 'clean.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'infra', 'broken.json'), '{\n  "family": "x",\n  "containerDefinitions": [\n');
  fs.writeFileSync(path.join(dir, 'infra', 'package.json'), '{"name": "not-a-task-definition", "version": "1.0.0"}');
  fs.writeFileSync(path.join(dir, 'infra', 'node_modules', 'pkg', 'td.json'), FARGATE_PRIVILEGED);
  fs.writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'bad.json'), FARGATE_PRIVILEGED);
  fs.writeFileSync(path.join(dir, 'k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  test('0 for a clean file, with no output', () => {
    const r = ecslint(['clean.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  test('1 for an error finding', () => {
    const r = ecslint(['bad.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('15:7');
    expect(r.stdout).toContain('fargate-no-privileged');
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  test('2 for a named path that does not exist, after linting the others', () => {
    const r = ecslint(['-f', 'json', 'missing.json', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json: no such file or directory');
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['bad.json']);
  });

  test('2 for bad usage', () => {
    expect(ecslint(['--format', 'nope', 'bad.json'], { cwd: dir }).code).toBe(2);
    expect(ecslint(['--rule', 'no-such-rule:off', 'bad.json'], { cwd: dir }).code).toBe(2);
    expect(ecslint(['--max-warnings', 'many', 'bad.json'], { cwd: dir }).code).toBe(2);
  });

  test('2 when nothing is linted, unless --no-error-on-unmatched-pattern', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-empty-'));
    try {
      fs.writeFileSync(path.join(empty, 'package.json'), '{"name": "app"}\n');
      fs.writeFileSync(path.join(empty, 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\n');
      const r = ecslint([], { cwd: empty });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ecslint: nothing to lint: no task definition, service or template in \./)]);
      expect(ecslint(['--no-error-on-unmatched-pattern'], { cwd: empty }).code).toBe(0);
      fs.rmSync(path.join(empty, 'package.json'));
      fs.rmSync(path.join(empty, 'deployment.yaml'));
      expect(ecslint([], { cwd: empty }).code).toBe(2);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('with no paths, the current folder is linted', () => {
    const r = ecslint(['-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toContain('bad.json');
  });

  test('--rule turns a rule off', () => {
    const r = ecslint(['-f', 'json', '--rule', 'fargate-no-privileged:off', 'bad.json'], { cwd: dir });
    const ids = JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).not.toContain('fargate-no-privileged');
  });

  test('--rule can lower a rule to a warning, and --max-warnings then decides', () => {
    const args = ['-f', 'json', '--preset', 'recommended', '--rule', 'fargate-no-privileged:warn', 'bad.json'];
    const r = ecslint(args, { cwd: dir });
    const result = JSON.parse(r.stdout)[0];
    const mine = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'fargate-no-privileged');
    expect(mine).toHaveLength(1);
    expect(mine[0].severity).toBe('warning');
    if (result.errorCount === 0) {
      expect(r.code).toBe(0);
      expect(ecslint([...args, '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    }
  });

  test('--version and --help exit 0', () => {
    expect(ecslint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = ecslint(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--launch-type');
  });
});

describe('json format', () => {
  test('has the documented shape, with exact pointer, line and column', () => {
    const r = ecslint(['--format', 'json', 'bad.json', 'clean.yaml'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report).toHaveLength(2);
    expect(report[1]).toEqual({ filePath: 'clean.yaml', errorCount: 0, warningCount: 0, infoCount: 0, messages: [], taskDefinitions: ['ok'] });
    const finding = report[0].messages.find((m: { ruleId: string }) => m.ruleId === 'fargate-no-privileged');
    expect(finding).toEqual({
      ruleId: 'fargate-no-privileged',
      severity: 'error',
      message: 'Container "web" sets privileged, which Fargate does not support.',
      path: '/containerDefinitions/0/privileged',
      line: 15,
      column: 7,
      endLine: 15,
      endColumn: 25,
      taskDefinition: 'web',
    });
    expect(report[0].errorCount).toBe(report[0].messages.filter((m: { severity: string }) => m.severity === 'error').length);
  });

  test('--output-file writes the report to a file', () => {
    const out = path.join(dir, 'report.json');
    const r = ecslint(['-f', 'json', '-o', out, 'bad.json'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))[0].filePath).toBe('bad.json');
  });

  test('--quiet reports errors only', () => {
    const r = ecslint(['-f', 'json', '--quiet', '--preset', 'all', 'bad.json'], { cwd: dir });
    const messages = JSON.parse(r.stdout)[0].messages;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m: { severity: string }) => m.severity === 'error')).toBe(true);
  });
});

describe('inputs', () => {
  test('standard input with --stdin-filename', () => {
    const r = ecslint(['--stdin', '--stdin-filename', 'td.json', '-f', 'json'], { input: FARGATE_PRIVILEGED });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report[0].filePath).toBe('td.json');
    expect(report[0].messages.some((m: { ruleId: string; line: number }) => m.ruleId === 'fargate-no-privileged' && m.line === 15)).toBe(true);
  });

  test('YAML on standard input', () => {
    const r = ecslint(['--stdin', '--stdin-filename', 'td.yaml', '--launch-type', 'FARGATE', '-f', 'json'], { input: CLEAN.replace('[EC2]', '[FARGATE]') });
    const ids = JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).toContain('fargate-network-mode');
  });

  test('a folder is walked: task definitions only, node_modules skipped, a malformed file reported while the rest are linted', () => {
    const r = ecslint(['-f', 'json', 'infra'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    expect(report.map((f) => f.filePath)).toEqual([path.join('infra', 'bad.json'), path.join('infra', 'broken.json'), path.join('infra', 'nested', 'clean.yaml')]);
    const parse = report[1].messages;
    expect(parse).toHaveLength(1);
    expect(parse[0]).toMatchObject({ ruleId: 'parse-error', line: 4, column: 1 });
    expect(report[0].messages.some((m) => m.ruleId === 'fargate-no-privileged')).toBe(true);
  });

  test('glob patterns', () => {
    const r = ecslint(['-f', 'json', 'infra/**/*.yaml'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['infra/nested/clean.yaml']);
  });

  test('a file named explicitly that is not a task definition gets one warning, and the run that lints nothing exits 2', () => {
    const r = ecslint(['-f', 'json', 'k8s.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(ecslint(['-f', 'json', '--no-error-on-unmatched-pattern', 'k8s.yaml'], { cwd: dir }).code).toBe(0);
    const messages = JSON.parse(r.stdout)[0].messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'unrecognised-document', severity: 'warning', line: 1, column: 1 });
  });

  test('--launch-type decides the target of a task definition without requiresCompatibilities', () => {
    const td = '{"family": "x", "containerDefinitions": [{"name": "a", "image": "nginx:1", "memory": 128, "privileged": true}]}';
    const asEc2 = JSON.parse(ecslint(['--stdin', '-f', 'json'], { input: td }).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    const asFargate = JSON.parse(ecslint(['--stdin', '-f', 'json', '--launch-type', 'FARGATE'], { input: td }).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(asEc2).not.toContain('fargate-no-privileged');
    expect(asFargate).toContain('fargate-no-privileged');
  });
});

describe('stylish colour', () => {
  test('no colour when piped, colour with FORCE_COLOR, none with NO_COLOR or --no-color', () => {
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[/;
    expect(ecslint(['bad.json'], { cwd: dir }).stdout).not.toMatch(ansi);
    expect(ecslint(['bad.json'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(ecslint(['bad.json', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(ecslint(['bad.json', '--color'], { cwd: dir }).stdout).toMatch(ansi);
  });
});

test('an internal failure on one file is a finding on it: the others are reported, one line on stderr, exit 2 after the report', () => {
  // A preloaded module breaks the engine on one file from outside, as a bug would. The bundled CLI holds
  // its own copy of the engine, so this runs the same CLI from the modules of dist/src.
  const breaker = path.join(dir, 'break-lint.js');
  const run = JSON.stringify(path.join(__dirname, '..', 'dist', 'src', 'engine', 'run.js'));
  fs.writeFileSync(
    breaker,
    `const m = require(${run}); const real = m.lintUnit; m.lintUnit = (unit, ...rest) => { if (unit.file.path.endsWith('bad.json')) throw new Error('simulated failure'); return real(unit, ...rest); };`,
  );
  const unbundled = path.join(dir, 'ecslint-unbundled.js');
  fs.writeFileSync(unbundled, `require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'))}).main(process.argv);`);
  const env = { NODE_OPTIONS: `--require ${breaker}` };
  const ecslint = (args: string[], options: { cwd: string; env: Record<string, string> }) => {
    const r = spawnSync(process.execPath, [unbundled, ...args], { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const r = ecslint(['-f', 'json', 'bad.json', 'clean.yaml'], { cwd: dir, env });
  expect(r.code).toBe(2);
  const report = JSON.parse(r.stdout);
  expect(report.map((f: { filePath: string }) => f.filePath)).toEqual(['bad.json', 'clean.yaml']);
  expect(report[0].messages).toEqual([expect.objectContaining({ ruleId: 'internal-error', severity: 'error', line: 1, column: 1 })]);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ecslint: internal error on bad.json: simulated failure \(run with --debug/)]);
  const debug = ecslint(['bad.json', '--debug'], { cwd: dir, env });
  expect(debug.code).toBe(2);
  expect(debug.stderr).toMatch(/at .*run\.js|break-lint\.js/);
});

test('init writes a starter configuration that validates, and never overwrites one', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-init-'));
  try {
    const r = ecslint(['init'], { cwd: d });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(d, '.ecslintrc.yaml'))).toBe(true);
    fs.writeFileSync(path.join(d, 'td.yaml'), CLEAN);
    expect(ecslint(['td.yaml'], { cwd: d }).code).toBe(0);
    const again = ecslint(['init'], { cwd: d });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early is not an error', () => {
  const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} --help | head -1`], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});
