/**
 * The dated fact tables (facts/*.yaml) and how the build puts them into rules (scripts/facts.ts,
 * scripts/build-rules.ts): every entry has a source and a date, and a rule's `{ $fact: name }` becomes
 * the table's entries without their provenance.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const facts = require('../dist/scripts/facts') as typeof import('../scripts/facts');

const ROOT = path.join(__dirname, '..');
const tables = facts.loadFactTables(path.join(ROOT, 'facts'));

test('the three tables load, each entry with an AWS source and a date', () => {
  expect(Object.keys(tables).sort()).toEqual(['external-unsupported', 'fargate-task-sizes', 'managed-instances-unsupported']);
  for (const table of Object.values(tables)) {
    for (const entry of table.entries) {
      expect(entry.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  }
});

test('a table without a date is rejected', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-facts-'));
  try {
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'description: x\nentries:\n  - { value: 1, source: "https://docs.aws.amazon.com/x" }\n');
    expect(() => facts.loadFactTables(dir)).toThrow(/broken\.yaml: \/entries\/0 must have required property 'asOf'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a reference becomes the entries, without source, asOf, quote and note', () => {
  const resolved = facts.resolveFacts({ options: { rows: { $fact: 'fargate-task-sizes' }, keep: [1, { a: 'b' }] } }, tables) as any;
  expect(resolved.options.keep).toEqual([1, { a: 'b' }]);
  expect(resolved.options.rows).toHaveLength(tables['fargate-task-sizes'].entries.length);
  for (const row of resolved.options.rows) expect(Object.keys(row).sort()).toEqual(expect.arrayContaining(['cpu', 'memory']));
  for (const row of resolved.options.rows) for (const key of facts.PROVENANCE_KEYS) expect(row[key]).toBeUndefined();
  expect(resolved.options.rows).toContainEqual({ cpu: 32768, memory: [61440, 122880, 249856], os: ['LINUX'] });
});

test('an unknown table is an error', () => {
  expect(() => facts.resolveFacts({ rows: { $fact: 'no-such-table' } }, tables)).toThrow(/no fact table "no-such-table"/);
});

test('the built size-fargate-combination rule carries the fact table', () => {
  const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'generated', 'rules.json'), 'utf8')) as Array<{ id: string; then: { options: { rows: unknown } } }>;
  const rule = rules.find((r) => r.id === 'size-fargate-combination')!;
  expect(rule.then.options.rows).toEqual(facts.factEntries(tables['fargate-task-sizes']));
});
