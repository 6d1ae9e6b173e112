import type { LintConfig } from '../model/config';
import { locate, type LoadProblem } from '../model/document';
import { fileResult, type FileResult, type Finding } from '../model/finding';
import { toPointer } from '../model/path';
import type { SourceFile, SourceUnit } from '../model/unit';
import { CORE_DIAGNOSTICS } from './diagnostics';
import { type Directive, parseDirectives } from '../load/directives';
import { cappedNote } from './scenarios';
import { applyDirectives } from './suppress';
import { engineRules } from '../engine/registry';
import { didYouMean } from '../model/rule-ids';

/** What the earlier stages produced for one file. */
export interface FileOutcome {
  file: SourceFile;
  problems: readonly LoadProblem[];
  /** Each unit with the findings the engine made on it. */
  units: ReadonlyArray<{ unit: SourceUnit; findings: Finding[] }>;
  /** A failure of ecslint itself while linting the file. */
  internalError?: Error;
}

/**
 * The report stage for one file: word the load problems, apply the unit's own ignores and the file's
 * suppression comments (reporting unused ones when asked), sort and count. Returns undefined for a file
 * found by walking a folder that holds nothing ecslint lints: it is left out of the report.
 */
export function reportFile(outcome: FileOutcome, config: LintConfig, explicit: boolean): FileResult | undefined {
  const { file, problems } = outcome;
  const hasUnits = outcome.units.length > 0;
  const failed = problems.some((p) => p.code === 'syntax' || p.code === 'conflict-marker' || p.code === 'unreadable' || p.code === 'too-complex');
  if (!hasUnits && !failed && !explicit && !outcome.internalError) return undefined;

  const findings: Finding[] = [];
  const severityOf = (id: string) => {
    const s = config.rules[id] ?? CORE_DIAGNOSTICS[id].severity;
    return s === 'off' ? undefined : s;
  };
  for (const p of problems) {
    const f = problemFinding(p, file, severityOf);
    if (f) findings.push(f);
  }
  const unused: Finding[] = [];
  const reportUnused = config.reportUnusedDisableDirectives ? severityOf('unused-disable-directive') : undefined;
  // An id that names no rule suppresses nothing, whatever runs: always worth saying, with the nearest ids.
  const reportUnknown = severityOf('unused-disable-directive');
  const known = knownIds(config);
  for (const { unit } of outcome.units) {
    for (const ignore of unit.ignores) {
      if (!reportUnknown || known.includes(ignore.ruleId)) continue;
      const span = locateWritten(unit, ignore.path);
      unused.push({
        ruleId: 'unused-disable-directive',
        severity: reportUnknown,
        message: `Metadata ignore names an unknown rule "${ignore.ruleId}", so it suppresses nothing.${didYouMean(ignore.ruleId, known)}`,
        path: toPointer(ignore.path),
        ...file.lines.range(span.start, span.end),
        ...(unit.documentIndex !== undefined ? { document: unit.documentIndex } : {}),
      });
    }
  }
  const capped = severityOf('condition-scenarios-capped');
  for (const { unit, findings: produced } of outcome.units) {
    const note = capped ? cappedNote(unit, capped) : undefined;
    const own = note ? [...produced, note] : produced;
    if (unit.ignores.length === 0) {
      findings.push(...own);
      continue;
    }
    const ignored = new Map(unit.ignores.map((i) => [i.ruleId, i]));
    const used = new Set<string>();
    for (const f of own) {
      if (ignored.has(f.ruleId)) used.add(f.ruleId);
      else findings.push(f);
    }
    if (!reportUnused) continue;
    for (const ignore of unit.ignores) {
      if (used.has(ignore.ruleId) || !known.includes(ignore.ruleId)) continue;
      const span = locateWritten(unit, ignore.path);
      unused.push({
        ruleId: 'unused-disable-directive',
        severity: reportUnused,
        message: `Unused Metadata ignore: no "${ignore.ruleId}" finding on ${unit.name} to suppress.`,
        path: toPointer(ignore.path),
        ...file.lines.range(span.start, span.end),
        ...(unit.documentIndex !== undefined ? { document: unit.documentIndex } : {}),
      });
    }
  }
  if (outcome.internalError) {
    findings.push({
      ruleId: 'internal-error',
      severity: 'error',
      message: `ecslint failed on this file: ${outcome.internalError.message}. The other files are still reported; please report this one.`,
      path: '',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
  const kept = file.syntax === 'json' ? findings : applyComments(findings, fileDirectives(file), reportUnused, reportUnknown, known);
  // IAM roles and policies are linted for the task definitions that use them; the file's units are its ECS resources.
  const names = outcome.units.filter((u) => u.unit.kind !== 'iam').map((u) => u.unit.name);
  return fileResult(file.path, sortFindings([...kept, ...unused]), names);
}

function locateWritten(unit: SourceUnit, path: readonly (string | number)[]): { start: number; end: number } {
  return locate(unit.document, path.map(String));
}

function problemFinding(p: LoadProblem, file: SourceFile, severityOf: (id: string) => Finding['severity'] | undefined): Finding | undefined {
  // An empty file has no character to point at: the finding is the point 1:1.
  const range = p.code === 'unrecognised' && p.detail === 'empty' ? { line: 1, column: 1, endLine: 1, endColumn: 1 } : file.lines.range(p.span.start, p.span.end);
  const at = { ...range, ...(p.document !== undefined ? { document: p.document } : {}) };
  switch (p.code) {
    case 'syntax':
    case 'too-complex':
    case 'unreadable':
      return { ruleId: 'parse-error', severity: 'error', message: p.detail, path: '', ...at };
    case 'conflict-marker':
      return { ruleId: 'merge-conflict', severity: 'error', message: `Merge-conflict marker ${p.detail}: the file holds an unresolved merge conflict, so nothing in it was checked.`, path: '', ...at };
    case 'duplicate-key': {
      const severity = severityOf('duplicate-key');
      return severity
        ? { ruleId: 'duplicate-key', severity, message: `Duplicate key "${p.detail}": the later value wins silently, and some deploy tools refuse the file.`, path: toPointer(p.path ?? []), ...at }
        : undefined;
    }
    case 'unknown-argument': {
      const severity = severityOf('unknown-argument');
      return severity ? { ruleId: 'unknown-argument', severity, message: p.detail, path: toPointer(p.path ?? []), ...at } : undefined;
    }
    case 'unrecognised': {
      const severity = severityOf('unrecognised-document');
      return severity ? { ruleId: 'unrecognised-document', severity, message: `Not linted: the file is ${p.detail}.`, path: '', ...at } : undefined;
    }
  }
}

/** The suppression directives of a file: YAML's from its text, HCL's from its comments (`#`, `//`, `/* … *\/`). */
function fileDirectives(file: SourceFile): Directive[] {
  if (file.syntax !== 'hcl') return parseDirectives(file.text);
  if (!file.comments || file.comments.length === 0) return [];
  return (require('../load/terraform/comments') as typeof import('../load/terraform/comments')).hclDirectives(file.comments);
}

/** Every id a directive or an ignore may name: the rules (built-in and the configuration's own) and the diagnostics. */
function knownIds(config: LintConfig): string[] {
  let ids = knownByConfig.get(config);
  if (!ids) knownByConfig.set(config, (ids = [...engineRules().map((r) => r.id), ...(config.customRules ?? []).map((r) => r.id), ...Object.keys(CORE_DIAGNOSTICS)]));
  return ids;
}

/** A run gives every file the same configuration object: its ids are listed once. */
const knownByConfig = new WeakMap<LintConfig, string[]>();

/**
 * Apply `# ecslint-disable…` comments; report the ones that suppressed nothing when asked to, and rule ids that
 * name no rule always (unless unused-disable-directive is off).
 */
function applyComments(findings: Finding[], directives: Directive[], reportUnused: Finding['severity'] | undefined, reportUnknown: Finding['severity'] | undefined, known: string[]): Finding[] {
  if (directives.length === 0) return findings;
  const outcome = applyDirectives(findings, directives);
  const unknown: Finding[] = [];
  for (const d of directives) {
    for (const id of d.ruleIds) {
      if (!reportUnknown || known.includes(id)) continue;
      unknown.push({
        ruleId: 'unused-disable-directive',
        severity: reportUnknown,
        message: `ecslint-${d.kind} names an unknown rule "${id}", so it suppresses nothing.${didYouMean(id, known)}`,
        path: '',
        line: d.line,
        column: d.column,
        endLine: d.line,
        endColumn: d.endColumn,
      });
    }
  }
  if (!reportUnused) return [...outcome.findings, ...unknown];
  const unused: Finding[] = outcome.unused
    .filter(({ ruleId }) => ruleId === undefined || known.includes(ruleId))
    .map(({ directive: d, ruleId }) => ({
      ruleId: 'unused-disable-directive',
      severity: reportUnused,
      message: ruleId ? `Unused ecslint-${d.kind} directive: no "${ruleId}" finding to suppress here.` : `Unused ecslint-${d.kind} directive: no finding to suppress here.`,
      path: '',
      line: d.line,
      column: d.column,
      endLine: d.line,
      endColumn: d.endColumn,
    }));
  return [...outcome.findings, ...unknown, ...unused];
}

/** De-duplicate and sort by document, line, column, rule, pointer, message: the report's stable order. */
export function sortFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.document ?? 0}\0${f.ruleId}\0${f.path}\0${f.taskDefinition ?? ''}\0${f.line}:${f.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.document ?? 0) - (b.document ?? 0) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.path, b.path) || cmp(a.message, b.message));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
