/**
 * `npm run fixtures:update -- [rule-id...]`: rewrite `<name>.findings.json` of every invalid fixture of the
 * named rules (all rules without ids) from what the rule reports now, under each fixture's options.json.
 * It prints, per fixture, what changed beyond the message text: a finding whose place (path, line, column,
 * end) or severity moves, or a finding added or removed, needs a look at the fixture before committing.
 */
import * as fs from 'fs';
import { builtInRules } from '../src/engine/registry';
import { ExpectedFinding, fixtureCases, fixtureFindings, findingsText, sidecarPath, ROOT } from './fixtures';
import * as path from 'path';

const placeOf = (f: Partial<ExpectedFinding>) => `${f.path} ${f.line}:${f.column}-${f.endLine ?? '?'}:${f.endColumn ?? '?'} ${f.severity ?? ''}`.trim();

function main(): void {
  const ids = process.argv.slice(2);
  const rules = builtInRules();
  const unknown = ids.filter((id) => !rules.some((r) => r.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`fixtures:update: no such rule: ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  let written = 0;
  let moved = 0;
  for (const rule of rules.filter((r) => ids.length === 0 || ids.includes(r.id))) {
    for (const c of fixtureCases(rule.id).filter((x) => x.kind === 'invalid')) {
      const findings = fixtureFindings(rule, c.file, c.options);
      const target = sidecarPath(c.file, 'findings');
      const text = findingsText(findings);
      if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
      const before = (c.expected as Array<Partial<ExpectedFinding>>).map((f) => placeOf({ ...f, ...(f.endLine === undefined ? { endLine: undefined, endColumn: undefined } : {}) }));
      const after = findings.map((f, i) => placeOf({ ...f, ...(c.expected[i]?.endLine === undefined ? { endLine: undefined, endColumn: undefined } : {}) }));
      if (before.join('\n') !== after.join('\n')) {
        moved++;
        process.stdout.write(`${path.relative(ROOT, c.file)}: findings moved\n  was: ${before.join('\n       ')}\n  now: ${after.join('\n       ')}\n`);
      }
      fs.writeFileSync(target, text);
      written++;
    }
  }
  process.stdout.write(`fixtures:update: ${written} findings files written, ${moved} with findings that moved, appeared or went\n`);
}

if (require.main === module) main();
