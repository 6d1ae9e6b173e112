/**
 * The generic rule test, in the spirit of ESLint's RuleTester: every rule in rules/ runs against its
 * fixtures. A valid fixture must give no finding from the rule; an invalid one must give exactly the
 * findings listed in `<name>.findings.json`, no more: pointer, start and end to the character, severity and
 * the whole message (`npm run fixtures:update -- <id>` rewrites them; review the diff).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fixtureCases, fixtureFindings, FIXTURES, ROOT } from './fixture-cases';

const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');

const rules = builtInRules();

test('every rule file is compiled and every fixture folder names a rule', () => {
  const files = fs
    .readdirSync(path.join(ROOT, 'rules'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''));
  expect(rules.map((r) => r.id).sort()).toEqual(files.sort());
  const ids = new Set(files);
  for (const dir of fs.readdirSync(FIXTURES)) expect(ids.has(dir) ? dir : `fixtures/${dir} has no rule`).toBe(dir);
});

const REQUIRED = ['path', 'line', 'column', 'endLine', 'endColumn', 'message'] as const;

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const cases = fixtureCases(id);

  test('has valid and invalid fixtures, and every expectation is complete', () => {
    expect(cases.filter((c) => c.kind === 'valid').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.kind === 'invalid').length).toBeGreaterThan(0);
    const incomplete: string[] = [];
    for (const c of cases.filter((x) => x.kind === 'invalid')) {
      const where = path.relative(FIXTURES, c.file);
      if (c.expected.length === 0) incomplete.push(`${where}: no findings listed`);
      c.expected.forEach((e, i) => {
        const missing = REQUIRED.filter((k) => (e as unknown as Record<string, unknown>)[k] === undefined);
        if (missing.length > 0) incomplete.push(`${where} #${i + 1}: no ${missing.join(', ')}`);
        // A placeholder the message did not fill is a broken message, whatever the fixture says.
        if (typeof e.message === 'string' && e.message.includes('{{')) incomplete.push(`${where} #${i + 1}: unfilled placeholder in "${e.message}"`);
      });
    }
    expect(incomplete).toEqual([]);
  });

  test.each(cases.map((c) => [path.relative(FIXTURES, c.file), c] as const))('%s', (_name, c) => {
    const got = fixtureFindings(rule, c.file, c.options);
    expect(got.filter((f) => f.message.includes('{{'))).toEqual([]);
    expect(got).toEqual(c.expected);
  });
});
