/**
 * Inputs built to crash ecslint or make it slow: YAML keys and tags the walker did not expect, alias
 * floods, files of nothing but empty lists, old Mac line ends, check functions fed thousands of
 * containers, regular expressions that backtrack, configuration files that are FIFOs or devices, and
 * folders that cannot be listed. Time is never measured against a stopwatch: each bound compares the
 * work for n and for a multiple of n, measured in the same test (linear work grows by the multiple,
 * quadratic work by its square).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const api = require('../dist/src/index') as typeof import('../src/index');
const { parseYaml } = require('../dist/src/load/parse-yaml') as typeof import('../src/load/parse-yaml');
const { parseJson } = require('../dist/src/load/parse-json') as typeof import('../src/load/parse-json');
const { SyntaxProblem, MAX_NODES } = require('../dist/src/load/parsed') as typeof import('../src/load/parsed');
const { didYouMean } = require('../dist/src/functions/awsSchema') as typeof import('../src/functions/awsSchema');
const { nameWords } = require('../dist/src/functions/plaintextSecret') as typeof import('../src/functions/plaintextSecret');
const { isPlaceholderString } = require('../dist/src/model/unknown') as typeof import('../src/model/unknown');
const { userRegExp, regExpProblem } = require('../dist/src/regexp/user-regexp') as typeof import('../src/regexp/user-regexp');
const { filterProblem, compileSelector } = require('../dist/src/engine/select') as typeof import('../src/engine/select');
const { loadConfigFile, ConfigError } = require('../dist/src/config/load') as typeof import('../src/config/load');
const { readBaseline } = require('../dist/src/report/baseline') as typeof import('../src/report/baseline');
const { expandPaths } = require('../dist/src/files/expand') as typeof import('../src/files/expand');
type RuleFunction = import('../src/functions/types').RuleFunction<never>;
const fn = (name: string) => (require(`../dist/src/functions/${name}`) as { default: RuleFunction }).default;

const BIN = path.join(__dirname, '..', 'bin', 'ecslint.js');
const GENERATED = path.join(__dirname, '..', 'dist', 'generated');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-hostile-inputs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Milliseconds for one call of `run`. */
function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Milliseconds for `run`: the best of three, the run least disturbed by other work on the machine. */
function ms(run: () => unknown): number {
  return Math.min(time(run), time(run), time(run));
}

/**
 * `work(n * factor)` must take less than three times `factor` times `work(n)`: linear work takes
 * `factor` times as long, quadratic work `factor²` (100 times for 10). Both are measured in turns,
 * three times each, and the best of each counts; a baseline under 10 ms counts as 10 ms: below
 * that, timer noise and garbage collection on a busy machine would decide.
 */
function expectLinear(work: (n: number) => unknown, n: number, factor = 10): void {
  work(n); // warm up the JIT
  let small = Infinity;
  let large = Infinity;
  for (let round = 0; round < 3; round++) {
    small = Math.min(
      small,
      time(() => work(n)),
    );
    large = Math.min(
      large,
      time(() => work(n * factor)),
    );
  }
  expect(large).toBeLessThan(Math.max(small, 10) * factor * 3);
}

const config = { preset: 'all' as const };

/** Every finding lies inside the text (lines split as YAML splits them, including a lone CR). */
function expectInside(text: string, result: { messages: Array<{ line: number; column: number; endLine: number }> }): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
  }
}

const TD_HEAD = 'family: web\nrequiresCompatibilities: [FARGATE]\nnetworkMode: awsvpc\ncpu: "256"\nmemory: "512"\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n';

