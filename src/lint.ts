import * as path from 'path';
import { LintConfig } from './config/config';
import { CORE_DIAGNOSTICS } from './engine/core-diagnostics';
import { activeRules } from './engine/active-rules';
import { applyDirectives, parseDirectives } from './engine/suppress';
import { runRules } from './engine/run';
import { resolveTarget, Target } from './engine/target';
import { awaitsRunIndex, indexable, IndexedTaskDefinition, serviceContext, TaskDefinitionIndex } from './engine/service-target';
import { decode } from './load/decode';
import { extractTaskDefinitions, TaskDefinitionUnit } from './load/extract';
import { LineIndex, bytePosition } from './load/line-index';
import { locate, toPointer } from './load/locate';
import { parseJson } from './load/parse-json';
import type { YamlParse } from './load/parse-yaml';
import { ParsedDocument, SyntaxProblem } from './load/parsed';
import type { FileResult, Finding, Severity, Span } from './types';
import { fileResult } from './result';

export interface LintFileOptions {
  config: LintConfig;
  /** Named on the command line (a file that is not a task definition gets a warning) rather than found in a folder. */
  explicit: boolean;
  /** The task definitions of the whole run by family, for services that name one kept in another file (lintFiles' second pass). */
  taskDefinitions?: TaskDefinitionIndex;
}

/** The outcome for one file; `skip` marks a file found by walking that holds no task definition. */
export interface LintOutcome {
  result: FileResult;
  skip: boolean;
  /** The file's task definitions that services in other files can name by family. */
  taskDefinitions?: IndexedTaskDefinition[];
  /** Families that services name but this file does not hold: lint again with the run's index. */
  awaitsTaskDefinitions?: string[];
}

function coreSeverity(config: LintConfig, id: string): Severity | undefined {
  const s = config.rules[id] ?? CORE_DIAGNOSTICS[id].severity;
  return s === 'off' ? undefined : s;
}

const YAML_EXT = new Set(['.yaml', '.yml']);

/** Lint one file's bytes. Never throws for anything the file holds. */
export function lintBytes(bytes: Uint8Array, filePath: string, options: LintFileOptions): LintOutcome {
  const decoded = decode(bytes);
  if ('error' in decoded) {
    const pos = bytePosition(bytes, decoded.byteOffset);
    const finding: Finding = { ruleId: 'parse-error', severity: 'error', message: decoded.error, path: '', line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column + 1 };
    return { result: summarise(filePath, [finding]), skip: false };
  }
  return lintText(decoded.text, filePath, options);
}

/** Lint text already decoded (standard input, an editor buffer). */
export function lintText(rawText: string, filePath: string, options: LintFileOptions): LintOutcome {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (text.trim() === '') {
    if (!options.explicit) return { result: summarise(filePath, []), skip: true };
    const severity = coreSeverity(options.config, 'unrecognised-document');
    const findings: Finding[] = severity ? [{ ruleId: 'unrecognised-document', severity, message: 'Not linted: the file is empty.', path: '', line: 1, column: 1, endLine: 1, endColumn: 1 }] : [];
    return { result: summarise(filePath, findings), skip: false };
  }
  const parsed = parseDocuments(text, filePath);
  const lines = new LineIndex(parsed.text);
  const findings: Finding[] = [];
  const place = (span: Span): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const a = lines.position(span.start);
    const b = lines.position(Math.max(span.end, span.start + 1));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const syntaxError = (err: SyntaxProblem, document?: number): Finding => ({
    ruleId: 'parse-error',
    severity: 'error',
    message: err.message,
    path: '',
    ...place({ start: err.offset, end: err.offset + 1 }),
    ...(document !== undefined && document > 0 ? { document } : {}),
  });

  const docs = parsed.documents;
  const unrecognised: string[] = [];
  const unitNames: string[] = [];
  const ownTaskDefinitions: IndexedTaskDefinition[] = [];
  const awaitsTaskDefinitions = new Set<string>();
  let units = 0;
  docs.forEach((doc, index) => {
    if ('error' in doc) {
      findings.push(syntaxError(doc.error, index));
      return;
    }
    const extraction = extractTaskDefinitions(doc.value);
    if (extraction.units.length === 0) {
      if (extraction.unrecognised) unrecognised.push(extraction.unrecognised);
      return;
    }
    units += extraction.units.length;
    const document = docs.length > 1 ? index : undefined;
    const dupSeverity = coreSeverity(options.config, 'duplicate-key');
    if (dupSeverity) {
      for (const p of doc.problems) {
        findings.push({ ruleId: p.ruleId, severity: dupSeverity, message: p.message, path: toPointer(p.path ?? []), ...place(p.span), ...(document !== undefined ? { document } : {}) });
      }
    }
    const taskDefinitionUnits = extraction.units.filter((u): u is TaskDefinitionUnit => u.kind === 'task-definition');
    ownTaskDefinitions.push(...indexable(taskDefinitionUnits));
    for (const unit of extraction.units) {
      unitNames.push(unit.name);
      if (unit.kind === 'service' && !options.taskDefinitions && awaitsRunIndex(unit.taskDefinitionRef, taskDefinitionUnits)) awaitsTaskDefinitions.add((unit.taskDefinitionRef as { family: string }).family);
      const { target, taskDefinition } =
        unit.kind === 'service'
          ? serviceContext(unit, extraction.units, options.taskDefinitions, options.config.launchType)
          : unit.kind === 'task-definition'
            ? { target: resolveTarget(unit.document, options.config.launchType, unit.form), taskDefinition: undefined }
            : { target: UNRESOLVED_TARGET, taskDefinition: undefined };
      const ignored = new Set(unit.ignoredRules);
      for (const raw of runRules(unit.document, activeRules(options.config, unit.kind), target, options.config.docs, taskDefinition, unit.toSource)) {
        if (ignored.has(raw.ruleId)) continue;
        const sourcePath = unit.toSource(raw.path);
        findings.push({
          ruleId: raw.ruleId,
          severity: raw.severity,
          message: raw.message,
          path: toPointer(sourcePath),
          ...place(locate(doc as ParsedDocument, sourcePath)),
          taskDefinition: unit.name,
          ...(document !== undefined ? { document } : {}),
        });
      }
    }
  });

  const parseFailed = findings.some((f) => f.ruleId === 'parse-error');
  if (units === 0 && !parseFailed) {
    if (!options.explicit) return { result: summarise(filePath, []), skip: true };
    const severity = coreSeverity(options.config, 'unrecognised-document');
    if (severity) {
      findings.push({
        ruleId: 'unrecognised-document',
        severity,
        message: `Not linted: the file is ${unrecognised[0] ?? 'empty'}.`,
        path: '',
        ...place({ start: 0, end: 1 }),
      });
    }
  }
  const suppressed = parsed.json ? findings : applySuppressions(findings, parsed.text, options.config);
  return { result: summarise(filePath, suppressed, unitNames), skip: false, ...(ownTaskDefinitions.length > 0 ? { taskDefinitions: ownTaskDefinitions } : {}), ...(awaitsTaskDefinitions.size > 0 ? { awaitsTaskDefinitions: [...awaitsTaskDefinitions] } : {}) };
}

