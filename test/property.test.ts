/**
 * Property-based tests: valid fixtures mutated at random (members deleted, values replaced by any
 * JSON value, unknown members added, text cut short) must never make an exception escape, every
 * finding's pointer must resolve in the document (or name a missing member's place under an existing
 * parent), and every line and column must lie inside the file.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';

const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const config = { preset: 'all' as const, rules: {}, launchType: 'FARGATE' as const, docs: 'current' as const };

/** Valid fixtures as plain values (CloudFormation tags read as their scalar). */
const seeds: unknown[] = [];
for (const rule of fs.readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, rule, 'valid');
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/.test(f) || /\.(findings|options)\.json$/.test(f)) continue;
    try {
      const value = parse(fs.readFileSync(path.join(dir, f), 'utf8'), { logLevel: 'silent' });
      if (value && typeof value === 'object') seeds.push(value);
    } catch {
      // multi-document fixtures are covered by the rule test
    }
  }
}

type Path = Array<string | number>;

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function setAt(root: unknown, p: Path, v: unknown): unknown {
  if (p.length === 0) return v;
  let node = root as Record<string | number, unknown>;
  for (const seg of p.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[p[p.length - 1]] = v;
  return root;
}

function deleteAt(root: unknown, p: Path): unknown {
  if (p.length === 0) return root;
  let node = root as Record<string | number, unknown>;
  for (const seg of p.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = p[p.length - 1];
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return root;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'privileged', 'Ref', 'Fn::If')),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
);

function mutate(seed: unknown, steps: Array<{ kind: 'replace' | 'delete' | 'add'; pick: number; value?: unknown; key?: string }>): unknown {
  let doc = clone(seed);
  for (const s of steps) {
    const all = paths(doc);
    const p = all[s.pick % all.length];
    if (s.kind === 'replace') doc = setAt(doc, p, s.value);
    else if (s.kind === 'delete') doc = deleteAt(doc, p);
    else {
      let node = doc as Record<string, unknown>;
      for (const seg of p) node = (node as Record<string | number, unknown>)[seg] as Record<string, unknown>;
      if (node && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, s.key!, { value: s.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return doc;
}

/**
 * A pointer is well placed when it resolves, or when the first member it cannot find would be a new
 * member of an existing object (a missing field's would-be place, possibly nested: a missing
 * `Properties/NetworkMode`). An index past the end of a list, or a member of a scalar, is a bug.
 */
function wellPlaced(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return false;
    if (!Object.hasOwn(node, seg)) return !Array.isArray(node);
    node = (node as Record<string, unknown>)[seg];
  }
  return true;
}

function checkInvariants(text: string, filePath: string, parsed: unknown): void {
  const result = lintSource(text, filePath, config)!;
  const lines = text.split('\n');
  for (const m of result.messages) {
    if (m.ruleId === 'parse-error') continue;
    expect({ pointer: m.path, rule: m.ruleId, wellPlaced: wellPlaced(parsed, m.path) }).toEqual({ pointer: m.path, rule: m.ruleId, wellPlaced: true });
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endLine).toBeGreaterThanOrEqual(m.line);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
  }
}

test('the fixtures give seeds', () => {
  expect(seeds.length).toBeGreaterThan(20);
});

test('mutated JSON: no exception, pointers resolve, positions inside the file', () => {
  fc.assert(
    fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 5 }), (which, steps) => {
      const doc = mutate(seeds[which % seeds.length], steps);
      const text = JSON.stringify(doc, null, 2) ?? 'null';
      checkInvariants(text, 'm.json', JSON.parse(text));
    }),
    { numRuns: 300, seed: 20261125 },
  );
});

test('mutated YAML: no exception, pointers resolve, positions inside the file', () => {
  fc.assert(
    fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 5 }), (which, steps) => {
      const doc = mutate(seeds[which % seeds.length], steps);
      const text = stringify(doc);
      checkInvariants(text, 'm.yaml', parse(text, { logLevel: 'silent' }));
    }),
    { numRuns: 200, seed: 20261125 },
  );
});

test('text cut at any point never throws', () => {
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.boolean(), (which, cut, asYaml) => {
      const doc = seeds[which % seeds.length];
      const text = asYaml ? stringify(doc) : JSON.stringify(doc, null, 2);
      const truncated = text.slice(0, cut % (text.length + 1));
      expect(() => lintSource(truncated, asYaml ? 't.yaml' : 't.json', config)).not.toThrow();
    }),
    { numRuns: 300, seed: 20261125 },
  );
});

/*
 * Structured YAML mutations: YAML files as written (the valid fixtures, and the JSON seeds written as
 * YAML) changed line by line in the ways YAML allows and ECS files never do: inserted lines, tags
 * (!!omap, !!set, !!pairs, CloudFormation and unknown ones), complex keys, anchors and aliases, and
 * other line ends. No exception may escape lintText, and every finding lies inside the file.
 */

const api = require('../dist/src/index') as typeof import('../src/index');

