/**
 * Every output format, fed a report whose values try to break out of it: a container name with line
 * breaks, a forged workflow command, XML markup, ANSI escapes and a bell; a file path with commas, colons
 * and percent signs. Each format must stay well-formed and carry the value without letting it act.
 */
import * as fs from 'fs';
import { privilegedFargateTaskDefinition } from './support';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const { format, FORMATS, lintText, report: makeReport } = require('../dist/src/index') as typeof import('../src/index');

const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

const { fileResult } = require('../dist/src/model/finding') as typeof import('../src/model/finding');
type FileResult = import('../src/model/finding').FileResult;
type Finding = import('../src/model/finding').Finding;
type FormatName = import('../src/formatters').FormatName;

const HOSTILE_NAME = 'web\n::error file=evil.json,line=1::injected\r\n</failure><x a="1">&amp; \u001b[31mred\u001b[0m\u0007 100%0A, a:b';
const HOSTILE_FILE = 'in,fra:x/%0A task&<def>.json';
const CWD = '/repo';

const taskDefinition = privilegedFargateTaskDefinition;

const hostileResult = (): FileResult => lintText(taskDefinition(HOSTILE_NAME), { filePath: HOSTILE_FILE, config: { preset: 'recommended' } });

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'fargate-no-privileged', severity: 'error', message: 'm', path: '/x', line: 1, column: 1, endLine: 1, endColumn: 2, ...over };
}

function summary(filePath: string, messages: Finding[], taskDefinitions?: string[]): FileResult {
  return fileResult(filePath, messages, taskDefinitions);
}

/** A mixed report: errors, a warning and an info across task definitions, a parse error, a clean file. */
function mixedReport(): FileResult[] {
  return [
    summary(
      'stacks/app.yaml',
      [
        finding({ taskDefinition: 'Web', line: 10, column: 9, endLine: 10, endColumn: 20, message: 'Container "a" sets privileged.' }),
        finding({ taskDefinition: 'Web', ruleId: 'fargate-no-links', line: 12, column: 9, endLine: 12, endColumn: 14, message: 'Container "a" sets links.' }),
        finding({ taskDefinition: 'Worker', severity: 'warning', ruleId: 'hc-interval', line: 30, column: 7, endLine: 30, endColumn: 15, message: 'Health check interval is long.' }),
        finding({ taskDefinition: 'Worker', severity: 'info', ruleId: 'hc-retries', line: 31, column: 7, endLine: 31, endColumn: 14, message: 'Retries are few.' }),
      ],
      ['Web', 'Worker', 'Batch'],
    ),
    summary('broken.json', [finding({ ruleId: 'parse-error', path: '', message: 'Expected "," or "}".', line: 3, column: 1, endLine: 3, endColumn: 2 })]),
    summary('clean.json', [], ['clean']),
  ];
}

