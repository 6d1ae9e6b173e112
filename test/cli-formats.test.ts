/**
 * The output formats and the `rules` / `explain` commands through the built binary: exit codes, output that
 * its consumer can parse, a hostile container name that must not break out, and start-up that loads only
 * the chosen format's module.
 */
import { spawnSync } from 'child_process';
import { CLEAN_YAML, privilegedFargateTaskDefinition, runCli } from './support';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const ROOT = path.join(__dirname, '..');

const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

const ecslint = (args: string[], cwd: string, env: Record<string, string | undefined> = {}) => runCli(args, { cwd, env });

const HOSTILE_NAME = 'web\n::error file=x,line=1::forged\r\n</testcase><b>&amp;\u001b[31mred\u001b[0m';

const BAD = privilegedFargateTaskDefinition(HOSTILE_NAME);
const CLEAN = CLEAN_YAML;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-formats-'));
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.writeFileSync(path.join(dir, 'bad.json'), BAD);
  fs.writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'rules', 'td.json'), BAD);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The findings as --format json reports them: every other format must account for exactly these. */
function jsonFindings(files: string[]) {
  const r = ecslint(['--no-config', '-f', 'json', ...files], dir);
  return (JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: string; message: string; line: number }> }>).flatMap((f) =>
    f.messages.map((m) => ({ ...m, filePath: f.filePath })),
  );
}

