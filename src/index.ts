/**
 * The ecslint library API. The command line is its first client: `lintFiles` returns exactly what
 * `--format json` prints.
 */
import * as fs from 'fs';
import { DEFAULT_CONFIG, LintConfig } from './config/config';
import { expandPaths } from './files/expand';
import { lintBytes, lintText as lintDecodedText, summarise } from './lint';
import type { FileResult } from './types';
import { configForFile, Overrides } from './config/resolve';
import { applyBaseline, Baseline } from './engine/baseline';

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
}

export interface LintFilesResult {
  results: FileResult[];
  /** Named paths that do not exist or cannot be read (the CLI exits 2 for these). */
  missing: Array<{ path: string; reason: string }>;
}

/** Lint files, folders and glob patterns. Files in folders that hold no task definition are left out. */
export function lintFiles(paths: string[], options: LintFilesOptions = {}): LintFilesResult {
  const fixed = options.config ? { ...DEFAULT_CONFIG, ...options.config } : undefined;
  const { files, missing } = expandPaths(paths);
  const results: FileResult[] = [];
  for (const file of files) {
    const { config, ignored } = fixed ? { config: fixed, ignored: false } : configForFile(file.path, options.overrides ?? {});
    if (ignored) continue;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file.path);
    } catch (err) {
      if (file.explicit) {
        missing.push({ path: file.path, reason: (err as Error).message });
        continue;
      }
      results.push(
        summarise(file.path, [
          { ruleId: 'parse-error', severity: 'error', message: `The file cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
        ]),
      );
      continue;
    }
    const outcome = lintBytes(bytes, file.path, { config, explicit: file.explicit });
    if (!outcome.skip) results.push(outcome.result);
  }
  return { results: options.baseline ? applyBaseline(results, options.baseline) : results, missing };
}