const yamlSeeds: string[] = [];
for (const rule of fs.readdirSync(FIXTURES).sort()) {
  const valid = path.join(FIXTURES, rule, 'valid');
  if (!fs.existsSync(valid)) continue;
  for (const f of fs.readdirSync(valid).sort()) if (/\.ya?ml$/.test(f)) yamlSeeds.push(fs.readFileSync(path.join(valid, f), 'utf8'));
}
for (const seed of seeds.slice(0, 40)) yamlSeeds.push(stringify(seed));

const TAGS = ['!!omap', '!!set', '!!pairs', '!!map', '!!seq', '!!str', '!!int', '!!binary', '!!null', '!Ref', '!GetAtt', '!Sub', '!If', '!Unknown', '!'];
const SNIPPETS = [
  '- x',
  'key: value',
  '? {toString: 1}',
  '? [a, b]',
  ': x',
  '? ',
  '&a1 anchored: 1',
  'aliased: *a1',
  '<<: *a1',
  '<<: [*a1, *a1]',
  '*a1 : keyed',
  '- !!omap [a: 1, b: 2]',
  '- !!pairs',
  '!!set',
  'x: !!omap',
  '  - a: 1',
  'k: !Ref X',
  'k: !GetAtt a.b',
  'k: !Unknown {a: 1}',
  'k: "unterminated',
  "k: 'unterminated",
  'k: |',
  'k: >-',
  '---',
  '...',
  '%YAML 1.1',
  '# ecslint-disable-line',
  '{',
  '[',
  '- [[[[]]]]',
  'k: *undefined_alias',
  '? !!str',
  '\t- tab',
];

type YamlMutation =
  | { kind: 'insert'; at: number; snippet: number; indent: number }
  | { kind: 'tag'; at: number; tag: number }
  | { kind: 'anchor'; from: number; to: number }
  | { kind: 'complexKey'; at: number; flow: boolean }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number };

const yamlMutation: fc.Arbitrary<YamlMutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.nat(), indent: fc.nat({ max: 10 }) }),
  fc.record({ kind: fc.constant('tag' as const), at: fc.nat(), tag: fc.nat() }),
  fc.record({ kind: fc.constant('anchor' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('complexKey' as const), at: fc.nat(), flow: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

/** `  key: value` -> its indentation, key and the rest; undefined for other lines. */
const MEMBER = /^(\s*(?:- )?)([A-Za-z][\w.-]*):(.*)$/;

function mutateYaml(text: string, steps: YamlMutation[], anchorCount = { n: 0 }): string {
  const lines = text.split('\n');
  for (const s of steps) {
    const pick = (i: number) => i % Math.max(lines.length, 1);
    switch (s.kind) {
      case 'insert':
        lines.splice(pick(s.at), 0, ' '.repeat(s.indent) + SNIPPETS[s.snippet % SNIPPETS.length]);
        break;
      case 'tag': {
        const i = pick(s.at);
        const m = MEMBER.exec(lines[i] ?? '');
        if (m) lines[i] = `${m[1]}${m[2]}: ${TAGS[s.tag % TAGS.length]}${m[3]}`;
        break;
      }
      case 'anchor': {
        const i = pick(s.from);
        const j = pick(s.to);
        const a = MEMBER.exec(lines[i] ?? '');
        const b = MEMBER.exec(lines[j] ?? '');
        if (!a || !b) break;
        const name = `m${anchorCount.n++}`;
        lines[i] = `${a[1]}${a[2]}: &${name}${a[3]}`;
        // An alias before its anchor, or to itself, is as likely as a good one.
        lines[j] = `${b[1]}${b[2]}: *${name}`;
        break;
      }
      case 'complexKey': {
        const i = pick(s.at);
        const m = MEMBER.exec(lines[i] ?? '');
        if (m) lines[i] = s.flow ? `${m[1]}[${m[2]}, x]:${m[3]}` : `${m[1]}? {${m[2]}: 1}\n${m[1].replace('- ', '  ')}:${m[3]}`;
        break;
      }
      case 'delete':
        lines.splice(pick(s.at), 1);
        break;
      case 'duplicate': {
        const i = pick(s.at);
        lines.splice(i, 0, lines[i] ?? '');
        break;
      }
    }
  }
  return lines.join('\n');
}

function expectInsideFile(text: string): void {
  const result = api.lintText(text, { filePath: 'mutated.yaml', config });
  const lines = text.split(/\r\n|\r|\n/);
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endLine).toBeGreaterThanOrEqual(m.line);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
  }
}

test('the YAML seeds are many and varied', () => {
  expect(yamlSeeds.length).toBeGreaterThan(100);
  expect(yamlSeeds.some((t) => t.includes('!Ref'))).toBe(true);
});

test('structured YAML mutations: no exception escapes lintText, every position lies inside the file', () => {
  fc.assert(
    fc.property(fc.nat(), fc.array(yamlMutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (which, steps, lineEnd) => {
      const text = mutateYaml(yamlSeeds[which % yamlSeeds.length], steps).replace(/\n/g, lineEnd);
      expectInsideFile(text);
    }),
    { numRuns: 400, seed: 20261202 },
  );
});
