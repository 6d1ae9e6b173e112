/**
 * The generic rule test, in the spirit of ESLint's RuleTester: every rule in rules/ runs against
 * its fixtures. A valid fixture must give no finding from the rule; an invalid one must give
 * exactly the findings listed in `<name>.findings.json` (pointer, line and column), no more.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fixtureCases, FIXTURES, ROOT } from './fixture-cases';

const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');

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

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const cases = fixtureCases(id);

  test('has valid and invalid fixtures', () => {
    expect(cases.filter((c) => c.kind === 'valid').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.kind === 'invalid').length).toBeGreaterThan(0);
    for (const c of cases.filter((x) => x.kind === 'invalid')) expect(c.expected.length).toBeGreaterThan(0);
  });

  test.each(cases.map((c) => [path.relative(FIXTURES, c.file), c] as const))('%s', (_name, c) => {
    const config = { preset: 'all' as const, rules: { [id]: rule.severity }, launchType: c.options.launchType ?? 'EC2', docs: c.options.docs ?? 'current' };
    const result = lintSource(fs.readFileSync(c.file, 'utf8'), c.file, config)!;
    expect(result.messages.filter((m) => m.ruleId === 'parse-error')).toEqual([]);
    const mine = result.messages.filter((m) => m.ruleId === id);
    const got = mine.map((m, i) => {
      const want = c.expected[i];
      return {
        path: m.path,
        line: m.line,
        column: m.column,
        ...(want?.endLine !== undefined ? { endLine: m.endLine } : {}),
        ...(want?.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
        ...(want?.messageIncludes !== undefined ? { messageIncludes: m.message.includes(want.messageIncludes) ? want.messageIncludes : m.message } : {}),
        ...(want?.message !== undefined ? { message: m.message } : {}),
        severity: m.severity,
      };
    });
    expect(got).toEqual(c.expected.map((e) => ({ ...e, severity: e.severity ?? rule.severity })));
  });
});
