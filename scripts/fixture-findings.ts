/**
 * Authoring aid: print the findings one rule gives on a fixture, in the `<name>.findings.json`
 * shape. Check every line and column against the file by hand before saving it.
 *   node dist/scripts/fixture-findings.js <rule-id> <fixture> [--launch-type FARGATE] [--docs seed] [--write]
 * With --write the findings go to the fixture's `<name>.findings.json` (review them before committing).
 */
import * as fs from 'fs';
import { lintSource } from '../src/pipeline';
import { builtInRules } from '../src/engine/registry';
import { DEFAULT_CONFIG } from '../src/model/config';
import type { DocsProfile, LaunchType } from '../src/model/basics';

const [id, file, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(name);
  return i === -1 ? undefined : rest[i + 1];
};
const rule = builtInRules().find((r) => r.id === id);
if (!rule || !file) {
  process.stderr.write('usage: fixture-findings <rule-id> <fixture> [--launch-type T] [--docs seed|current]\n');
  process.exit(2);
}
const config = { preset: 'all' as const, rules: { [id]: rule.severity }, launchType: (flag('--launch-type') ?? 'EC2') as LaunchType, docs: (flag('--docs') ?? DEFAULT_CONFIG.docs) as DocsProfile };
const result = lintSource(fs.readFileSync(file, 'utf8'), file, config)!;
const mine = result.messages.filter((m) => m.ruleId === id || m.ruleId === 'parse-error');
const expected = mine.map((m) => ({
  path: m.path,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  ...(m.severity !== rule.severity ? { severity: m.severity } : {}),
  message: m.message,
}));
const text = JSON.stringify(expected, null, 2) + '\n';
if (rest.includes('--write')) fs.writeFileSync(file.replace(/\.(json|ya?ml|template)$/, '.findings.json'), text);
else process.stdout.write(text);
