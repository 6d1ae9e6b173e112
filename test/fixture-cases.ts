import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** What one invalid fixture must produce, from its `<name>.findings.json`. */
export interface ExpectedFinding {
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The whole message. */
  message?: string;
  /** A part of the message that must appear (values, container names). */
  messageIncludes?: string;
  /** The finding's severity when it is not the rule's (a relaxed seed limit under the current docs is a warning). */
  severity?: 'error' | 'warning' | 'info';
}

/** Per-fixture settings, from an optional `<name>.options.json`. */
export interface FixtureOptions {
  launchType?: 'FARGATE' | 'EC2' | 'EXTERNAL';
  docs?: 'seed' | 'current';
}

export interface FixtureCase {
  file: string;
  kind: 'valid' | 'invalid';
  options: FixtureOptions;
  expected: ExpectedFinding[];
}

const SIDE_FILE = /\.(findings|options)\.json$/;

function sidecar<T>(file: string, suffix: string, fallback: T): T {
  const p = file.replace(/\.(json|ya?ml|template)$/, `.${suffix}.json`);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as T) : fallback;
}

export function fixtureCases(ruleId: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(FIXTURES, ruleId, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (SIDE_FILE.test(name)) continue;
      const file = path.join(dir, name);
      cases.push({ file, kind, options: sidecar(file, 'options', {}), expected: kind === 'invalid' ? sidecar(file, 'findings', []) : [] });
    }
  }
  return cases;
}
