/**
 * The rule documentation is generated (scripts/gen-docs.ts, `npm run docs`) from rules/*.yaml and
 * fixtures/. These tests fail when docs/rules/ or the README's rules table differ from what the rules give
 * today, so documentation is never written, or forgotten, by hand.
 */
import * as fs from 'fs';
import * as path from 'path';

const { generateDocs } = require('../dist/src/docs/generate') as typeof import('../src/docs/generate');

const { TABLE_START, TABLE_END, replaceRulesTable } = require('../dist/src/docs/markdown') as typeof import('../src/docs/markdown');

const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

const ROOT = path.join(__dirname, '..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const STALE = 'stale: run "npm run docs" and commit the result';

const generated = generateDocs();

test('docs/rules has one page per rule and no other', () => {
  const onDisk = fs.existsSync(DOCS)
    ? fs
        .readdirSync(DOCS)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  expect({ pages: onDisk, hint: STALE }).toEqual({
    pages: builtInRules()
      .map((r) => `${r.id}.md`)
      .sort(),
    hint: STALE,
  });
});

test.each([...generated.pages.keys()].sort())('docs/rules/%s is up to date', (name) => {
  const file = path.join(DOCS, name);
  const onDisk = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `(missing: ${STALE})`;
  expect(onDisk).toBe(generated.pages.get(name));
});

test('the README rules table is up to date', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(TABLE_START);
  expect(readme).toContain(TABLE_END);
  const expected = replaceRulesTable(readme, generated.table);
  expect(readme === expected ? 'up to date' : STALE).toBe('up to date');
});

test('a rules table update touches only the text between the markers', () => {
  const readme = `# Title\n\nBefore.\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nAfter | with ${TABLE_START.slice(0, 4)} text.\n`;
  const updated = replaceRulesTable(readme, '| new |');
  expect(updated).toBe(`# Title\n\nBefore.\n\n${TABLE_START}\n| new |\n${TABLE_END}\n\nAfter | with ${TABLE_START.slice(0, 4)} text.\n`);
  expect(() => replaceRulesTable('# No markers\n', '| new |')).toThrow(/markers/);
});

test('every rule page names its rule, its severity in each preset and its source', () => {
  for (const rule of builtInRules()) {
    const page = generated.pages.get(`${rule.id}.md`)!;
    expect(page).toContain(`# ${rule.id}\n`);
    expect(page).toMatch(/\| Presets \| recommended: (error|warning|info|off), strict: \w+, all: \w+ \|/);
    expect(page).toContain('| Source | ');
    expect(generated.table).toContain(`| [${rule.id}](docs/rules/${rule.id}.md) |`);
  }
});

test('every rule id starts with a prefix of the glossary, and every prefix is used', () => {
  const { prefixOf, RULE_ID_PREFIXES } = require('../dist/src/docs/prefixes') as typeof import('../src/docs/prefixes');
  const ids = builtInRules().map((r) => r.id);
  expect(ids.filter((id) => prefixOf(id) === undefined)).toEqual([]);
  expect(Object.keys(RULE_ID_PREFIXES).filter((p) => !ids.some((id) => prefixOf(id) === p))).toEqual([]);
  // The README shows the glossary with the rules table.
  for (const p of Object.keys(RULE_ID_PREFIXES)) expect(generated.table).toContain(`\`${p}\` `);
});
