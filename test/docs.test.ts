/**
 * The rule documentation is generated (scripts/gen-docs.ts, `npm run docs`) from rules/*.yaml and
 * fixtures/. These tests fail when docs/rules/ or its index, docs/rules/README.md, differ from what the rules give
 * today, so documentation is never written, or forgotten, by hand.
 */
import * as fs from 'fs';
import * as path from 'path';

const { generateDocs } = require('../dist/src/docs/generate') as typeof import('../src/docs/generate');

const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

const ROOT = path.join(__dirname, '..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const STALE = 'stale: run "npm run docs" and commit the result';

const generated = generateDocs();

test('docs/rules has one page per rule and no other', () => {
  const onDisk = fs.existsSync(DOCS)
    ? fs
        .readdirSync(DOCS)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
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

test('docs/rules/README.md, the list of every rule, is up to date', () => {
  const file = path.join(DOCS, 'README.md');
  const onDisk = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `(missing: ${STALE})`;
  expect(onDisk === generated.index ? 'up to date' : STALE).toBe('up to date');
});

test('the README links to the list of rules and stays short', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('(docs/rules/README.md)');
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
});

test('every rule page names its rule, its severity in each preset and its source', () => {
  for (const rule of builtInRules()) {
    const page = generated.pages.get(`${rule.id}.md`)!;
    expect(page).toContain(`# ${rule.id}\n`);
    expect(page).toMatch(/\| Presets \| recommended: (error|warning|info|off), strict: \w+, all: \w+ \|/);
    expect(page).toContain('| Source | ');
    expect(generated.index).toContain(`| [${rule.id}](${rule.id}.md) |`);
  }
});

test('every rule id starts with a prefix of the glossary, and every prefix is used', () => {
  const { prefixOf, RULE_ID_PREFIXES } = require('../dist/src/docs/prefixes') as typeof import('../src/docs/prefixes');
  const ids = builtInRules().map((r) => r.id);
  expect(ids.filter((id) => prefixOf(id) === undefined)).toEqual([]);
  expect(Object.keys(RULE_ID_PREFIXES).filter((p) => !ids.some((id) => prefixOf(id) === p))).toEqual([]);
  // The list of rules starts with the glossary.
  for (const p of Object.keys(RULE_ID_PREFIXES)) expect(generated.index).toContain(`\`${p}\` `);
});