describe('YAML keys that are not scalars', () => {
  test.each([
    ['a map with a toString member', '? {toString: 1}\n: x\n', '{toString: 1}'],
    ['a map with valueOf', '? {valueOf: 1, toString: 2}\n: x\n', '{valueOf: 1, toString: 2}'],
    ['a sequence', '? [a, b]\n: x\n', '[a, b]'],
    ['a nested map', '? {a: {b: [1, 2]}}\n: x\n', '{a: {b: [1, 2]}}'],
    ['an alias to a scalar', 'extra: &k sidecar\n*k : x\n', 'sidecar'],
    ['an alias to a map', 'extra: &m {toString: 1}\n*m : x\n', '*m'],
    ['a set', '? !!set {a, b}\n: x\n', '{a, b}'],
    ['an empty key', '? \n: x\n', ''],
  ])('%s is a member named by its text, not a crash', (_label, yaml, key) => {
    const text = TD_HEAD + yaml;
    const parsed = parseYaml(text);
    const doc = parsed.documents[0];
    expect('error' in doc).toBe(false);
    expect(Object.keys((doc as { value: Record<string, unknown> }).value)).toContain(key);
    const result = api.lintText(text, { filePath: 'k.yaml', config });
    expect(result.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    expectInside(text, result);
  });

  test('the same complex key twice is a duplicate key, found by its text', () => {
    const text = TD_HEAD + '? [a, b]\n: 1\n? [a, b]\n: 2\n';
    const result = api.lintText(text, { filePath: 'k.yaml', config });
    expect(result.messages.filter((m) => m.ruleId === 'duplicate-key').map((m) => m.line)).toEqual([11]);
  });
});

describe('YAML tags whose items have no range', () => {
  test.each([
    ['!!omap at the top (the PyYAML documentation example)', '--- !!omap\n- Mark McGwire: 65\n- Sammy Sosa: 63\n- Ken Griffy: 58\n'],
    ['!!pairs at the top', '--- !!pairs\n- meeting: with team\n- meeting: with boss\n'],
    ['!!omap in flow style', '!!omap [a: 1, b: 2]\n'],
    ['!!omap of keys without values', '!!omap\n- a\n- b\n'],
    ['!!omap inside a task definition', TD_HEAD + '    environment: !!omap\n      - name: A\n      - value: B\n'],
    ['!!pairs as the container list', 'family: web\ncontainerDefinitions: !!pairs\n  - name: web\n  - image: nginx\n'],
    ['!!set as a container', 'family: web\ncontainerDefinitions:\n  - !!set\n    ? name\n    ? image\n'],
    ['an empty !!omap', 'family: web\ncontainerDefinitions: !!omap []\n'],
  ])('%s is read without an exception', (_label, text) => {
    expect(() => parseYaml(text)).not.toThrow();
    const result = api.lintText(text, { filePath: 'o.yaml', config });
    expectInside(text, result);
  });

  test('an !!omap item is a one-member map located at its key', () => {
    const text = 'family: web\ncontainerDefinitions: !!omap\n  - name: web\n  - image: nginx\n';
    const doc = parseYaml(text).documents[0] as { value: { containerDefinitions: unknown } };
    expect(doc.value.containerDefinitions).toEqual([{ name: 'web' }, { image: 'nginx' }]);
    const result = api.lintText(text, { filePath: 'o.yaml', config });
    const image = result.messages.find((m) => m.path.startsWith('/containerDefinitions/1'));
    expect(image?.line).toBe(4);
  });
});

describe('YAML aliases', () => {
  const aliases = (n: number) => {
    const lines = [TD_HEAD.trimEnd(), 'anchors:'];
    for (let i = 0; i < n; i++) lines.push(`  - &a${i} value${i}`);
    lines.push('uses:');
    for (let i = 0; i < n; i++) lines.push(`  - *a${i}`);
    return lines.join('\n') + '\n';
  };

  test('10,000 aliases cost little more than 10,000 plain values (each alias resolved through one anchor map)', () => {
    const plain = (n: number) =>
      aliases(n)
        .replace(/&a\d+ /g, '')
        .replace(/\*a(\d+)/g, 'use$1');
    const withAliases = aliases(10_000);
    const without = plain(10_000);
    expect((parseYaml(withAliases).documents[0] as { value: { uses: string[] } }).value.uses[9999]).toBe('value9999');
    parseYaml(without);
    let base = Infinity;
    let measured = Infinity;
    for (let round = 0; round < 3; round++) {
      base = Math.min(
        base,
        time(() => parseYaml(without)),
      );
      measured = Math.min(
        measured,
        time(() => parseYaml(withAliases)),
      );
    }
    // Resolving each alias by scanning the document made this 40 seconds against half of one.
    expect(measured).toBeLessThan(Math.max(base, 5) * 3);
  });

  test('an alias names the nearest anchor before it, as YAML says', () => {
    const doc = parseYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x\n').documents[0] as { value: Record<string, unknown> };
    expect(doc.value).toEqual({ a: 1, b: 1, c: 2, d: 2 });
  });

  test('an alias bomb is still refused by the node budget', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const doc = parseYaml(lines.join('\n') + '\n').documents[0];
    expect('error' in doc && doc.error.message).toMatch(/more than 200,000 values/);
  });
});

describe('files of nothing but empty lists', () => {
  const budget = MAX_NODES;
  // Each is far over the budget; before the fix the 8 MiB forms took over a minute and gigabytes.
  test.each([
    [
      'JSON [[],[],…]',
      'e.json',
      () =>
        '[' +
        Array(budget * 2)
          .fill('[]')
          .join(',') +
        ']',
    ],
    [
      'flow YAML [[],[],…] that is not JSON',
      'e.yaml',
      () =>
        '[' +
        Array(budget * 2)
          .fill('[]')
          .join(',') +
        ', x: y]',
    ],
    ['block YAML "- []" lines', 'e.yaml', () => '- []\n'.repeat(budget * 2)],
    ['block YAML "-" lines', 'e.yaml', () => '-\n'.repeat(budget * 2)],
    ['block YAML ":" lines', 'e.yaml', () => ':\n'.repeat(budget * 2)],
    ['comment lines', 'e.yaml', () => 'a: 1\n' + '#\n'.repeat(budget * 4)],
  ])('%s is refused with a parse-error that stops early in the file', (_label, name, make) => {
    const text = make();
    const result = api.lintText(text, { filePath: name, config });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['parse-error']);
    expect(result.messages[0].message).toMatch(/more than [\d,]+ (values|YAML nodes|YAML tokens)/);
    // Refused where the budget ran out, not after reading the rest.
    const lines = text.split('\n');
    const offset = lines.slice(0, result.messages[0].line - 1).join('\n').length + result.messages[0].column;
    expect(offset).toBeLessThan(text.length * 0.75);
  });

  test('JSON over the budget is refused for good, not retried as YAML', () => {
    let err: unknown;
    try {
      parseJson(
        '[' +
          Array(budget + 10)
            .fill('0')
            .join(',') +
          ']',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SyntaxProblem);
    expect((err as InstanceType<typeof SyntaxProblem>).final).toBe(true);
  });

  test('the work to refuse grows with the budget, not with the file', () => {
    // Twice the budget and 20 times the budget take about as long: the rest of the file is never read.
    const make = (n: number) => '- []\n'.repeat(n);
    const at2 = make(budget * 2);
    const at20 = make(budget * 20);
    const small = Math.max(
      ms(() => parseYaml(at2)),
      3,
    );
    const large = ms(() => parseYaml(at20));
    expect(large).toBeLessThan(small * 5);
  });
});