/** Render results as the command line does: a report whose relative paths are written against CWD. */
function fmt(name: FormatName, results: FileResult[], root = CWD): string {
  return format(name, makeReport(results, { root }));
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex

describe('every format', () => {
  test.each(FORMATS)('%s is deterministic and ends with a newline when it prints anything', (name) => {
    const report = [hostileResult(), ...mixedReport()];
    const a = fmt(name, report);
    expect(fmt(name, report)).toBe(a);
    if (a !== '') expect(a.endsWith('\n')).toBe(true);
  });

  test('the hostile container name reaches the report', () => {
    const r = hostileResult();
    expect(r.messages.some((m) => m.ruleId === 'fargate-no-privileged' && m.message.includes(HOSTILE_NAME))).toBe(true);
  });
});

describe('stylish', () => {
  test('strips control characters and keeps one finding a line', () => {
    const r = hostileResult();
    const out = fmt('stylish', [r]);
    expect(out).not.toMatch(CONTROL);
    const lines = out.split('\n');
    expect(lines.filter((l) => /^\s+\d+:\d+\s/.test(l))).toHaveLength(r.messages.length);
    expect(lines.some((l) => l.startsWith('::'))).toBe(false);
    expect(out).toContain('red'); // the text of the name stays; only the escape sequences go
  });
});

describe('json', () => {
  test('round-trips every value exactly', () => {
    const report = [hostileResult(), ...mixedReport()];
    const out = fmt('json', report);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual(report);
  });
});

describe('compact', () => {
  test('one line a finding: file:line:col: severity: message [rule]', () => {
    const report = [hostileResult(), ...mixedReport()];
    const out = fmt('compact', report);
    expect(out).not.toMatch(CONTROL);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(report.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: (error|warning|info): .* \[[a-z0-9-]+\]$/);
    expect(lines).toContain('stacks/app.yaml:30:7: warning: Health check interval is long. [hc-interval]');
    expect(lines).toContain('broken.json:3:1: error: Expected "," or "}". [parse-error]');
  });
});

describe('github', () => {
  const COMMAND = /^::(error|warning|notice) ([^:]*)::(.*)$/;
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

  function parse(out: string) {
    return out
      .trimEnd()
      .split('\n')
      .map((line) => {
        const m = COMMAND.exec(line);
        if (!m) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
        const props = Object.fromEntries(m[2].split(',').map((p) => [p.slice(0, p.indexOf('=')), unescapeProperty(p.slice(p.indexOf('=') + 1))]));
        return { command: m[1], props, message: unescapeData(m[3]) };
      });
  }

  test('one command a finding; no value can start a line or end a property', () => {
    const r = hostileResult();
    const out = fmt('github', [r]);
    expect(out).not.toMatch(/\r/);
    const commands = parse(out);
    expect(commands).toHaveLength(r.messages.length);
    commands.forEach((c, i) => {
      const m = r.messages[i];
      expect(c.command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[m.severity]);
      expect(c.message).toBe(m.message);
      expect(c.props).toEqual({ file: HOSTILE_FILE, line: String(m.line), col: String(m.column), endLine: String(m.endLine), endColumn: String(m.endColumn), title: m.ruleId });
    });
  });

  test('severities map to error, warning and notice; absolute paths become relative to the workspace', () => {
    const report = mixedReport();
    report[0] = { ...report[0], filePath: '/repo/stacks/app.yaml' };
    const commands = parse(fmt('github', report));
    expect(commands.map((c) => c.command)).toEqual(['error', 'error', 'warning', 'notice', 'error']);
    expect(commands[0].props.file).toBe('stacks/app.yaml');
    expect(commands[2].props).toMatchObject({ line: '30', col: '7', endLine: '30', endColumn: '15', title: 'hc-interval' });
  });

  test('prints nothing for a clean report', () => {
    expect(fmt('github', [summary('clean.json', [], ['clean'])])).toBe('');
  });
});

describe('junit', () => {
  // XML 1.0 cannot carry these at all, raw or as character references.
  const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/; // eslint-disable-line no-control-regex
  const FORBIDDEN_REF = /&#(x0*([0-8bcef]|1[0-9a-f])|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/i;

  function parse(xml: string) {
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).not.toMatch(FORBIDDEN_REF);
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
    return doc;
  }

  const children = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);

  test('is well-formed and carries the hostile values as text, never as markup', () => {
    const r = hostileResult();
    const doc = parse(fmt('junit', [r]));
    const root = doc.documentElement as unknown as Element;
    expect(root.tagName).toBe('testsuites');
    const [suite] = children(root, 'testsuite');
    expect(suite.getAttribute('name')).toBe(HOSTILE_FILE);
    const cases = children(suite, 'testcase');
    expect(cases).toHaveLength(r.messages.length);
    const mineCase = cases.find((c) => c.getAttribute('name')!.startsWith('fargate-no-privileged '))!;
    const failures = children(mineCase, 'failure');
    expect(failures).toHaveLength(1);
    const mine = failures[0];
    expect(mine.getAttribute('type')).toBe('error');
    // Terminal escapes are dropped, a character XML cannot carry is shown as \uXXXX; the rest, line breaks included, survives exactly.

    const expected = r.messages
      .find((m) => m.ruleId === 'fargate-no-privileged')!
      // eslint-disable-next-line no-control-regex
      .message.replace(/\u001b\[[0-9;]*m/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u0007/g, '\\u0007');
    expect(mine.getAttribute('message')).toBe(expected);
    expect(mine.textContent).toContain(expected);
    expect(doc.getElementsByTagName('x')).toHaveLength(0);
  });

  test('one testsuite per file, one testcase per finding with file and line, one failure per error or warning', () => {
    const doc = parse(fmt('junit', mixedReport()));
    const root = doc.documentElement as unknown as Element;
    expect(root.getAttribute('tests')).toBe('6');
    expect(root.getAttribute('failures')).toBe('4');
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(['stacks/app.yaml', 'broken.json', 'clean.json']);

    const app = children(suites[0], 'testcase');
    expect(suites[0].getAttribute('tests')).toBe('4');
    expect(suites[0].getAttribute('failures')).toBe('3');
    expect(app.map((c) => [c.getAttribute('name'), c.getAttribute('file'), c.getAttribute('line')])).toEqual([
      ['fargate-no-privileged 10:9', 'stacks/app.yaml', '10'],
      ['fargate-no-links 12:9', 'stacks/app.yaml', '12'],
      ['hc-interval 30:7', 'stacks/app.yaml', '30'],
      ['hc-retries 31:7', 'stacks/app.yaml', '31'],
    ]);
    expect(app.map((c) => children(c, 'failure').map((f) => f.getAttribute('type')))).toEqual([['error'], ['error'], ['warning'], []]);
    expect(children(app[0], 'failure')[0].textContent).toBe('stacks/app.yaml:10:9 in Web: Container "a" sets privileged. [fargate-no-privileged]\nat /x');
    // An info does not fail its testcase; it is kept as output.
    expect(children(app[3], 'system-out')[0].textContent).toBe('stacks/app.yaml:31:7 in Worker: Retries are few. [hc-retries]\nat /x');

    const broken = children(suites[1], 'testcase');
    expect(broken.map((c) => c.getAttribute('name'))).toEqual(['parse-error 3:1']);
    expect(children(broken[0], 'failure')[0].getAttribute('message')).toBe('Expected "," or "}".');

    // A clean file still shows as checked: one passing testcase.
    const clean = children(suites[2], 'testcase');
    expect(clean.map((c) => [c.getAttribute('name'), c.getAttribute('file'), c.childNodes.length])).toEqual([['ecslint', 'clean.json', 0]]);
  });

  test('paths are relative to the repository root', () => {
    const xml = fmt('junit', [summary('/repo/infra/td.json', [finding({})])]);
    const suite = parse(xml).getElementsByTagName('testsuite')[0];
    expect(suite.getAttribute('name')).toBe('infra/td.json');
    expect(suite.getElementsByTagName('testcase')[0].getAttribute('file')).toBe('infra/td.json');
  });

  test('a JUnit consumer (test-results-parser) sees every error and warning as a failed test, each with its own message', () => {
    const { parse: parseResults } = require('test-results-parser') as { parse(o: { type: string; files: string[] }): ConsumedResult };
    type ConsumedResult = {
      total: number;
      failed: number;
      passed: number;
      suites: Array<{ name: string; total: number; failed: number; cases: Array<{ name: string; status: string; failure: string }> }>;
    };
    const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'ecslint-junit-'));
    try {
      const file = path.join(tmp, 'report.xml');
      fs.writeFileSync(file, fmt('junit', mixedReport()));
      const result = parseResults({ type: 'junit', files: [file] });
      expect([result.total, result.failed, result.passed]).toEqual([6, 4, 2]);
      const app = result.suites.find((s) => s.name === 'stacks/app.yaml')!;
      expect(app.cases.map((c) => [c.status, c.failure])).toEqual([
        ['FAIL', 'Container "a" sets privileged.'],
        ['FAIL', 'Container "a" sets links.'],
        ['FAIL', 'Health check interval is long.'],
        ['PASS', ''],
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('stylish on a narrow terminal', () => {
  const long = 'Container "web" uses the awslogs log driver on Fargate without the option "awslogs-stream-prefix", so its log streams cannot be told apart.';
  const results = () => [
    summary('td.json', [
      finding({ line: 7, column: 5, message: long, ruleId: 'log-awslogs-stream-prefix' }),
      finding({ line: 120, column: 13, severity: 'warning', message: 'Short one.', ruleId: 'bp-no-privileged' }),
    ]),
  ];

  test('wraps long messages within their column: no line is wider than the terminal, line:col stays a column', () => {
    const out = format('stylish', makeReport(results(), { root: CWD }), { width: 80 });
    const lines = out.split('\n').filter((l) => l.startsWith('  '));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    // Finding lines start with line:col in a fixed-width column; continuation lines leave it blank.
    const finding = lines.filter((l) => /^ {2}\d/.test(l));
    expect(finding.map((l) => l.slice(2, 9))).toEqual(['7:5    ', '120:13 ']);
    const messageAt = finding[0].indexOf('Container');
    const continued = lines.filter((l) => !/^ {2}\d/.test(l));
    expect(continued.length).toBeGreaterThan(0);
    for (const l of continued) expect(l.slice(0, messageAt).trim()).toBe('');
    // Nothing is lost: the pieces make up the message again.
    const pieces = [
      finding[0]
        .slice(messageAt)
        .replace(/\s+log-awslogs-stream-prefix$/, '')
        .trim(),
      ...continued.map((l) => l.trim()),
    ];
    expect(pieces.join(' ')).toBe(long);
  });

  test('without a width (a pipe or a file) nothing wraps', () => {
    const out = format('stylish', makeReport(results(), { root: CWD }));
    expect(out).toContain(long);
  });
});

describe('gitlab', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'gitlab-codequality.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
  function gitlab(results: FileResult[]): Issue[] {
    const issues = JSON.parse(fmt('gitlab', results));
    if (!validate(issues)) throw new Error(`not a GitLab Code Quality report: ${ajv.errorsText(validate.errors)}`);
    return issues;
  }

  test("one issue per finding, valid against GitLab's documented format, with unique fingerprints", () => {
    const issues = gitlab(mixedReport());
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['fargate-no-privileged', 'major', 'stacks/app.yaml', 10],
      ['fargate-no-links', 'major', 'stacks/app.yaml', 12],
      ['hc-interval', 'minor', 'stacks/app.yaml', 30],
      ['hc-retries', 'info', 'stacks/app.yaml', 31],
      ['parse-error', 'major', 'broken.json', 3],
    ]);
    expect(issues[0].description).toBe('Container "a" sets privileged. [fargate-no-privileged]');
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  test('paths are relative to the repository root; fingerprints do not change when lines move', () => {
    const at = (line: number) => gitlab([summary('/repo/infra/td.json', [finding({ line, endLine: line })])]);
    expect(at(3)[0].location.path).toBe('infra/td.json');
    expect(at(3)[0].fingerprint).toBe(at(40)[0].fingerprint);
    // Two findings that share rule and pointer still get fingerprints of their own.
    const twice = gitlab([summary('/repo/td.json', [finding({ line: 1 }), finding({ line: 2 })])]);
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
  });

  test('a hostile value stays a JSON string; a clean report is an empty array', () => {
    const r = hostileResult();
    const issues = gitlab([r]);
    expect(issues.map((i) => i.description)).toEqual(r.messages.map((m) => `${m.message} [${m.ruleId}]`));
    expect(gitlab([summary('clean.json', [], ['clean'])])).toEqual([]);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  function sarif(report: FileResult[]) {
    const log = JSON.parse(fmt('sarif', report));
    if (!validate(log)) throw new Error(`invalid SARIF: ${ajv.errorsText(validate.errors)}`);
    return log;
  }

  test('the schema check has teeth: a wrong level or a malformed URI is refused', () => {
    const log = JSON.parse(fmt('sarif', mixedReport()));
    expect(validate(log)).toBe(true);
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    const other = JSON.parse(fmt('sarif', mixedReport()));
    other.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b\\c:<d>';
    expect(validate(other)).toBe(false);
  });

  test('is valid SARIF 2.1.0, with every rule described for code scanning', () => {
    const log = sarif(mixedReport());
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('ecslint');
    const byId = new Map(driver.rules.map((r: { id: string }) => [r.id, r]));
    for (const rule of builtInRules()) {
      expect(byId.get(rule.id)).toMatchObject({
        id: rule.id,
        shortDescription: { text: rule.description },
        fullDescription: { text: expect.stringContaining(rule.description) },
        helpUri: expect.stringMatching(new RegExp(`/docs/rules/${rule.id}\\.md$`)),
        defaultConfiguration: { level: rule.severity === 'info' ? 'note' : rule.severity },
      });
    }
    expect(byId.has('parse-error')).toBe(true);
  });

  test('results carry rule, index, level, message and an exact region in a relative artifact', () => {
    const report = mixedReport();
    report[0] = { ...report[0], filePath: '/repo/stacks/app.yaml' };
    const log = sarif(report);
    const rules = log.runs[0].tool.driver.rules;
    const results = log.runs[0].results;
    expect(results).toHaveLength(5);
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.map((r: { level: string }) => r.level)).toEqual(['error', 'error', 'warning', 'note', 'error']);
    expect(results[2]).toMatchObject({
      ruleId: 'hc-interval',
      message: { text: 'Health check interval is long.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'stacks/app.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 30, startColumn: 7, endLine: 30, endColumn: 15 },
          },
        },
      ],
    });
    expect(results[4].locations[0].physicalLocation.artifactLocation.uri).toBe('broken.json');
  });

  test('escapes the hostile values: the file name is one encoded URI, the message exact text', () => {
    const r = hostileResult();
    const log = sarif([r]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(r.messages.length);
    const uri: string = results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).not.toMatch(/[\s,:<>&]/);
    expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(HOSTILE_FILE);
    expect(results.map((x: { message: { text: string } }) => x.message.text)).toEqual(r.messages.map((m) => m.message));
  });

  test('a rule nobody described still gets a descriptor, so ruleIndex stays valid', () => {
    const log = sarif([summary('a.json', [finding({ ruleId: 'team-own-rule', severity: 'warning' })], ['a'])]);
    const { rules } = log.runs[0].tool.driver;
    const result = log.runs[0].results[0];
    expect(rules[result.ruleIndex]).toMatchObject({ id: 'team-own-rule', defaultConfiguration: { level: 'warning' } });
  });

  test('partial fingerprints survive lines moving, and tell findings apart', () => {
    const text = taskDefinition('web');
    const before = sarif([lintText(text, { filePath: 'td.json' })]).runs[0].results;
    const after = sarif([lintText('\n\n\n' + text, { filePath: 'td.json' })]).runs[0].results;
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(before.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
    expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 3);
    const two = sarif(mixedReport()).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(two).size).toBe(two.length);
  });
});
