/**
 * Authoring aid: print the findings one rule gives on a fixture, in the `<name>.findings.json`
 * shape. Check every line and column against the file by hand before saving it.
 *   node dist/scripts/fixture-findings.js <rule-id> <fixture> [--launch-type FARGATE] [--docs current]
 */
import * as fs from 'fs';
import { lintBytes } from '../src/lint';
import { builtInRules } from '../src/engine/registry';
import type { DocsProfile, LaunchType } from '../src/types';

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
const config = { preset: 'all' as const, rules: { [id]: rule.severity }, launchType: (flag('--launch-type') ?? 'EC2') as LaunchType, docs: (flag('--docs') ?? 'seed') as DocsProfile };
const result = lintBytes(fs.readFileSync(file), file, { config, explicit: true }).result;
const mine = result.messages.filter((m) => m.ruleId === id || m.ruleId === 'parse-error');
process.stdout.write(JSON.stringify(mine.map((m) => ({ path: m.path, line: m.line, column: m.column, message: m.message })), null, 2) + '\n');
