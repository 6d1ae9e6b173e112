/**
 * The ecslint library API. The command line is its first client: every run, standard input included,
 * goes through these functions.
 */
import type { Overrides } from './config/resolve';
import { builtInRules } from './engine/registry';
import { expandPaths } from './files/expand';
import { firstPassesInThreads, threadsFor } from './parallel';
import { checkConfigurations, collect, configFor, firstPass, firstPassesInSequence, InternalFailure, lintSource, lintSourceWithRelated, RunSettings } from './pipeline';
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
export { format, formatStream, FORMATS } from './formatters';
export type { FormatStream } from './formatters';
export type { FormatName } from './formatters';
export type { InternalFailure } from './pipeline';

export interface LintTextOptions {
  /** Shown in results; its extension also tells JSON from YAML (and `.tf` Terraform). */
  filePath?: string;
  config?: Partial<LintConfig>;
}

/**
 * Lint one file's text with a fixed configuration. A text that holds nothing ecslint lints gets an
 * `unrecognised-document` warning. A `.tf` text needs `await prepareTerraform()` first (or use
 * `lintTextAsync`, which also returns the results of the files the Terraform reads).
 */
export function lintText(text: string, options: LintTextOptions = {}): FileResult {
  return lintSource(text, options.filePath ?? '<text>', { ...DEFAULT_CONFIG, ...options.config })!;
}

/**
 * Load the Terraform (HCL) parser, once per process; after it, `lintText` and `lintBuffer` read `.tf` text.
 * `lintFiles` and `lintTextAsync` call it themselves when they meet Terraform.
 */
export function prepareTerraform(): Promise<void> {
  return (require('./load/terraform/load-parser') as typeof import('./load/terraform/load-parser')).loadHclParser();
}

/**
 * Lint one file's text, JSON, YAML or Terraform, loading the HCL parser when the text needs it. Returns the
 * text's result first, then one per file its Terraform reads with file() or templatefile() (the container
 * definitions there, reported at their keys in that file), and per `.tf` file a plan is placed in.
 */
export async function lintTextAsync(text: string, options: LintTextOptions = {}): Promise<FileResult[]> {
  const filePath = options.filePath ?? '<text>';
  if (needsHclParser(filePath, text)) await prepareTerraform();
  const reported = lintSourceWithRelated(text, filePath, { ...DEFAULT_CONFIG, ...options.config });
  return [reported.result!, ...reported.related];
}

/** Whether linting this file may need the HCL parser: a .tf file, or a plan whose configuration may be beside it. */
function needsHclParser(filePath: string, text?: string): boolean {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.tf')) return true;
  if (!lower.endsWith('.json') || (text !== undefined && !text.includes('"planned_values"'))) return false;
  const { hasConfigurationBeside } = require('./load/terraform/plan-config') as typeof import('./load/terraform/plan-config');
  return hasConfigurationBeside(filePath);
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
  return lintBufferWithRelated(bytes, options)[0];
}

/**
 * `lintBuffer` for any input, Terraform included: loads the HCL parser when the name needs it, and returns
 * the buffer's result first, then those of the files its Terraform reads (empty when the name is ignored).
 */
export async function lintBufferAsync(bytes: Uint8Array, options: LintBufferOptions): Promise<FileResult[]> {
  if (needsHclParser(options.filePath)) await prepareTerraform().catch(() => undefined);
  return lintBufferWithRelated(bytes, options);
}

function lintBufferWithRelated(bytes: Uint8Array, options: LintBufferOptions): FileResult[] {
  const { config, ignored } = configFor(options.filePath, { overrides: options.overrides ?? {} });
  if (ignored) return [];
  const decoded = decode(bytes);
  if ('error' in decoded) {
    const { finishFile } = require('./pipeline') as typeof import('./pipeline');

    const { loadBytes } = require('./load/load-file') as typeof import('./load/load-file');
    return [finishFile(loadBytes(bytes, options.filePath), config, true)!];
  }
  try {
    const reported = lintSourceWithRelated(decoded.text, options.filePath, config);
    return reported.result ? [reported.result, ...reported.related] : reported.related;
  } catch (err) {
    // A .tf text when the HCL parser cannot be loaded: the file reports why, as in a run of files.
    const { failedFile } = require('./pipeline') as typeof import('./pipeline');
    return [failedFile(options.filePath, err, config).result];
  }
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
  /** Threads that lint, this one included: a number, or 'auto' (the default) to use worker threads only where they pay. */
  threads?: number | 'auto';
  /**
   * Each file's result, in the order of the files, as soon as it is final; `results` is then empty. In a run
   * without Terraform configuration files (.tf, .tf.json), on one thread or several, the run keeps no result:
   * its memory does not grow with the number of files (their findings go to the caller). A service whose task
   * definition is in a later file holds the results from its own on until the end; so does a Terraform run.
   */
  onResult?: (result: FileResult) => void;
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
 * Large runs are spread over worker threads; the results are the same, in the same order. The HCL parser is
 * loaded (asynchronously, once) only when the run holds a `.tf` file, or a Terraform plan with its
 * configuration beside it; a run of JSON and YAML files never loads it.
 */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const settings: RunSettings = options.config ? { config: options.config } : { overrides: options.overrides ?? {} };
  const { files, missing } = expandPaths(paths);
  const hcl = files.some((f) => f.path.toLowerCase().endsWith('.tf'));
  // When the parser cannot be loaded (its optional package is missing), each .tf file reports why.
  if (hcl) await prepareTerraform().catch(() => undefined);
  const threads = threadsFor(files.length, options.threads);
  const onResult = options.onResult;
  const baseline = options.baseline;
  const deliver = onResult && (baseline ? (r: FileResult) => onResult(applyBaseline([r], baseline)[0]) : onResult);
  // Terraform configuration reports one file's findings under another (file() targets, a module's files): not streamed.
  const streamed = deliver && !files.some((f) => /\.tf(\.json)?$/i.test(f.path)) ? deliver : undefined;
  if (streamed) checkConfigurations(files, settings);
  const passes = threads > 1 ? firstPassesInThreads(files, settings, threads, options.onProgress, hcl, streamed) : firstPassesInSequence(files, settings, options.onProgress, streamed);
  if (passes.some((p) => p.kind === 'needs-hcl')) {
    await prepareTerraform().catch(() => undefined);
    passes.forEach((p, i) => {
      if (p.kind === 'needs-hcl') passes[i] = firstPass(files[i], settings);
    });
  }
  const run = collect(files, passes, settings);
  const all = { missing: [...missing, ...run.missing], failures: run.failures };
  if (!deliver) return { results: baseline ? applyBaseline(run.results, baseline) : run.results, ...all };
  for (const r of run.results) deliver(r);
  return { results: [], ...all };
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
  return createReport(results, { rules: options.rules ?? builtInRuleMeta, version: version(), root: options.root ?? process.cwd() });
}