describe('lone CR line ends (old Mac)', () => {
  const lf = TD_HEAD + '    privileged: true\n';
  test.each([
    ['YAML', 't.yaml', lf],
    ['JSON', 't.json', JSON.stringify({ family: 'web', requiresCompatibilities: ['FARGATE'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', privileged: true }] }, null, 2) + '\n'],
  ])('%s reads as with LF line ends, at the same lines and columns', (_label, name, text) => {
    const cr = text.replace(/\n/g, '\r');
    const withLf = api.lintText(text, { filePath: name, config });
    const withCr = api.lintText(cr, { filePath: name, config });
    expect(withCr.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    const where = (r: typeof withLf) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]);
    expect(where(withCr)).toEqual(where(withLf));
    expect(withLf.messages.some((m) => m.ruleId === 'fargate-no-privileged')).toBe(true);
  });

  test('CRLF and mixed line ends keep their lines', () => {
    const mixed = 'family: web\r\ncontainerDefinitions:\r  - name: web\n    image: nginx:1.27\r    privileged: true\r\n';
    const r = api.lintText(mixed, { filePath: 'm.yaml', config: { preset: 'all', launchType: 'FARGATE' } });
    expect(r.messages.find((m) => m.ruleId === 'fargate-no-privileged')).toMatchObject({ line: 5, column: 5 });
  });
});

/** A task definition of n containers, each made by `container(i)`. */
const manyContainers = (n: number, container: (i: number) => Record<string, unknown>) => ({
  family: 'f',
  containerDefinitions: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx:1', ...container(i) })),
});
const target = { compatibilities: undefined, fargate: undefined, os: undefined, networkMode: 'bridge', ipcMode: undefined, setMembers: new Set<string>() };

/** Call a check function on each container as the engine would (one call per selected value). */
function checkEach(name: string, options: unknown, doc: Record<string, unknown>, select: (c: Record<string, unknown>, i: number) => [unknown, Array<string | number>] | undefined) {
  const check = fn(name);
  const out: unknown[] = [];
  (doc.containerDefinitions as Array<Record<string, unknown>>).forEach((c, i) => {
    const picked = select(c, i);
    if (picked) out.push(...check.check(picked[0] as never, options as never, { document: doc, path: picked[1], target, docs: 'seed' } as never));
  });
  return out;
}

describe('check functions on large documents', () => {
  test('a dependsOn chain of 5,000 containers is walked without recursion', () => {
    const doc = manyContainers(5000, (i) => (i < 4999 ? { dependsOn: [{ containerName: `c${i + 1}`, condition: 'START' }] } : { dependsOn: [{ containerName: 'c0', condition: 'START' }] }));
    const results = fn('noCycles').check(
      doc.containerDefinitions as never,
      { key: 'name', edges: [{ member: 'dependsOn', ref: 'containerName' }] } as never,
      { document: doc, path: ['containerDefinitions'], target, docs: 'seed' } as never,
    );
    expect(results).toHaveLength(1);
    // The cycle is named by its first containers and a count, not by 5,000 names.
    expect(String(results[0].data?.cycle)).toBe('"c0" -> "c1" -> "c2" -> "c3" -> "c4" -> "c5" -> "c6" -> "c7" -> "c8" -> "c9" -> … (4990 more) -> "c0"');
  });

  test('the same chain through lintText reports the cycle', () => {
    const doc = manyContainers(5000, (i) => (i < 4999 ? { dependsOn: [{ containerName: `c${i + 1}`, condition: 'START' }] } : {}));
    const r = api.lintText(JSON.stringify(doc), { filePath: 'chain.json', config });
    expect(r.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
  });

  test('did-you-mean costs about as much for a 1 MB name as for a 10 KB one, and still suggests for short names', () => {
    const candidates = ['image', 'name', 'memory', 'memoryReservation', 'essential', 'portMappings', 'environment', 'healthCheck', 'logConfiguration', 'dependsOn'];
    expect(didYouMean('memroy', candidates)).toBe('memory');
    expect(didYouMean('Image', candidates)).toBe('image');
    expect(didYouMean('x'.repeat(1_000_000), candidates)).toBeUndefined();
    // A full edit-distance table grows with the name: 100 times the name was 100 times the work.
    const short = 'q'.repeat(10_000);
    const long = 'q'.repeat(1_000_000);
    didYouMean(short, candidates);
    const base = Math.max(
      ms(() => didYouMean(short, candidates)),
      3,
    );
    expect(ms(() => didYouMean(long, candidates))).toBeLessThan(base * 20);
  });

  test('an unknown key of 1 MB costs about what a 1 MB value of a known member does', () => {
    const td = (extra: Record<string, unknown>) => JSON.stringify({ family: 'f', containerDefinitions: [{ name: 'web', image: 'nginx:1', memory: 128, ...extra }] });
    const unknownKey = td({ ['k'.repeat(1_000_000)]: 1 });
    const knownValue = td({ hostname: 'k'.repeat(1_000_000), kk: 1 });
    const r = api.lintText(unknownKey, { filePath: 'k.json', config });
    expect(r.messages.some((m) => m.ruleId === 'td-unknown-property')).toBe(true);
    api.lintText(knownValue, { filePath: 'k.json', config });
    const base = Math.max(
      ms(() => api.lintText(knownValue, { filePath: 'k.json', config })),
      3,
    );
    // Before, the edit-distance tables made this 190 seconds against a tenth of one.
    expect(ms(() => api.lintText(unknownKey, { filePath: 'k.json', config }))).toBeLessThan(base * 20);
  });

  test('splitting a 200,000-capital name into words is linear', () => {
    expect(nameWords('DB_PASSWORD')).toEqual(['DB', 'PASSWORD']);
    expect(nameWords('APIKey')).toEqual(['API', 'KEY']);
    expectLinear((n) => nameWords('A'.repeat(n)), 20_000, 10);
  });

  test('placeholders and template markers are found in linear time on runs of {{ and ${', () => {
    expect(isPlaceholderString('${image}')).toBe(true);
    expect(isPlaceholderString('{{ .Env.IMAGE }}')).toBe(true);
    expect(isPlaceholderString('{{ a } b }}')).toBe(false);
    expect(isPlaceholderString('$$$IMAGE$$$')).toBe(true);
    expectLinear((n) => isPlaceholderString('{{'.repeat(n)), 20_000, 10);
    expectLinear((n) => isPlaceholderString('${'.repeat(n)), 20_000, 10);
  });

  test('a cluster query expression of 100,000 parentheses is refused, not a stack overflow', () => {
    const check = fn('clusterQueryExpression');
    const options = { subjects: ['agentConnected'], operators: ['=='], unaryOperators: ['exists'], listOperators: ['in'] };
    const ctx = { document: {}, path: [], target, docs: 'seed' } as never;
    expect(check.check('('.repeat(100_000) as never, options as never, ctx)).toEqual([{ data: { problem: 'parentheses nested more than 1000 deep' } }]);
    expect(check.check('attribute:ecs.os-type == linux and (agentConnected == true)' as never, options as never, ctx)).toEqual([]);
    expectLinear((n) => check.check('[ '.repeat(n) as never, options as never, ctx), 10_000, 10);
  });

  test('port conflicts among thousands of mappings of one port cost a little each', () => {
    const check = fn('portConflicts');
    const doc = (n: number) => manyContainers(1, () => ({ portMappings: Array.from({ length: n }, () => ({ containerPort: 80 })) }));
    const docs = new Map([2000, 20_000].map((n) => [n, doc(n)]));
    const run = (n: number) => check.check(docs.get(n) as never, { port: 'container', pairs: 'sameContainer' } as never, { document: docs.get(n), path: [], target, docs: 'seed' } as never);
    expect(run(2000)).toHaveLength(1999);
    expectLinear(run, 2000, 10);
  });

  test('per-container checks look the document up once, not once per container', () => {
    const doc = (n: number) =>
      manyContainers(n, (i) => ({
        portMappings: [{ name: `pm${i % (n - 1)}`, containerPort: 80 + i }],
        firelensConfiguration: i % 2 === 0 ? { type: 'fluentbit' } : undefined,
        dependsOn: [{ containerName: `c${(i + 1) % n}`, condition: 'HEALTHY' }],
        links: [`c${(i + 1) % n}`],
      }));
    const docs = new Map([1000, 10_000].map((n) => [n, doc(n)]));
    const runAll = (n: number) => {
      const d = docs.get(n)! as Record<string, unknown>;
      checkEach('identifier', { uniqueAmong: 'containerDefinitions[*].portMappings[*].name' }, d, (c, i) => [
        (c.portMappings as Array<{ name: string }>)[0].name,
        ['containerDefinitions', i, 'portMappings', 0, 'name'],
      ]);
      checkEach('maxOccurrences', { of: 'containerDefinitions[*].firelensConfiguration', max: 1 }, d, (c, i) => [c.firelensConfiguration, ['containerDefinitions', i, 'firelensConfiguration']]);
      checkEach('referencesExist', { names: 'containerDefinitions[*].name', noun: 'container' }, d, (c, i) => [(c.links as string[])[0], ['containerDefinitions', i, 'links', 0]]);
      checkEach('referencedItem', { items: 'containerDefinitions', key: 'name', ref: 'containerName', require: { field: 'healthCheck', set: true } }, d, (c, i) => [
        (c.dependsOn as unknown[])[0],
        ['containerDefinitions', i, 'dependsOn', 0],
      ]);
      checkEach('dependsOnContainer', { targets: 'containerDefinitions[*].firelensConfiguration', conditions: ['START'] }, d, (c, i) => [c, ['containerDefinitions', i]]);
    };
    // The findings themselves: the duplicate names, the extra routers, the missing health checks.
    const d = docs.get(1000)! as Record<string, unknown>;
    expect(
      checkEach('identifier', { uniqueAmong: 'containerDefinitions[*].portMappings[*].name' }, d, (c, i) => [
        (c.portMappings as Array<{ name: string }>)[0].name,
        ['containerDefinitions', i, 'portMappings', 0, 'name'],
      ]),
    ).toHaveLength(1);
    expect(
      checkEach('maxOccurrences', { of: 'containerDefinitions[*].firelensConfiguration', max: 1 }, d, (c, i) => [c.firelensConfiguration, ['containerDefinitions', i, 'firelensConfiguration']]),
    ).toHaveLength(499);
    expect(
      checkEach('referencedItem', { items: 'containerDefinitions', key: 'name', ref: 'containerName', require: { field: 'healthCheck', set: true } }, d, (c, i) => [
        (c.dependsOn as unknown[])[0],
        ['containerDefinitions', i, 'dependsOn', 0],
      ]),
    ).toHaveLength(1000);
    const waits = checkEach('dependsOnContainer', { targets: 'containerDefinitions[*].firelensConfiguration', conditions: ['START'] }, d, (c, i) => [c, ['containerDefinitions', i]]) as Array<{
      data: { target: string };
    }>;
    expect(waits[0].data.target).toBe('"c2" or "c4" or "c6" or "c8" or "c10" or 494 more');
    expectLinear(runAll, 1000, 10);
  });

  test('load balancer entries are looked up in the task definition, and a message lists a few names', () => {
    const check = fn('containerPortInTaskDefinition');
    const options = { containerField: 'containerName', portField: 'containerPort' } as never;
    // n entries against a task definition of n containers: each entry used to scan every container.
    const cases = new Map(
      [2000, 20_000].map((n) => [
        n,
        { td: manyContainers(n, (i) => ({ portMappings: [{ containerPort: 1000 + i }] })), lbs: Array.from({ length: n }, (_, i) => ({ containerName: `c${i}`, containerPort: 80 })) },
      ]),
    );
    const run = (n: number) => {
      const { td, lbs } = cases.get(n)!;
      return lbs.flatMap((lb) => check.check(lb as never, options, { document: {}, path: [], target, docs: 'seed', taskDefinition: { name: 'td', view: td } } as never));
    };
    const { td } = cases.get(20_000)!;
    const missing = check.check({ containerName: 'nope', containerPort: 80 } as never, options, {
      document: {},
      path: [],
      target,
      docs: 'seed',
      taskDefinition: { name: 'td', view: td },
    } as never);
    expect(String(missing[0].data?.problem)).toMatch(/\(it has "c0", "c1", .*"c9" and 19990 more\)$/);
    expect(run(2000)).toHaveLength(2000);
    expectLinear(run, 2000, 10);
  });
});

describe('every user regular expression runs on the linear-time engine', () => {
  const families: Array<[string, string, (n: number) => string]> = [
    ['nested quantifiers', '^(a+)+$', (n) => 'a'.repeat(n) + '!'],
    ['overlapping alternation', '^(a|a)*$', (n) => 'a'.repeat(n) + '!'],
    ['overlapping alternation of lengths', '^(a|aa)+$', (n) => 'a'.repeat(n) + '!'],
    ['polynomial blanks', '^\\s*\\s*\\s*\\s*\\s*\\s*x$', (n) => ' '.repeat(n) + '!'],
    ['polynomial wildcards', '.*.*.*=.*', (n) => 'a'.repeat(n)],
    ['star height two with classes', '^([a-z0-9]+[._-]?)*@x$', (n) => 'a'.repeat(n) + '!'],
  ];

  test.each(families)('%s: %s', (_label, source, input) => {
    expect(regExpProblem(source)).toBeUndefined();
    const re = userRegExp(source);
    expect(re.test(input(1000))).toBe(false);
    expectLinear((n) => re.test(input(n)), 10_000, 10);
  });

  test.each([
    ['^[a-z0-9_][a-z0-9_-]*$', 'my_port-1', true],
    ['^[a-z0-9_][a-z0-9_-]*$', '-port', false],
    ['^net\\.', 'net.core.somaxconn', true],
    ['\\d{12}', 'acct 123456789012', true],
    ['^(?<name>web|api)$', 'api', true],
    ['^\\u0041\\/x$', 'A/x', true],
    ['^arn:aws(-[a-z]+)*:iam::\\d{12}:role/', 'arn:aws-us-gov:iam::123456789012:role/x', true],
    ['[^]', '', false],
  ])('an ordinary pattern %s still matches as JavaScript would (%s)', (source, text, expected) => {
    expect(userRegExp(source).test(text)).toBe(expected);
    expect(new RegExp(source).test(text)).toBe(expected);
  });

  test('case-insensitive, whole-value patterns (ignoreValues) keep their meaning', () => {
    const re = userRegExp('true|false|arn:x.*', 'i', true);
    expect(['TRUE', 'arn:x:1'].map((v) => re.test(v))).toEqual([true, true]);
    expect(re.test('untrue')).toBe(false);
  });

  test.each([
    ['(\\w+)\\1', /linear time/],
    ['(?=a)b', /linear time/],
    ['(?<!a)b', /linear time/],
    ['(', /invalid regular expression/],
    ['x'.repeat(1001), /longer than 1000/],
  ])('%s is refused: %s', (source, reason) => {
    expect(regExpProblem(source)).toMatch(reason);
  });

  /** Write a configuration (and files) into a fresh folder; returns the folder. */
  const project = (files: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(dir, 'project-'));
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return root;
  };
  const longTd = (n: number) =>
    JSON.stringify({
      family: 'f',
      networkMode: 'awsvpc',
      containerDefinitions: [
        { name: 'a', image: 'nginx:1', memory: 128, environment: [{ name: 'DB_PASSWORD', value: 'x'.repeat(n) }], systemControls: [{ namespace: ' '.repeat(n), value: '1' }] },
        { name: 'b', image: 'a'.repeat(n) + '!', memory: 128, systemControls: [{ namespace: ' '.repeat(n), value: '2' }] },
      ],
    });

  test('options of any name marked as patterns (ignoreValues, keyPattern) run on RE2 through the configuration', () => {
    const root = project({
      '.ecslintrc.yaml': [
        'extends: ecslint:all',
        'rules:',
        '  bp-no-env-secrets: [warning, {ignoreValues: "(x+x+)+y"}]',
        "  nm-awsvpc-sysctl-conflict: [warning, {keyPattern: '^\\s*\\s*\\s*\\s*\\s*\\s*x$'}]",
        '',
      ].join('\n'),
      'small.json': longTd(2000),
      'large.json': longTd(20_000),
    });
    const lint = (n: number) => api.lintFiles([path.join(root, n === 2000 ? 'small.json' : 'large.json')], { overrides: {} });
    expect(lint(2000).results[0].messages.some((m) => m.ruleId === 'bp-no-env-secrets')).toBe(true);
    expectLinear(lint, 2000, 10);
  });

  test('an option pattern that needs backtracking is refused when the configuration loads, at its line', () => {
    const root = project({ '.ecslintrc.yaml': 'rules:\n  bp-no-env-secrets:\n    - warning\n    - ignoreValues: "(a)\\\\1"\n' });
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/\.ecslintrc\.yaml:4:\d+: rule bp-no-env-secrets: option ignoreValues: .*linear time/);
  });

  const teamRule = (given: string, schema: string) =>
    [
      'id: team-image',
      'severity: error',
      'preset: recommended',
      'description: Images come from the team registry.',
      'source: team policy',
      `given: ${JSON.stringify(given)}`,
      `then: { field: image, schema: ${schema} }`,
      'message: bad {{value}}',
      '',
    ].join('\n');

  test("a team rule's JSON Schema pattern runs on RE2", () => {
    const root = project({
      '.ecslintrc.yaml': 'rulesDirectories: [team]\n',
      'team/team-image.yaml': teamRule('$.containerDefinitions[*]', '{ pattern: "^(a+)+$" }'),
      'small.json': longTd(2000),
      'large.json': longTd(20_000),
    });
    const lint = (n: number) => api.lintFiles([path.join(root, n === 2000 ? 'small.json' : 'large.json')], { overrides: {} });
    expect(lint(2000).results[0].messages.filter((m) => m.ruleId === 'team-image')).toHaveLength(2);
    expectLinear(lint, 2000, 10);
  });

  test("a regular expression literal in a team rule's JSONPath filter runs on RE2", () => {
    const root = project({
      '.ecslintrc.yaml': 'rulesDirectories: [team]\n',
      'team/team-image.yaml': teamRule('$.containerDefinitions[?(/^(a+)+$/.test(@.image))]', '{ maxLength: 5 }'),
      'small.json': longTd(2000),
      'large.json': longTd(20_000),
    });
    const lint = (n: number) => api.lintFiles([path.join(root, n === 2000 ? 'small.json' : 'large.json')], { overrides: {} });
    expect(lint(2000).results[0].messages.filter((m) => m.ruleId === 'team-image')).toHaveLength(0);
    expectLinear(lint, 2000, 10);
    const selected = compileSelector('$.containerDefinitions[?(/^a+!$/.test(@.image))]')({ containerDefinitions: [{ image: 'aaa!' }, { image: 'b' }] });
    expect(selected.map((m) => m.path)).toEqual([['containerDefinitions', '0']]);
  });

  test.each([
    ['$.containerDefinitions[?(@.image.match(/(a+)+$/))]', /calls match\(\)/],
    ['$.containerDefinitions[?(@.image.search("(a+)+$") > -1)]', /calls search\(\)/],
    ["$.containerDefinitions[?(@['replace']('a', 'b'))]", /calls replace\(\)/],
    ['$.containerDefinitions[?(@.image.repeat(1e9))]', /calls repeat\(\)/],
    ['$.containerDefinitions[?(@.image.includes(/a/))]', /other than as/],
    ['$.containerDefinitions[?(/(a)\\1/.test(@.image))]', /linear time/],
  ])('the filter %s is refused when the rule loads', (given, reason) => {
    expect(filterProblem(given)).toMatch(reason);
  });

  test('configuration globs run on RE2: twelve ** segments against a deep path', () => {
    const globs = Array(12).fill('**').join('/') + '/z';
    const root = project({ '.ecslintrc.yaml': `ignorePatterns: ["${globs}"]\n` });
    const deep = (n: number) => path.join(root, ...Array(n).fill('a'), 'td.json');
    const loaded = loadConfigFile(path.join(root, '.ecslintrc.yaml'))!;
    const test = (n: number) => loaded.ignore[0].test(path.relative(root, deep(n)));
    expect(test(3)).toBe(false);
    expectLinear(
      (n) => {
        for (let i = 0; i < 50; i++) test(n);
      },
      30,
      10,
    );
  });

  /** Patterns as the project's own rules give them: to functions (native RegExp), and in schemas (ajv, flag u). */
  function projectPatterns(): Array<{ source: string; flags: string; whole: boolean }> {
    const out: Array<{ source: string; flags: string; whole: boolean }> = [];
    for (const source of JSON.parse(fs.readFileSync(path.join(GENERATED, 'rule-patterns.json'), 'utf8')) as string[]) {
      out.push({ source, flags: '', whole: false }, { source, flags: 'i', whole: true });
    }
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string') out.push({ source: v, flags: 'u', whole: false });
        if (k === 'patternProperties' && v && typeof v === 'object') for (const p of Object.keys(v)) out.push({ source: p, flags: 'u', whole: false });
        walk(v);
      }
    };
    for (const rule of JSON.parse(fs.readFileSync(path.join(GENERATED, 'rules.json'), 'utf8')) as Array<{ then: { schema?: unknown }; current?: { then?: { schema?: unknown } } }>) {
      walk(rule.then.schema);
      walk(rule.current?.then?.schema);
    }
    return out;
  }

  /** The literal text a pattern starts with after `^` (`arn:aws`), so that pumped input gets past it. */
  const literalStart = (source: string) => /^\^?((?:[A-Za-z0-9:/=@_-]|\\[./-])*)/.exec(source)![1].replace(/\\/g, '');

  test("the project's own rule patterns, which run on JavaScript's engine, are linear on pumped input", () => {
    const patterns = projectPatterns();
    expect(patterns.length).toBeGreaterThan(20);
    const pumps = [' ', '\t', 'a', 'A', 'z', '0', '1', '.', '-', ':', '/', '_', '@', '=', '{', '<', 'x', 'v', 'g', ' 1', 'a-', 'a/', 'a:', '1.', '-a', 'a.'];
    const inputs = (n: number) =>
      patterns.flatMap(({ source, flags, whole }) => {
        const re = new RegExp(whole ? `^(?:${source})$` : source, flags);
        const starts = [...new Set(['', literalStart(source)])];
        return starts.flatMap((start) => pumps.map((p) => [re, start + p.repeat(Math.ceil(n / p.length)) + '\u0001'] as const));
      });
    const small = inputs(2000);
    const large = inputs(16_000);
    const run = (list: typeof small) => list.forEach(([re, text]) => re.test(text));
    run(small);
    const base = Math.max(
      ms(() => run(small)),
      10,
    );
    const grown = ms(() => run(large));
    // Eight times the input: linear is 8 times the work, quadratic 64.
    expect(grown).toBeLessThan(base * 8 * 2.5);
  });
});

