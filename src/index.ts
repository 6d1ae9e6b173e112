/**
 * The ecslint library API. The command line is its first client: `lintFiles` returns exactly what
 * `--format json` prints.
 */
import { DEFAULT_CONFIG, LintConfig } from './config/config';
import { expandPaths } from './files/expand';
import { lintBytes, lintText as lintDecodedText, summarise } from './lint';
import { addToIndex, IndexedTaskDefinition } from './engine/service-target';
import type { FileResult, Finding } from './types';
import { MAX_FILE_BYTES, readLintable } from './files/read';
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
  /** Called after each file with the number done and the total (the CLI's progress line). */
  onProgress?: (done: number, total: number) => void;
}

export interface LintFilesResult {
  results: FileResult[];
  /** Named paths that do not exist or cannot be read (the CLI exits 2 for these). */
  missing: Array<{ path: string; reason: string }>;
}

function fileFinding(message: string): Finding {
  return { ruleId: 'parse-error', severity: 'error', message, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * Lint files, folders and glob patterns. Files in folders that hold no task definition are left out.
 * A service that names its task definition by family, kept in another file of the run, is checked
 * against it in a second pass: only the files holding such services are linted again, with the
 * run's task definitions indexed by family.
 */
export function lintFiles(paths: string[], options: LintFilesOptions = {}): LintFilesResult {
  const fixed = options.config ? { ...DEFAULT_CONFIG, ...options.config } : undefined;
  const { files, missing } = expandPaths(paths);
  const results: FileResult[] = [];
  const index = new Map<string, IndexedTaskDefinition[]>();
  const secondPass: Array<{ at: number; file: (typeof files)[number]; bytes: Buffer; config: LintConfig }> = [];
  for (const [done, file] of files.entries()) {
    options.onProgress?.(done, files.length);
    const { config, ignored } = fixed ? { config: fixed, ignored: false } : configForFile(file.path, options.overrides ?? {});
    if (ignored) continue;
    const read = readLintable(file.path);
    if ('error' in read) {
      if (file.explicit) {
        missing.push({ path: file.path, reason: read.error });
        continue;
      }
      results.push(summarise(file.path, [fileFinding(`The file cannot be read: ${read.error}.`)]));
      continue;
    }
    if ('tooLarge' in read) {
      results.push(summarise(file.path, [fileFinding(`The file is ${(read.tooLarge / 1048576).toFixed(1)} MiB, larger than any ECS input (${MAX_FILE_BYTES / 1048576} MiB limit); it was not parsed.`)]));
      continue;
    }
    const bytes = read.bytes;
    const outcome = lintBytes(bytes, file.path, { config, explicit: file.explicit });
    if (outcome.taskDefinitions) addToIndex(index, outcome.taskDefinitions);
    if (outcome.skip) continue;
    if (outcome.awaitsTaskDefinitions) secondPass.push({ at: results.length, file, bytes, config });
    results.push(outcome.result);
  }
  options.onProgress?.(files.length, files.length);
  if (index.size > 0) {
    for (const { at, file, bytes, config } of secondPass) results[at] = lintBytes(bytes, file.path, { config, explicit: file.explicit, taskDefinitions: index }).result;
  }
  return { results: options.baseline ? applyBaseline(results, options.baseline) : results, missing };
}
