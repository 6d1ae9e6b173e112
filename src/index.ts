/**
 * The ecslint library API. The command line is its first client: every run, standard input included,
 * goes through these functions.
 */
import type { Overrides } from './config/resolve';
import { builtInRules } from './engine/registry';
import { expandPaths } from './files/expand';
import { lintInThreads, threadsFor } from './parallel';
import { configFor, InternalFailure, lintInSequence, lintSource, RunSettings } from './pipeline';
import { DEFAULT_CONFIG, type LintConfig } from './model/config';
import type { FileResult, Report, RuleMeta } from './model/finding';
import { applyBaseline, type Baseline } from './report/baseline';
import { createReport, ruleMeta } from './report/report';
import { decode } from './files/decode';

export type { Overrides } from './config/resolve';
export type { Baseline } from './report/baseline';
export { createBaseline, parseBaseline } from './report/baseline';
export { ConfigError } from './config/load';
export type { FileResult, Finding, Report, RuleMeta } from './model/finding';
export type { Severity, LaunchType, DocsProfile, Preset } from './model/basics';
export type { LintConfig } from './model/config';
export { DEFAULT_CONFIG } from './model/config';
export { format, FORMATS } from './formatters';
export type { FormatName } from './formatters';
export type { InternalFailure } from './pipeline';

export interface LintTextOptions {
  /** Shown in results; its extension also tells JSON from YAML. */
  filePath?: string;
  config?: Partial<LintConfig>;
}

/** Lint one file's text with a fixed configuration. A text that holds nothing ecslint lints gets an `unrecognised-document` warning. */
export function lintText(text: string, options: LintTextOptions = {}): FileResult {
  return lintSource(text, options.filePath ?? '<text>', { ...DEFAULT_CONFIG, ...options.config })!;
}

export interface LintBufferOptions {
  /** The name to report; configuration is discovered from its folder (relative names from the working directory). */
  filePath: string;
  /** Settings that win over discovered configuration files (what the command line gives). */
  overrides?: Overrides;
}

/**
 * Lint bytes read from somewhere other than a file (standard input, an editor), with the configuration that
 * a file of that name would get. Returns undefined when the configuration ignores that name.
 */
export function lintBuffer(bytes: Uint8Array, options: LintBufferOptions): FileResult | undefined {
  const { config, ignored } = configFor(options.filePath, { overrides: options.overrides ?? {} });
  if (ignored) return undefined;
  const decoded = decode(bytes);
  if ('error' in decoded) {
    const { finishFile } = require('./pipeline') as typeof import('./pipeline');

    const { loadBytes } = require('./load/load-file') as typeof import('./load/load-file');
    return finishFile(loadBytes(bytes, options.filePath), config, true);
  }
  return lintSource(decoded.text, options.filePath, config);
}

export interface LintFilesOptions {
  /** A fixed configuration for every file: configuration files are not read. */
  config?: Partial<LintConfig>;
  /** Settings that win over discovered configuration files (what the command line gives); used when `config` is not. */
  overrides?: Overrides;
  /** Report only the findings this baseline does not record. */
  baseline?: Baseline;
  /** Called after each file with the number done and the total (the CLI's progress line). */
  onProgress?: (done: number, total: number) => void;
}

export interface LintFilesResult {
  results: FileResult[];
  /** Named paths that do not exist or cannot be read (the CLI exits 2 for these). */
  missing: Array<{ path: string; reason: string }>;
  /** Files ecslint itself failed on; each still has a result with an internal-error finding. */
  failures: InternalFailure[];
}

/**
 * Lint files, folders and glob patterns. Files in folders that hold nothing ecslint lints are left out.
 * Large runs are spread over worker threads; the results are the same, in the same order.
 */
export function lintFiles(paths: string[], options: LintFilesOptions = {}): LintFilesResult {
  const settings: RunSettings = options.config ? { config: options.config } : { overrides: options.overrides ?? {} };
  const { files, missing } = expandPaths(paths);
  const threads = threadsFor(files.length);
  const run = threads > 1 ? lintInThreads(files, settings, threads, options.onProgress) : lintInSequence(files, settings, options.onProgress);
  const results = options.baseline ? applyBaseline(run.results, options.baseline) : run.results;
  return { results, missing: [...missing, ...run.missing], failures: run.failures };
}

/** The built-in rules and diagnostics, as a report describes them. */
export function builtInRuleMeta(): RuleMeta[] {
  return ruleMeta(builtInRules());
}

/** The version of this package. */
export function version(): string {
  return (require('../../package.json') as { version: string }).version;
}

/** A report of results for the formatters; relative paths are written against `root` (the working directory by default). */
export function report(results: FileResult[], options: { root?: string; rules?: RuleMeta[] } = {}): Report {
  return createReport(results, { rules: options.rules ?? builtInRuleMeta(), version: version(), root: options.root ?? process.cwd() });
}
