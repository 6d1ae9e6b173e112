/**
 * The ecslint library API. The command line is its first client: `lintFiles` returns exactly what
 * `--format json` prints.
 */
import { DEFAULT_CONFIG, LintConfig } from './config/config';
import type { Overrides } from './config/resolve';
import { applyBaseline, Baseline } from './engine/baseline';
import { expandPaths } from './files/expand';
import { lintText as lintDecodedText } from './lint';
import { lintInThreads, threadsFor } from './parallel';
import { collectOutcomes, FileOutcome, lintFileEntry, RunSettings } from './run-files';
import type { FileResult } from './types';

export type { Overrides } from './config/resolve';
export type { Baseline } from './engine/baseline';
export { createBaseline } from './engine/baseline';
export { ConfigError } from './config/load';

export type { FileResult, Finding, Severity, LaunchType, DocsProfile, Preset } from './types';
export type { LintConfig } from './config/config';
export { DEFAULT_CONFIG } from './config/config';
export { format, FORMATS } from './formatters';
export type { FormatName } from './formatters';

export interface LintTextOptions {
  /** Shown in results; its extension also tells YAML from JSON when the text is ambiguous. */
  filePath?: string;
  config?: Partial<LintConfig>;
}

/** Lint one file's text. A text that holds no task definition gets an `unrecognised-document` warning. */
export function lintText(text: string, options: LintTextOptions = {}): FileResult {
  return lintDecodedText(text, options.filePath ?? '<text>', { config: { ...DEFAULT_CONFIG, ...options.config }, explicit: true }).result;
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
}

/**
 * Lint files, folders and glob patterns. Files in folders that hold no task definition are left out.
 * Large runs are spread over worker threads, one per core; the results are the same, in the same order.
 */
export function lintFiles(paths: string[], options: LintFilesOptions = {}): LintFilesResult {
  const settings: RunSettings = options.config ? { config: options.config } : { overrides: options.overrides ?? {} };
  const { files, missing } = expandPaths(paths);
  const threads = threadsFor(files.length);
  let outcomes: FileOutcome[];
  if (threads > 1) {
    outcomes = lintInThreads(files, settings, threads, options.onProgress);
  } else {
    outcomes = files.map((file, done) => {
      options.onProgress?.(done, files.length);
      return lintFileEntry(file, settings);
    });
  }
  options.onProgress?.(files.length, files.length);
  const collected = collectOutcomes(files, outcomes, settings);
  const results = options.baseline ? applyBaseline(collected.results, options.baseline) : collected.results;
  return { results, missing: [...missing, ...collected.missing] };
}