describe('configuration, rule and baseline files are read with the lint-file limits', () => {
  test('a configuration file symlinked to /dev/zero is refused at once', () => {
    const root = fs.mkdtempSync(path.join(dir, 'zero-'));
    fs.symlinkSync('/dev/zero', path.join(root, '.ecslintrc.yaml'));
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(ConfigError);
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/cannot be read: is not a regular file/);
  });

  test('a configuration file that is a FIFO is refused at once, through the command line too (exit 2)', () => {
    const root = fs.mkdtempSync(path.join(dir, 'fifo-'));
    execFileSync('mkfifo', [path.join(root, '.ecslintrc.yaml')]);
    fs.writeFileSync(path.join(root, 'td.json'), JSON.stringify({ family: 'f', containerDefinitions: [{ name: 'a', image: 'b:1' }] }));
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/is not a regular file/);
    const r = spawnSync(process.execPath, [BIN, path.join(root, 'td.json')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.ecslintrc\.yaml:1:1: cannot be read: is not a regular file/);
  });

  test('a configuration file over the size limit is refused without being read', () => {
    const root = fs.mkdtempSync(path.join(dir, 'big-'));
    const file = path.join(root, '.ecslintrc.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 9 * 1024 * 1024);
    expect(() => loadConfigFile(file)).toThrow(/more than the 8388608 bytes/);
  });

  test('a team rule file that is a FIFO, or that is invalid UTF-8, is a configuration error naming it', () => {
    const root = fs.mkdtempSync(path.join(dir, 'rules-'));
    fs.mkdirSync(path.join(root, 'team'));
    fs.writeFileSync(path.join(root, '.ecslintrc.yaml'), 'rulesDirectories: [team]\n');
    execFileSync('mkfifo', [path.join(root, 'team', 'team-x.yaml')]);
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/team-x\.yaml cannot be read: is not a regular file/);
    fs.rmSync(path.join(root, 'team', 'team-x.yaml'));
    fs.writeFileSync(path.join(root, 'team', 'team-y.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff]));
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/team-y\.yaml cannot be read: it is not valid UTF-8/);
  });

  test('a team rule file of 400,000 empty lists is refused by the parser budget', () => {
    const root = fs.mkdtempSync(path.join(dir, 'rules-big-'));
    fs.mkdirSync(path.join(root, 'team'));
    fs.writeFileSync(path.join(root, '.ecslintrc.yaml'), 'rulesDirectories: [team]\n');
    fs.writeFileSync(path.join(root, 'team', 'team-x.yaml'), '- []\n'.repeat(400_000));
    expect(() => loadConfigFile(path.join(root, '.ecslintrc.yaml'))).toThrow(/team-x\.yaml:\d+:\d+: The file holds more than/);
  });

  test('a baseline that is a FIFO is refused at once', () => {
    const file = path.join(dir, 'baseline-fifo.json');
    execFileSync('mkfifo', [file]);
    expect(() => readBaseline(file)).toThrow(/baseline-fifo\.json cannot be read: is not a regular file/);
  });
});