/** Clusters and capacity providers run no task: every task-level condition of a rule is unknown for them. */
const UNRESOLVED_TARGET: Target = { compatibilities: undefined, fargate: undefined, os: undefined, networkMode: undefined, ipcMode: undefined, setMembers: new Set() };

/** Apply `# ecslint-disable…` comments; report the ones that suppressed nothing when asked to. */
function applySuppressions(findings: Finding[], text: string, config: LintConfig): Finding[] {
  const directives = parseDirectives(text);
  if (directives.length === 0) return findings;
  const outcome = applyDirectives(findings, directives);
  const severity = config.reportUnusedDisableDirectives ? coreSeverity(config, 'unused-disable-directive') : undefined;
  if (!severity) return outcome.findings;
  const unused: Finding[] = outcome.unused.map(({ directive: d, ruleId }) => ({
    ruleId: 'unused-disable-directive',
    severity,
    message: ruleId ? `Unused ecslint-${d.kind} directive: no "${ruleId}" finding to suppress here.` : `Unused ecslint-${d.kind} directive: no finding to suppress here.`,
    path: '',
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.endColumn,
  }));
  return [...outcome.findings, ...unused];
}

function parseDocuments(text: string, filePath: string): YamlParse & { json?: boolean } {
  const first = text.search(/\S/);
  const c = text[first];
  const isYamlFile = YAML_EXT.has(path.extname(filePath).toLowerCase());
  if (c === '{' || c === '[') {
    try {
      return { documents: [parseJson(text)], text, json: true };
    } catch (err) {
      if (!(err instanceof SyntaxProblem)) throw err;
      // A YAML file may open with a flow collection; a .json file (or stdin) keeps the JSON error.
      if (!isYamlFile || err.final) return { documents: [{ error: err }], text, json: true };
    }
  }
  // The YAML library is loaded only when a file needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./load/parse-yaml') as typeof import('./load/parse-yaml')).parseYaml(text);
}

/** Sort, de-duplicate and count. */
export function summarise(filePath: string, findings: Finding[], taskDefinitions?: string[]): FileResult {
  const seen = new Set<string>();
  const messages = findings
    .filter((f) => {
      const key = `${f.document ?? 0}\0${f.ruleId}\0${f.path}\0${f.taskDefinition ?? ''}\0${f.line}:${f.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.document ?? 0) - (b.document ?? 0) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.path, b.path) || cmp(a.message, b.message));
  return fileResult(filePath, messages, taskDefinitions !== undefined && taskDefinitions.length > 0 ? { taskDefinitions } : {});

}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
