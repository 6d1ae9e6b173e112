import * as path from 'path';
import { LintConfig } from './config/config';
import { CORE_DIAGNOSTICS } from './engine/core-diagnostics';
import { builtInRules } from './engine/registry';
import { inPreset } from './engine/rule';
import { CompiledRule, compileRule, runRules } from './engine/run';
import { resolveTarget } from './engine/target';
import { decode } from './load/decode';
import { extractTaskDefinitions } from './load/extract';
import { LineIndex, bytePosition } from './load/line-index';
import { locate, toPointer } from './load/locate';
import { parseJson } from './load/parse-json';
import { parseYaml, YamlParse } from './load/parse-yaml';
import { ParsedDocument, SyntaxProblem } from './load/parsed';
import type { FileResult, Finding, Severity, Span } from './types';

export interface LintFileOptions {
  config: LintConfig;
  /** Named on the command line (a file that is not a task definition gets a warning) rather than found in a folder. */
  explicit: boolean;
}

/** The outcome for one file; `skip` marks a file found by walking that holds no task definition. */
export interface LintOutcome {
  result: FileResult;
  skip: boolean;
}

const compiledCache = new Map<string, CompiledRule[]>();

/** The rules a configuration turns on, compiled once per distinct configuration. */
export function activeRules(config: LintConfig): CompiledRule[] {
  const key = JSON.stringify([config.preset, config.docs, config.rules]);
  let rules = compiledCache.get(key);
  if (!rules) {
    rules = [];
    for (const rule of builtInRules()) {
      const setting = config.rules[rule.id] ?? (inPreset(rule.preset, config.preset) ? rule.severity : 'off');
      if (setting === 'off') continue;
      const compiled = compileRule(rule, setting, config.docs);
      if (compiled) rules.push(compiled);
    }
    compiledCache.set(key, rules);
  }
  return rules;
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

  if (text.trim() === '') {
    if (!options.explicit) return { result: summarise(filePath, []), skip: true };
    findings.push(syntaxError(new SyntaxProblem('The file is empty.', 0)));
    return { result: summarise(filePath, findings), skip: false };
  }

  const docs = parsed.documents;
  const unrecognised: string[] = [];
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
    for (const unit of extraction.units) {
      const target = resolveTarget(unit.document, options.config.launchType);
      const ignored = new Set(unit.ignoredRules);
      for (const raw of runRules(unit.document, activeRules(options.config).filter((r) => r.on === unit.kind), target, options.config.docs)) {
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
  return { result: summarise(filePath, findings), skip: false };
}

function parseDocuments(text: string, filePath: string): YamlParse {
  const first = text.search(/\S/);
  const c = text[first];
  const isYamlFile = YAML_EXT.has(path.extname(filePath).toLowerCase());
  if (c === '{' || c === '[') {
    try {
      return { documents: [parseJson(text)], text };
    } catch (err) {
      if (!(err instanceof SyntaxProblem)) throw err;
      // A YAML file may open with a flow collection; a .json file (or stdin) keeps the JSON error.
      if (!isYamlFile) return { documents: [{ error: err }], text };
    }
  }
  return parseYaml(text);
}

/** Sort, de-duplicate and count. */
export function summarise(filePath: string, findings: Finding[]): FileResult {
  const seen = new Set<string>();
  const messages = findings
    .filter((f) => {
      const key = `${f.document ?? 0}\0${f.ruleId}\0${f.path}\0${f.taskDefinition ?? ''}\0${f.line}:${f.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.document ?? 0) - (b.document ?? 0) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.path, b.path) || cmp(a.message, b.message));
  return {
    filePath,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    messages,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