describe('folders that cannot be listed', () => {
  // Tests run as root here, and root lists a folder of mode 000: the failure is provoked by a stub of
  // fs.readdirSync (which expand.ts reads through its module binding), and, as root, for real by a
  // child process running as nobody.
  test('a folder met while walking is reported in unreadable; a named one in missing', () => {
    const root = fs.mkdtempSync(path.join(dir, 'walk-'));
    fs.mkdirSync(path.join(root, 'ok'));
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'ok', 'td.json'), '{}');
    fs.writeFileSync(path.join(root, 'locked', 'td.json'), '{}');

    const realFs = require('fs') as typeof fs;
    const original = realFs.readdirSync;
    const spy = jest.spyOn(realFs, 'readdirSync').mockImplementation(((p: fs.PathLike, options?: unknown) => {
      if (String(p).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(p)}'`), { code: 'EACCES' });
      return (original as (p: fs.PathLike, o?: unknown) => unknown)(p, options);
    }) as typeof fs.readdirSync);
    try {
      const walked = expandPaths([root]);
      expect(walked.files.map((f) => path.relative(root, f.path))).toEqual([path.join('ok', 'td.json')]);
      expect(walked.unreadable).toEqual([{ path: path.join(root, 'locked'), reason: 'permission denied' }]);
      expect(walked.missing).toEqual([]);
      const named = expandPaths([path.join(root, 'locked')]);
      expect(named.missing).toEqual([{ path: path.join(root, 'locked'), reason: 'permission denied' }]);
      expect(named.unreadable).toEqual([]);
      const globbed = expandPaths([path.join(root, '**', '*.json')]);
      expect(globbed.unreadable).toEqual([{ path: path.join(root, 'locked'), reason: 'permission denied' }]);
    } finally {
      spy.mockRestore();
    }
  });

  test('for real: a folder of mode 000 under a named folder (as nobody when running as root)', () => {
    const root = fs.mkdtempSync(path.join(dir, 'perm-'));
    fs.chmodSync(root, 0o755);
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked', 'td.json'), '{}');
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(dir, 0o755);
    const script = `const { expandPaths } = require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'src', 'files', 'expand'))}); process.stdout.write(JSON.stringify(expandPaths([${JSON.stringify(root)}])));`;
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    if (r.status !== 0) {
      console.warn(`skipped the real unreadable-folder check: the child as ${asRoot ? 'nobody' : 'this user'} could not run (${(r.stderr || String(r.error)).split('\n')[0]})`);
      return;
    }
    expect(JSON.parse(r.stdout).unreadable).toEqual([{ path: path.join(root, 'locked'), reason: 'permission denied' }]);
  });
});
