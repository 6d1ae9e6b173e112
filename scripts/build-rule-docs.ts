/**
 * Build step: the examples of every rule's documentation, rendered once from the fixtures into
 * dist/generated/rule-docs.json, so that `ecslint explain` and the docs read data and never lint at run
 * time (and the package ships no fixtures). Runs after the rules and the AWS schemas are compiled.
 *
 * The bad example is the first invalid fixture that shows the rule as the current docs see it (no
 * `--docs seed`, findings at the rule's own severity), else the first current one, else the first. The
 * good example is the first valid fixture under the current docs that no rule of the recommended preset
 * finds an error in: an example without a problem must be one a user could register as it is.
 */
import * as fs from 'fs';
import * as path from 'path';
import { builtInRules } from '../src/engine/registry';
import type { Example, RuleExamples } from '../src/docs/rule-info';
import type { RuleDefinition } from '../src/model/rule';
import { lintSource } from '../src/pipeline';
import { FixtureCase, fixtureCases, fixtureFindings, ROOT } from './fixtures';

const OUT = path.join(ROOT, 'dist', 'generated', 'rule-docs.json');

function asExample(c: FixtureCase, findings: Example['findings']): Example {
  const text = fs.readFileSync(c.file, 'utf8');
  return {
    file: path.relative(ROOT, c.file).split(path.sep).join('/'),
    language: /\.json$/.test(c.file) || /^\s*[[{]/.test(text) ? 'json' : 'yaml',
    text,
    ...(c.options.launchType ? { launchType: c.options.launchType } : {}),
    ...(c.options.docs ? { docs: c.options.docs } : {}),
    findings,
  };
}

function badExample(rule: RuleDefinition, cases: FixtureCase[]): Example | undefined {
  const scored = cases
    .filter((c) => c.kind === 'invalid')
    .map((c) => {
      const findings = fixtureFindings(rule, c.file, c.options);
      const current = c.options.docs !== 'seed';
      const ownSeverity = findings.length > 0 && findings.every((f) => f.severity === undefined);
      return { c, findings, score: (current ? 2 : 0) + (ownSeverity ? 1 : 0) };
    });
  const best = scored.reduce<(typeof scored)[number] | undefined>((a, b) => (a === undefined || b.score > a.score ? b : a), undefined);
  return (
    best &&
    asExample(
      best.c,
      best.findings.map((f) => ({ line: f.line, column: f.column, message: f.message })),
    )
  );
}

/** Errors any rule of the recommended preset finds in a fixture, under the current docs. */
function errorsIn(c: FixtureCase): number {
  const config = { preset: 'recommended' as const, rules: {}, launchType: c.options.launchType ?? 'EC2', docs: 'current' as const };
  const result = lintSource(fs.readFileSync(c.file, 'utf8'), c.file, config);
  return (result?.messages ?? []).filter((m) => m.severity === 'error').length;
}

function goodExample(cases: FixtureCase[]): Example | undefined {
  const good = cases.find((c) => c.kind === 'valid' && c.options.docs !== 'seed' && errorsIn(c) === 0);
  return good && asExample(good, []);
}

function main(): void {
  const out: Record<string, RuleExamples> = {};
  const missing: string[] = [];
  for (const rule of builtInRules()) {
    const cases = fixtureCases(rule.id);
    const bad = badExample(rule, cases);
    const good = goodExample(cases);
    if (!bad || !good) missing.push(`${rule.id}: ${!bad ? 'no invalid fixture' : 'no valid fixture that the current docs find no error in'}`);
    out[rule.id] = { ...(bad ? { bad } : {}), ...(good ? { good } : {}) };
  }
  if (missing.length > 0) throw new Error(`Rule documentation examples missing:\n  ${missing.join('\n  ')}`);
  fs.writeFileSync(OUT, JSON.stringify(out));
  process.stderr.write(`ecslint: rendered the examples of ${Object.keys(out).length} rules\n`);
}

if (require.main === module) main();
