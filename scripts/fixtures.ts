/**
 * The rule fixtures: fixtures/<rule-id>/{valid,invalid}/<name>.<ext>, with an optional `<name>.options.json`
 * ({ launchType, docs }) and, for an invalid one, `<name>.findings.json` (what the rule must report). Shared by
 * the generic rule test, the fixture authoring scripts and the build step that renders the rule docs' examples.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DocsProfile, LaunchType, Severity } from '../src/model/basics';
import type { RuleDefinition } from '../src/model/rule';
import { lintSource } from '../src/pipeline';

export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** What one invalid fixture must produce: the finding's place in the file, to the character, and its text. */
export interface ExpectedFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The finding's severity when it is not the rule's (a relaxed seed limit under the current docs is a warning). */
  severity?: Severity;
  message: string;
}

/** Per-fixture settings, from an optional `<name>.options.json`. */
export interface FixtureOptions {
  launchType?: LaunchType;
  docs?: DocsProfile;
}

export interface FixtureCase {
  file: string;
  kind: 'valid' | 'invalid';
  options: FixtureOptions;
  /** What `<name>.findings.json` holds (an invalid fixture without one expects nothing, and its test fails). */
  expected: ExpectedFinding[];
}

const SIDE_FILE = /\.(findings|options)\.json$/;
const FIXTURE_FILE = /\.(json|ya?ml|template)$/;

export function sidecarPath(file: string, suffix: 'findings' | 'options'): string {
  return file.replace(FIXTURE_FILE, `.${suffix}.json`);
}

function sidecar<T>(file: string, suffix: 'findings' | 'options', fallback: T): T {
  const p = sidecarPath(file, suffix);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as T) : fallback;
}

export function fixtureOptions(file: string): FixtureOptions {
  return sidecar(file, 'options', {});
}

/** A rule's fixtures, valid ones first, each folder by file name. */
export function fixtureCases(ruleId: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(FIXTURES, ruleId, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (SIDE_FILE.test(name) || !FIXTURE_FILE.test(name)) continue;
      const file = path.join(dir, name);
      cases.push({ file, kind, options: fixtureOptions(file), expected: kind === 'invalid' ? sidecar(file, 'findings', []) : [] });
    }
  }
  return cases;
}

/**
 * What a rule reports on a fixture, linted the way its test lints it: every rule of the `all` preset is
 * loaded, this rule at its own severity; only its findings (and parse errors, which no fixture may have) count.
 */
export function fixtureFindings(rule: RuleDefinition, file: string, options: FixtureOptions, text = fs.readFileSync(file, 'utf8')): ExpectedFinding[] {
  const config = { preset: 'all' as const, rules: { [rule.id]: rule.severity }, launchType: options.launchType ?? 'EC2', docs: options.docs ?? 'current' };
  const result = lintSource(text, file, config);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === rule.id || m.ruleId === 'parse-error')
    .map((m) => ({
      path: m.path,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.severity !== rule.severity ? { severity: m.severity } : {}),
      message: m.message,
    }));
}

export function findingsText(findings: ExpectedFinding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}
