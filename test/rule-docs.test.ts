/**
 * The examples of the rule documentation are rendered at build time (scripts/build-rule-docs.ts) into
 * dist/generated/rule-docs.json, which `ecslint explain` and the docs read: the package ships no fixtures.
 * A good example must be one a user could register as it is: no rule of the recommended preset finds an
 * error in it under the current docs. A bad example shows what the rule reports on it.
 */
import * as fs from 'fs';
import * as path from 'path';

const { lintSource } = require('../dist/src/pipeline') as typeof import('../src/pipeline');
const { builtInRules } = require('../dist/src/engine/registry') as typeof import('../src/engine/registry');
const { ruleInfo } = require('../dist/src/docs/rule-info') as typeof import('../src/docs/rule-info');
type Example = import('../src/docs/rule-info').Example;

const ROOT = path.join(__dirname, '..');
const rules = builtInRules();

function lint(e: Example, config: { preset: 'recommended' | 'all'; rules: Record<string, 'error' | 'warning' | 'info'> }) {
  return lintSource(e.text, path.join(ROOT, e.file), { ...config, launchType: e.launchType ?? 'EC2', docs: e.docs ?? 'current' })!.messages;
}

test('the package ships the rendered examples, not the fixtures', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  expect(pkg.files).not.toContain('fixtures');
  expect(fs.existsSync(path.join(ROOT, 'dist', 'generated', 'rule-docs.json'))).toBe(true);
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const info = ruleInfo(rule);

  test('its good example is clean under the current docs', () => {
    expect(info.good).toBeDefined();
    expect(info.good!.docs).toBeUndefined();
    const errors = lint(info.good!, { preset: 'recommended', rules: {} }).filter((m) => m.severity === 'error' || m.ruleId === id);
    expect(errors.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });

  test('its bad example shows what the rule reports on it', () => {
    expect(info.bad).toBeDefined();
    expect(info.bad!.findings.length).toBeGreaterThan(0);
    const got = lint(info.bad!, { preset: 'all', rules: { [id]: rule.severity } }).filter((m) => m.ruleId === id);
    expect(got.map((m) => ({ line: m.line, column: m.column, message: m.message }))).toEqual(info.bad!.findings);
  });
});
