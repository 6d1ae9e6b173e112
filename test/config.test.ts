/** Configuration files, suppression comments and baselines, through the library and the CLI. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const api = require('../dist/src/index') as typeof import('../src/index');
const { regExpProblem } = require('../dist/src/regexp/user-regexp') as typeof import('../src/regexp/user-regexp');

const BIN = path.join(__dirname, '..', 'bin', 'ecslint.js');

const FARGATE_YAML = `family: web
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: "256"
memory: "512"
containerDefinitions:
  - name: web
    image: nginx:1.27
    privileged: true
    links: [db]
`;

let dir: string;
const write = (rel: string, text: string) => {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
};
const ids = (r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId);
const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('configuration files', () => {
  test('the nearest .ecslintrc.yaml applies: rules, overrides by glob, ignorePatterns', () => {
    write(
      '.ecslintrc.yaml',
      ['rules:', '  fargate-no-links: off', 'overrides:', '  - files: ["legacy/**"]', '    rules:', '      fargate-no-privileged: warn', 'ignorePatterns: ["generated/**"]', ''].join('\n'),
    );
    write('app/td.yaml', FARGATE_YAML);
    write('legacy/td.yaml', FARGATE_YAML);
    write('generated/td.yaml', FARGATE_YAML);
    const { results } = api.lintFiles([dir]);
    expect(results.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('app', 'td.yaml'), path.join('legacy', 'td.yaml')]);
    const [app, legacy] = results;
    expect(ids(app)).toContain('fargate-no-privileged');
    expect(ids(app)).not.toContain('fargate-no-links');
    expect(legacy.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity).toBe('warning');
  });

  test('the "ecslint" key of package.json, and launchType from the configuration', () => {
    write('package.json', JSON.stringify({ name: 'x', ecslint: { launchType: 'FARGATE' } }));
    write('td.yaml', FARGATE_YAML.replace('requiresCompatibilities: [FARGATE]\n', ''));
    const { results } = api.lintFiles([path.join(dir, 'td.yaml')]);
    expect(ids(results[0])).toContain('fargate-no-privileged');
  });

  test('extends picks the preset, and the command line wins over the file', () => {
    write('.ecslintrc.json', JSON.stringify({ extends: ['ecslint:all'], rules: { 'fargate-no-privileged': 'warn' } }));
    const td = write('td.yaml', FARGATE_YAML);
    const fromFile = api.lintFiles([td]).results[0];
    expect(fromFile.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity).toBe('warning');
    const fromCli = api.lintFiles([td], { overrides: { rules: { 'fargate-no-privileged': 'error' } } }).results[0];
    expect(fromCli.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity).toBe('error');
    const noConfig = api.lintFiles([td], { overrides: { noConfig: true } }).results[0];
    expect(noConfig.messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity).toBe('error');
  });

  test('a mistake in the configuration exits 2 naming the file, the line and what is allowed', () => {
    write('.ecslintrc.yaml', 'rules:\n  fargate-no-privileged: off\nlaunchType: LAMBDA\n');
    write('td.yaml', FARGATE_YAML);
    const r = run(['td.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.ecslintrc\.yaml:3:\d+: .*allowed: FARGATE, EC2, EXTERNAL/);
    expect(r.stdout).toBe('');
  });

  test('an unknown rule id or an unknown setting is a configuration error with its line', () => {
    write('.ecslintrc.yaml', 'rules:\n  fargate-no-privileged: off\n  no-such-rule: error\n');
    write('td.yaml', FARGATE_YAML);
    const r = run(['td.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.ecslintrc.yaml:3:3: unknown rule "no-such-rule"');
    write('.ecslintrc.yaml', 'rulez: {}\n');
    const r2 = run(['td.yaml']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('.ecslintrc.yaml:1:1: unknown setting "rulez"');
  });

  test('--config FILE overrides discovery', () => {
    write('.ecslintrc.yaml', 'rules:\n  fargate-no-privileged: off\n');
    write('other.yaml', 'rules:\n  fargate-no-links: off\n');
    write('td.yaml', FARGATE_YAML);
    const r = run(['-f', 'json', '--config', 'other.yaml', 'td.yaml']);
    const messages = ids(JSON.parse(r.stdout)[0]);
    expect(messages).toContain('fargate-no-privileged');
    expect(messages).not.toContain('fargate-no-links');
  });

  test('rulesDirectories: a team rule in the built-in format, data only', () => {
    write(
      'team-rules/team-image-from-ecr.yaml',
      [
        'id: team-image-from-ecr',
        'severity: error',
        'preset: recommended',
        'description: Images must come from the team ECR registry.',
        'source: team policy',
        'given: $.containerDefinitions[*]',
        'then:',
        '  field: image',
        '  schema: { type: string, pattern: "^123456789012\\\\.dkr\\\\.ecr\\\\." }',
        'message: Container "{{container}}" uses image {{value}} from outside the team registry.',
        '',
      ].join('\n'),
    );
    write('.ecslintrc.yaml', 'rulesDirectories: [team-rules]\n');
    const td = write('td.yaml', FARGATE_YAML);
    const r = api.lintFiles([td]).results[0];
    const f = r.messages.find((m) => m.ruleId === 'team-image-from-ecr');
    expect(f).toMatchObject({ path: '/containerDefinitions/0/image', line: 8, column: 5, severity: 'error' });
    expect(f?.message).toBe('Container "web" uses image "nginx:1.27" from outside the team registry.');
  });

  test('a team rule with a regular expression that needs backtracking is refused', () => {
    write(
      'team-rules/team-bad.yaml',
      [
        'id: team-bad',
        'severity: error',
        'preset: recommended',
        'description: A rule with a catastrophic pattern.',
        'source: team policy',
        'given: $.containerDefinitions[*]',
        'then: { field: image, schema: { pattern: "^(a)\\\\1$" } }',
        'message: bad {{value}}',
        '',
      ].join('\n'),
    );
    write('.ecslintrc.yaml', 'rulesDirectories: [team-rules]\n');
    write('td.yaml', FARGATE_YAML);
    const r = run(['td.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.ecslintrc\.yaml:1:\d+: .*cannot run in linear time/);
  });
});

describe('linear-time regular expressions', () => {
  // Patterns run on RE2, so even those that backtrack catastrophically in JavaScript are usable.
  test.each(['^[a-z0-9-]+$', '^arn:aws:iam::\\d{12}:role/.+$', '^(foo|bar)$', '^(ab)?c$', 'x{2,5}', '^(a+)+$', '(a|aa)*', '(.*a){20}', '(x*y?)*'])('accepts %s', (re) => {
    expect(regExpProblem(re)).toBeUndefined();
  });
  test.each(['(\\w+)\\1', '(?=a)b', '(?<!a)b'])('refuses %s', (re) => {
    expect(regExpProblem(re)).toMatch(/cannot run in linear time/);
  });
});

describe('suppression comments', () => {
  test('disable-next-line, disable-line and disable/enable blocks, with reasons', () => {
    const text = [
      'family: web',
      'requiresCompatibilities: [FARGATE]',
      'networkMode: awsvpc',
      'containerDefinitions:',
      '  - name: web',
      '    image: nginx:1.27',
      '    # ecslint-disable-next-line fargate-no-privileged -- the agent needs it',
      '    privileged: true',
      '    links: [db] # ecslint-disable-line fargate-no-links',
      '  - name: two',
      '    image: nginx:1.27',
      '    # ecslint-disable',
      '    privileged: true',
      '    # ecslint-enable',
      '    links: [web]',
      '',
    ].join('\n');
    const r = api.lintText(text, { filePath: 'td.yaml' });
    const mine = r.messages.filter((m) => m.ruleId.startsWith('fargate-no-'));
    expect(mine.map((m) => [m.ruleId, m.line])).toEqual([['fargate-no-links', 15]]);
  });

  test('unused directives are reported when asked', () => {
    const text = FARGATE_YAML.replace('    privileged: true\n', '    # ecslint-disable-next-line fargate-no-privileged, fargate-no-tmpfs -- why\n    privileged: true\n');
    const quiet = api.lintText(text, { filePath: 'td.yaml' });
    expect(ids(quiet)).not.toContain('unused-disable-directive');
    const r = api.lintText(text, { filePath: 'td.yaml', config: { reportUnusedDisableDirectives: true } });
    const unused = r.messages.filter((m) => m.ruleId === 'unused-disable-directive');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ line: 9, column: 5, severity: 'warning' });
    expect(unused[0].message).toContain('fargate-no-tmpfs');
  });

  test('CloudFormation Metadata ignores rules for one resource', () => {
    const text = [
      'Resources:',
      '  Web:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Metadata:',
      '      ecslint:',
      '        ignore: [fargate-no-privileged]',
      '    Properties:',
      '      RequiresCompatibilities: [FARGATE]',
      '      NetworkMode: awsvpc',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: nginx:1.27',
      '          Privileged: true',
      '          Links: [db]',
      '',
    ].join('\n');
    const r = api.lintText(text, { filePath: 't.yaml' });
    expect(ids(r)).not.toContain('fargate-no-privileged');
    expect(ids(r)).toContain('fargate-no-links');
  });

  test('an unknown rule id in a Metadata ignore or a disable comment is reported where it is written, with a did-you-mean', () => {
    const text = [
      'Resources:',
      '  Web:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Metadata:',
      '      ecslint:',
      '        ignore: [fargate-privileged]',
      '    Properties:',
      '      RequiresCompatibilities: [FARGATE]',
      '      NetworkMode: awsvpc',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: nginx:1.27',
      '          Privileged: true',
      '          # ecslint-disable-next-line fargate-no-link',
      '          Links: [db]',
      '',
    ].join('\n');
    // Without --report-unused-disable-directives: an id that names nothing is always a mistake.
    const r = api.lintText(text, { filePath: 't.yaml' });
    const unknown = r.messages.filter((m) => m.ruleId === 'unused-disable-directive');
    expect(unknown.map((m) => [m.line, m.column, m.severity, m.message])).toEqual([
      [6, 18, 'warning', 'Metadata ignore names an unknown rule "fargate-privileged", so it suppresses nothing. Did you mean "fargate-no-privileged"?'],
      [14, 11, 'warning', 'ecslint-disable-next-line names an unknown rule "fargate-no-link", so it suppresses nothing. Did you mean "fargate-no-links"?'],
    ]);
    expect(ids(r)).toContain('fargate-no-privileged');
    expect(ids(r)).toContain('fargate-no-links');
    // Reported once, not again as an unused directive.
    const withUnused = api.lintText(text, { filePath: 't.yaml', config: { reportUnusedDisableDirectives: true } });
    expect(withUnused.messages.filter((m) => m.ruleId === 'unused-disable-directive')).toHaveLength(2);
  });
});

describe('rule selection and mistakes in a configuration', () => {
  const lintWith = (config: string) => {
    write('.ecslintrc.yaml', config);
    write('td.yaml', FARGATE_YAML);
    return run(['-f', 'json', 'td.yaml']);
  };

  test('globs and prefixes name several rules; a later exact id wins over an earlier glob', () => {
    const all = ids(JSON.parse(lintWith('rules: {}\n').stdout)[0]);
    expect(all).toEqual(expect.arrayContaining(['fargate-no-privileged', 'fargate-no-links']));
    const r = lintWith('rules:\n  fargate-*: off\n  fargate-no-links: warn\n');
    const left = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; severity: string }>;
    expect(left.filter((m) => m.ruleId.startsWith('fargate-')).map((m) => [m.ruleId, m.severity])).toEqual([['fargate-no-links', 'warning']]);
    const prefix = lintWith('rules:\n  fargate-: off\n');
    expect(ids(JSON.parse(prefix.stdout)[0]).filter((id) => id.startsWith('fargate-'))).toEqual([]);
    // On the command line too.
    expect(ids(JSON.parse(run(['--no-config', '-f', 'json', '--rule', 'fargate-*:off', 'td.yaml']).stdout)[0]).filter((id) => id.startsWith('fargate-'))).toEqual([]);
  });

  test('an unknown rule id or a glob that matches nothing is an error at its line, with a did-you-mean', () => {
    const r = lintWith('rules:\n  bp-awsvpc: warn\n  fargate-privileged: off\n');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`ecslint: ${path.join(dir, '.ecslintrc.yaml')}:3:3: unknown rule "fargate-privileged". Did you mean "fargate-no-privileged"? Run "ecslint rules" for the list.`);
    const g = lintWith('rules:\n  farget-*: off\n');
    expect(g.status).toBe(2);
    expect(g.stderr).toContain('.ecslintrc.yaml:2:3: no rule matches "farget-*".');
  });

  test("rule options that break the function's options schema are a configuration error at their line, not an internal error", () => {
    const r = lintWith('rules:\n  bp-no-env-secrets:\n    - warn\n    - words: ["lower case"]\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, '.ecslintrc.yaml')}:2:3: options for rule bp-no-env-secrets: data/words/0 must match pattern`);
    expect(r.stderr).not.toContain('internal error');
    const schemaCheck = lintWith('rules:\n  bp-awsvpc: [error, { x: 1 }]\n');
    expect(schemaCheck.status).toBe(2);
    expect(schemaCheck.stderr).toContain('.ecslintrc.yaml:2:3: rule bp-awsvpc takes no options: it is a schema check');
  });
});

describe('extends', () => {
  test('a relative path: its rules apply, this file wins over it, overrides and presets are inherited', () => {
    write('team/base.yaml', 'extends: ecslint:strict\nrules:\n  fargate-no-links: off\n  fargate-no-privileged: warn\n');
    write('app/.ecslintrc.yaml', 'extends: ../team/base.yaml\nrules:\n  fargate-no-privileged: error\n');
    write('app/td.yaml', FARGATE_YAML);
    const r = run(['-f', 'json', 'app/td.yaml']);
    const messages = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; severity: string }>;
    expect(messages.map((m) => m.ruleId)).not.toContain('fargate-no-links');
    expect(messages.find((m) => m.ruleId === 'fargate-no-privileged')?.severity).toBe('error');
    // strict turns on rules that recommended leaves off.
    expect(messages.map((m) => m.ruleId)).toContain('bp-readonly-root-fs');
  });

  test('a package name resolves to a YAML or JSON file in node_modules; a package whose entry is code is refused, never run', () => {
    write('node_modules/@team/ecslint-config/package.json', JSON.stringify({ name: '@team/ecslint-config', main: 'config.json' }));
    write('node_modules/@team/ecslint-config/config.json', JSON.stringify({ rules: { 'fargate-no-links': 'off' } }));
    write('node_modules/@team/ecslint-config/strict.yaml', 'rules:\n  fargate-no-privileged: off\n');
    write('td.yaml', FARGATE_YAML);
    write('.ecslintrc.yaml', 'extends: ["@team/ecslint-config", "@team/ecslint-config/strict.yaml"]\n');
    const found = ids(JSON.parse(run(['-f', 'json', 'td.yaml']).stdout)[0]);
    expect(found).not.toContain('fargate-no-links');
    expect(found).not.toContain('fargate-no-privileged');

    const marker = path.join(dir, 'ran');
    write('node_modules/evil/package.json', JSON.stringify({ name: 'evil', main: 'index.js' }));
    write('node_modules/evil/index.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};`);
    write('.ecslintrc.yaml', 'extends: evil\n');
    const r = run(['td.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.ecslintrc.yaml:1:1: extends "evil": the package has no YAML or JSON configuration');
    write('.ecslintrc.yaml', 'extends: evil/index.js\n');
    expect(run(['td.yaml']).stderr).toContain('packages are never run');
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('a cycle, and nesting past the limit, are clear errors', () => {
    write('a.yaml', 'extends: ./b.yaml\n');
    write('b.yaml', 'extends: ./a.yaml\n');
    write('td.yaml', FARGATE_YAML);
    const r = run(['-c', 'a.yaml', 'td.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('b.yaml:1:1: extends "./a.yaml" makes a cycle: a.yaml -> b.yaml -> a.yaml');
    for (let i = 0; i < 12; i++) write(`deep${i}.yaml`, `extends: ./deep${i + 1}.yaml\n`);
    write('deep12.yaml', 'rules: {}\n');
    const deep = run(['-c', 'deep0.yaml', 'td.yaml']);
    expect(deep.status).toBe(2);
    expect(deep.stderr).toMatch(/extend each other more than \d+ deep/);
    write('c.yaml', 'extends: ./missing.yaml\n');
    expect(run(['-c', 'c.yaml', 'td.yaml']).stderr).toContain('c.yaml:1:1: extends "./missing.yaml": no such file');
  });
});

describe('baseline', () => {
  test("records today's findings and then reports only new ones, even after lines move", () => {
    const td = write('td.yaml', FARGATE_YAML);
    const w = run(['--write-baseline', 'baseline.json', 'td.yaml']);
    expect(w.status).toBe(0);
    expect(w.stderr).toMatch(/recorded \d+ findings/);
    expect(run(['--baseline', 'baseline.json', 'td.yaml']).status).toBe(0);
    // Lines move (a comment on top) and a new problem appears.
    fs.writeFileSync(td, '# moved\n' + FARGATE_YAML.replace('    links: [db]\n', '    links: [db]\n    dnsServers: [10.0.0.2]\n'));
    const r = run(['-f', 'json', '--baseline', 'baseline.json', 'td.yaml']);
    expect(r.status).toBe(1);
    // The one new field breaks two rules (Fargate, and the awsvpc network mode); nothing older is reported.
    expect(ids(JSON.parse(r.stdout)[0])).toEqual(['fargate-no-dns-servers', 'nm-awsvpc-unsupported']);
  });

  test('file paths in a baseline are relative to its own folder, so it matches from any working directory', () => {
    write('infra/td.yaml', FARGATE_YAML);
    expect(run(['--write-baseline', 'ci/baseline.json', 'infra/td.yaml']).status).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'baseline.json'), 'utf8'));
    expect(Object.keys(written.files)).toEqual(['../infra/td.yaml']);
    expect(written.root).toBeUndefined();
    // From another folder, with the same file named differently: nothing new.
    expect(run(['--baseline', '../ci/baseline.json', 'td.yaml'], path.join(dir, 'infra')).status).toBe(0);
    expect(run(['--baseline', 'ci/baseline.json', 'infra/td.yaml']).status).toBe(0);
  });
});
