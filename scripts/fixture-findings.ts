/**
 * Authoring aid: print the findings one rule gives on a fixture, in the `<name>.findings.json` shape.
 * Check every line and column against the file by hand before saving it.
 *   node dist/scripts/fixture-findings.js <rule-id> <fixture> [--launch-type FARGATE] [--docs seed] [--write]
 * Without --launch-type/--docs the fixture's `<name>.options.json` decides. With --write the findings go to
 * the fixture's `<name>.findings.json` (review them before committing). To refresh many: `npm run fixtures:update`.
 */
import * as fs from 'fs';
import { builtInRules } from '../src/engine/registry';
import type { DocsProfile, LaunchType } from '../src/model/basics';
import { findingsText, fixtureFindings, fixtureOptions, sidecarPath } from './fixtures';

function main(): void {
  const [id, file, ...rest] = process.argv.slice(2);
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i === -1 ? undefined : rest[i + 1];
  };
  const rule = builtInRules().find((r) => r.id === id);
  if (!rule || !file || !fs.existsSync(file)) {
    process.stderr.write('usage: fixture-findings <rule-id> <fixture> [--launch-type T] [--docs seed|current] [--write]\n');
    process.exit(2);
  }
  const options = fixtureOptions(file);
  const launchType = flag('--launch-type') as LaunchType | undefined;
  const docs = flag('--docs') as DocsProfile | undefined;
  const text = findingsText(fixtureFindings(rule, file, { ...options, ...(launchType ? { launchType } : {}), ...(docs ? { docs } : {}) }));
  if (rest.includes('--write')) fs.writeFileSync(sidecarPath(file, 'findings'), text);
  else process.stdout.write(text);
}

if (require.main === module) main();
