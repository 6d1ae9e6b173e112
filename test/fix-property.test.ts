/**
 * Property test of --fix: valid fixtures get the faults that fixes mend (describe-only fields, a number for a
 * string, a lower-case enum, a misspelt key, a mismatched hostPort, a missing networkMode) and random other
 * damage, and are written as JSON or YAML in several layouts. Whatever comes out of --fix still parses, a second
 * --fix changes nothing, no finding is new, and every character outside the reported changes is the input's.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';

const { fixText, applyChanges, findingKey } = require('../dist/src/fix/apply') as typeof import('../src/fix/apply');
const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** Valid task definitions in the API form, as plain values. */
const seeds: Array<Record<string, unknown>> = [];
for (const rule of fs.readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, rule, 'valid');
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/.test(f) || /\.(findings|options)\.json$/.test(f)) continue;
    try {
      const value = parse(fs.readFileSync(path.join(dir, f), 'utf8'), { logLevel: 'silent' }) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as Record<string, unknown>).containerDefinitions)) seeds.push(value as Record<string, unknown>);
    } catch {
      // multi-document fixtures are covered by the rule test
    }
  }
}

type Fault = 'describe' | 'number' | 'enum' | 'typo' | 'hostPort' | 'networkMode' | 'damage';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function containersOf(doc: Record<string, unknown>): Array<Record<string, unknown>> {
  const list = doc.containerDefinitions;
  return Array.isArray(list) ? list.filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && !Array.isArray(c)) : [];
}

/** Rename a key with one letter dropped or two letters swapped: a misspelling a person makes. */
function misspell(key: string, pick: number): string {
  if (key.length < 4) return key + 'x';
  const i = 1 + (pick % (key.length - 2));
  return pick % 2 === 0 ? key.slice(0, i) + key.slice(i + 1) : key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
}

function renameKey(obj: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k === from ? to : k] = v;
}

function inject(seed: Record<string, unknown>, faults: Array<{ fault: Fault; pick: number; value: unknown }>): Record<string, unknown> {
  const doc = clone(seed);
  for (const { fault, pick, value } of faults) {
    const containers = containersOf(doc);
    const container = containers[pick % Math.max(1, containers.length)];
    switch (fault) {
      case 'describe':
        Object.assign(
          doc,
          [{ revision: 3 }, { status: 'ACTIVE' }, { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/x:3' }, { registeredAt: '2024-01-01T00:00:00Z' }][pick % 4],
        );
        break;
      case 'number':
        if (typeof doc.cpu === 'string' && /^\d+$/.test(doc.cpu)) doc.cpu = Number(doc.cpu);
        else if (typeof doc.memory === 'string' && /^\d+$/.test(doc.memory)) doc.memory = Number(doc.memory);
        else doc.cpu = 256;
        break;
      case 'enum':
        if (Array.isArray(doc.requiresCompatibilities)) doc.requiresCompatibilities = doc.requiresCompatibilities.map((c) => (typeof c === 'string' ? c.toLowerCase() : c));
        else if (typeof doc.networkMode === 'string') doc.networkMode = doc.networkMode.toUpperCase();
        break;
      case 'typo': {
        const target = pick % 3 === 0 || !container ? doc : container;
        const keys = Object.keys(target);
        if (keys.length > 0) {
          const key = keys[pick % keys.length];
          renameKey(target, key, misspell(key, pick));
        }
        break;
      }
      case 'hostPort': {
        const mappings = container?.portMappings;
        if (Array.isArray(mappings) && mappings[0] && typeof mappings[0] === 'object') {
          const m = mappings[0] as Record<string, unknown>;
          if (typeof m.containerPort === 'number') m.hostPort = m.containerPort + 1;
        }
        break;
      }
      case 'networkMode':
        delete doc.networkMode;
        break;
      case 'damage': {
        // Any other change: a member set to any JSON value.
        const target = pick % 2 === 0 || !container ? doc : container;
        const keys = Object.keys(target);
        if (keys.length > 0) target[keys[pick % keys.length]] = value;
        break;
      }
    }
  }
  return doc;
}

const LAYOUTS = ['json2', 'json4', 'json-compact', 'yaml', 'yaml-crlf', 'cfn-yaml', 'cfn-json'] as const;

/** Members whose keys are the user's own, kept as written in a template. */
const OPAQUE = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);

/** The task definition's names as CloudFormation writes them (the regular ones: the first letter upper-cased). */
function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), OPAQUE.has(k) ? v : pascal(v)]));
}

function template(doc: unknown): unknown {
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: pascal(doc) } } };
}

function write(doc: unknown, layout: (typeof LAYOUTS)[number]): { text: string; name: string } {
  switch (layout) {
    case 'json2':
      return { text: JSON.stringify(doc, null, 2) + '\n', name: 'td.json' };
    case 'json4':
      return { text: JSON.stringify(doc, null, 4), name: 'td.json' };
    case 'json-compact':
      return { text: JSON.stringify(doc), name: 'td.json' };
    case 'yaml':
      return { text: '# a task definition\n' + stringify(doc), name: 'td.yaml' };
    case 'yaml-crlf':
      return { text: stringify(doc, { flowCollectionPadding: false }).replace(/\n/g, '\r\n'), name: 'td.yml' };
    case 'cfn-yaml':
      return { text: stringify(template(doc), { indent: 4 }), name: 'stack.yaml' };
    case 'cfn-json':
      return { text: JSON.stringify(template(doc), null, 2), name: 'stack.json' };
  }
}

const faultArb = fc.record({
  fault: fc.constantFrom<Fault>('describe', 'number', 'enum', 'typo', 'hostPort', 'networkMode', 'damage'),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
});

test('the fixtures give task definitions to break', () => {
  expect(seeds.length).toBeGreaterThan(20);
});

test('--fix on broken fixtures: the result parses, a second --fix changes nothing, nothing new is reported, nothing outside the changes moves', () => {
  let fixedCases = 0;
  fc.assert(
    fc.property(fc.nat(), fc.array(faultArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...LAYOUTS), fc.constantFrom('EC2' as const, 'FARGATE' as const), (which, faults, layout, launchType) => {
      const { text, name } = write(inject(seeds[which % seeds.length], faults), layout);
      const config = { preset: 'all' as const, rules: {}, launchType, docs: 'current' as const };
      const lint = (t: string) => lintSource(t, name, config);
      const before = lint(text)!;
      const out = fixText(text, lint);
      if (out.applied > 0) fixedCases++;
      // The changes are apart, in order, and are all that differs.
      for (let i = 1; i < out.changes.length; i++) expect(out.changes[i].start).toBeGreaterThan(out.changes[i - 1].end);
      expect(applyChanges(text, out.changes)).toBe(out.output);
      const after = lint(out.output)!;
      expect(after.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
      const known = new Set(before.messages.map(findingKey));
      expect(after.messages.filter((m) => !known.has(findingKey(m))).map((m) => `${m.ruleId} ${m.path}`)).toEqual([]);
      for (const f of out.fixedInInput)
        expect(after.messages.filter((m) => findingKey(m) === findingKey(f)).length).toBeLessThan(before.messages.filter((m) => findingKey(m) === findingKey(f)).length);
      const again = fixText(out.output, lint);
      expect(again.output).toBe(out.output);
    }),
    { numRuns: 150, seed: 20261202 },
  );
  // The faults are ones --fix mends: most cases must have been mended.
  expect(fixedCases).toBeGreaterThan(75);
});