describe('machine formats on a bad and a clean file', () => {
  const files = ['bad.json', 'clean.yaml'];
  let findings: ReturnType<typeof jsonFindings>;
  beforeAll(() => {
    findings = jsonFindings(files);
  });

  test('the bad file has the finding that carries the hostile name', () => {
    expect(findings.some((f) => f.ruleId === 'fargate-no-privileged' && f.message.includes(HOSTILE_NAME))).toBe(true);
  });

  test('compact: exit 1, one clean line per finding', () => {
    const r = ecslint(['--no-config', '-f', 'compact', ...files], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) expect(line).toMatch(/^(bad\.json|clean\.yaml):\d+:\d+: (error|warning|info): [^\u0000-\u001f]* \[[a-z0-9-]+\]$/); // eslint-disable-line no-control-regex
  });

  test('github: exit 1, every line a workflow command of ours, none forged', () => {
    const r = ecslint(['--no-config', '-f', 'github', ...files], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const f = findings[i];
      const cmd = { error: 'error', warning: 'warning', info: 'notice' }[f.severity];
      expect(line.startsWith(`::${cmd} file=${f.filePath},line=${f.line},`)).toBe(true);
      expect(line).toContain(`,title=${f.ruleId}::`);
    });
    expect(r.stdout).toContain('web%0A::error file=x,line=1::forged%0D%0A');
  });

  test('junit: exit 1, well-formed, a testsuite per file and a testcase per finding', () => {
    const r = ecslint(['--no-config', '-f', 'junit', ...files], dir);
    expect(r.code).toBe(1);
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(r.stdout, 'text/xml');
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(files);
    const cases = suites.map((s) => Array.from(s.getElementsByTagName('testcase')));
    expect(cases[0].map((c) => [c.getAttribute('file'), Number(c.getAttribute('line'))])).toEqual(findings.filter((f) => f.filePath === 'bad.json').map((f) => ['bad.json', f.line]));
    expect(cases[1].map((c) => c.getAttribute('name'))).toEqual(['ecslint']);
    expect(doc.getElementsByTagName('failure')).toHaveLength(findings.filter((f) => f.severity !== 'info').length);
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
  });

  test('gitlab: exit 1, a Code Quality issue per finding, at its file and line', () => {
    const r = ecslint(['--no-config', '-f', 'gitlab', ...files], dir);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as Array<{ check_name: string; location: { path: string; lines: { begin: number } } }>;
    expect(issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual(findings.map((f) => [f.ruleId, f.filePath, f.line]));
  });

  test('sarif: exit 1, valid against the SARIF 2.1.0 schema, one result per finding', () => {
    const r = ecslint(['--no-config', '-f', 'sarif', ...files], dir);
    expect(r.code).toBe(1);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'sarif-schema-2.1.0.json'), 'utf8')));
    const log = JSON.parse(r.stdout);
    expect(validate.call(null, log) ? [] : validate.errors).toEqual([]);
    const results = log.runs[0].results;
    expect(results.map((x: { ruleId: string; message: { text: string } }) => [x.ruleId, x.message.text])).toEqual(findings.map((f) => [f.ruleId, f.message]));
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('bad.json');
  });

  test('--output-file writes the format to the file, nothing to stdout', () => {
    const out = path.join(dir, 'report.sarif');
    const r = ecslint(['--no-config', '-f', 'sarif', '-o', out, ...files], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

// --quiet: the clean file may draw best-practice warnings as rules are added; it must have no error.
describe('machine formats on a file without errors', () => {
  test.each([
    ['compact', ''],
    ['github', ''],
  ])('%s prints nothing and exits 0', (name, expected) => {
    const r = ecslint(['--no-config', '--quiet', '-f', name, 'clean.yaml'], dir);
    expect([r.code, r.stdout]).toEqual([0, expected]);
  });

  test('junit reports a passing testcase', () => {
    const r = ecslint(['--no-config', '--quiet', '-f', 'junit', 'clean.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testsuites name="ecslint" tests="1" failures="0" errors="0">');
    expect(r.stdout).toContain('<testcase name="ecslint" classname="clean.yaml" file="clean.yaml"/>');
  });

  test('sarif has a run with no results', () => {
    const r = ecslint(['--no-config', '--quiet', '-f', 'sarif', 'clean.yaml'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
  });
});

describe('start-up loads only what the chosen format needs', () => {
  /** Run the CLI in-process and list which of our formatter modules and chalk it loaded. */
  function loaded(args: string[], env: Record<string, string | undefined> = {}): string[] {
    const script = `
      const main = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))});
      main.main(['node', 'ecslint', ...${JSON.stringify(args)}]);
      // The run settles asynchronously: look when the process exits.
      process.on('exit', () => {
        const names = Object.keys(require.cache)
          .filter((f) => /[\\\\/]formatters[\\\\/]|[\\\\/]node_modules[\\\\/]chalk[\\\\/]/.test(f))
          .map((f) => f.includes('chalk') ? 'chalk' : require('path').basename(f, '.js'));
        process.stderr.write(JSON.stringify([...new Set(names)].sort()));
      });
    `;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } as NodeJS.ProcessEnv });
    return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('[')));
  }

  test.each([
    ['json', ['index', 'json']],
    ['compact', ['compact', 'index', 'sanitize', 'stream']],
    ['github', ['github', 'index', 'paths', 'stream']],
    ['gitlab', ['gitlab', 'index', 'paths']],
    ['junit', ['index', 'junit', 'paths']],
    ['sarif', ['index', 'paths', 'sarif']],
  ])('%s: no chalk, no other format', (name, modules) => {
    expect(loaded(['--no-config', '-f', name, 'bad.json'], { FORCE_COLOR: '1' })).toEqual(modules);
  });

  test('stylish on a colour terminal loads chalk (so the check above can see it)', () => {
    expect(loaded(['--no-config', 'bad.json'], { FORCE_COLOR: '1' })).toEqual(['chalk', 'index', 'sanitize', 'stream', 'stylish']);
  });
});

describe('ecslint rules', () => {
  test('lists every rule with its severity in each preset and what it checks', () => {
    const r = ecslint(['rules'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE\s+RECOMMENDED\s+STRICT\s+ALL\s+WHAT IT CHECKS$/);
    const order = ['recommended', 'strict', 'all'];
    for (const rule of builtInRules()) {
      const line = lines.find((l) => l.startsWith(`${rule.id} `));
      expect(line).toBeDefined();
      const cells = line!.split(/\s{2,}/);
      const expected = order.map((p) => (order.indexOf(p) >= order.indexOf(rule.preset) ? rule.severity : 'off'));
      expect(cells.slice(0, 5)).toEqual([rule.id, ...expected, rule.description]);
    }
    expect(r.stdout).toContain('parse-error');
  });

  test('--json gives the same list for scripts', () => {
    const r = ecslint(['rules', '--json'], dir);
    const list = JSON.parse(r.stdout) as Array<{ id: string; presets: Record<string, string> }>;
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining(builtInRules().map((x) => x.id)));
    expect(list.find((x) => x.id === 'parse-error')!.presets).toEqual({ recommended: 'error', strict: 'error', all: 'error' });
  });

  test('filters by preset, severity, prefix and form, and ends with the glossary of id prefixes', () => {
    const listed = (args: string[]) => JSON.parse(ecslint(['rules', '--json', ...args], dir).stdout) as Array<{ id: string; severity: string; presets: Record<string, string> }>;
    const bp = listed(['--prefix', 'bp']);
    expect(bp.length).toBeGreaterThan(5);
    expect(bp.every((r) => r.id.startsWith('bp-'))).toBe(true);
    expect(listed(['--prefix', 'bp-']).map((r) => r.id)).toEqual(bp.map((r) => r.id));
    const recommendedErrors = listed(['--preset', 'recommended', '--severity', 'error']);
    expect(recommendedErrors.length).toBeGreaterThan(10);
    expect(recommendedErrors.every((r) => r.severity === 'error' && r.presets.recommended === 'error')).toBe(true);
    // A rule narrowed to create-service inputs is listed for that form and not for CloudFormation.
    const rule = builtInRules().find((r) => r.when?.form?.length === 1 && r.when.form[0] === 'create-service')!;
    expect(listed(['--form', 'create-service']).map((r) => r.id)).toContain(rule.id);
    expect(listed(['--form', 'cloudformation']).map((r) => r.id)).not.toContain(rule.id);
    // Task definition rules do not apply to a cluster input.
    expect(listed(['--form', 'create-cluster']).every((r) => builtInRules().find((d) => d.id === r.id)!.on === 'cluster')).toBe(true);

    const table = ecslint(['rules'], dir).stdout;
    expect(table).toMatch(/A rule id starts with what it is about:\n {2}bp +best practice/);
    expect(table).toMatch(/^ {2}pm +port mappings/m);
    const none = ecslint(['rules', '--prefix', 'bpp'], dir);
    expect([none.code, none.stderr]).toEqual([2, 'ecslint: --prefix bpp: no rule id starts with "bpp". Did you mean "bp"? The prefixes are listed at the end of "ecslint rules".\n']);
  });

  test('--form offers every form a unit can be written in', () => {
    const { RULE_FORMS } = require('../dist/src/cli/rules-list') as typeof import('../src/cli/rules-list');
    const { RULE_FORMS_CHOICES } = require('../dist/src/cli/commands') as typeof import('../src/cli/commands');
    expect([...RULE_FORMS_CHOICES].sort()).toEqual([...RULE_FORMS].sort());
  });

  test('a folder named rules is still lintable as ./rules, and the command says so when one exists', () => {
    const listed = ecslint(['rules'], dir);
    expect(listed.stderr).toContain('ecslint ./rules');
    const linted = ecslint(['--no-config', '-f', 'compact', './rules'], dir);
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/^rules[\\/]td\.json:\d+:\d+: error: .*\[fargate-no-privileged\]$/m);
  });

  test('linting stays the default command', () => {
    expect(ecslint(['--no-config', 'clean.yaml'], dir).code).toBe(0);
    // With no path, the current folder is linted, as with ".".
    const none = ecslint(['--no-config', '-f', 'json'], dir);
    const dot = ecslint(['--no-config', '-f', 'json', '.'], dir);
    expect(none.code).toBe(dot.code);
    expect(JSON.parse(none.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(JSON.parse(dot.stdout).map((f: { filePath: string }) => f.filePath.replace(/^\.\//, '')));
  });
});

describe('ecslint explain', () => {
  test('prints the description, fix, applicability, a bad and a good example from the fixtures, and the source', () => {
    const rule = builtInRules().find((r) => r.id === 'fargate-no-privileged')!;
    const r = ecslint(['explain', rule.id], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(rule.description);
    expect(r.stdout).toContain(`How to fix: ${rule.remediation}`);
    expect(r.stdout).toContain('Applies to: task definitions where the task can run on Fargate');
    const first = (kind: string) =>
      fs
        .readdirSync(path.join(ROOT, 'fixtures', rule.id, kind))
        .filter((f) => !/\.(findings|options)\.json$/.test(f))
        .sort()[0];
    expect(r.stdout).toContain(`Bad (fixtures/${rule.id}/invalid/${first('invalid')}`);
    expect(r.stdout).toContain(`Good (fixtures/${rule.id}/valid/${first('valid')}`);
    expect(r.stdout).toMatch(/ecslint reports:\n {4}\d+:\d+ {2}Container "\w+" sets [Pp]rivileged/);
    expect(r.stdout).toContain(`Source: ${rule.source}`);
    expect(r.stdout).toContain(`/docs/rules/${rule.id}.md`);
  });

  test('an unknown id exits 2 with a suggestion', () => {
    const r = ecslint(['explain', 'fargate-privileged'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown rule "fargate-privileged". Did you mean "fargate-no-privileged"');
  });

  test('explains the loader diagnostics too', () => {
    const r = ecslint(['explain', 'parse-error'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not valid JSON, YAML or HCL');
  });
});
