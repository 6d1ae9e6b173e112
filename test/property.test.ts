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
