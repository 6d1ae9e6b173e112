import { configForFile, Overrides } from './config/resolve';
import { lintUnit } from './engine/run';
import { rulesetFor } from './engine/ruleset';
import type { FileEntry } from './files/expand';
import { MAX_FILE_BYTES, readLintable } from './files/read';
import { familyOf, link, linkToRun, linkWithinFile, resolveTargets } from './link/link';
import { loadBytes, loadText, LoadedFile } from './load/load-file';
import { DEFAULT_CONFIG, type LintConfig } from './model/config';
import type { FileResult } from './model/finding';
import { LineIndex } from './model/text';
import type { SourceUnit } from './model/unit';
import { reportFile } from './report/file-report';
import { mergeScenarioFindings } from './report/scenarios';

/**
 * The stages, one file at a time: read -> load -> link -> engine -> report. A run keeps only each file's
 * result, plus the files whose services wait for a task definition held in another file; those are
 * linked and linted once every file has been loaded, so no file is linted twice.
 */

/** How every file of a run gets its configuration: fixed, or discovered with overrides on top. Plain data, so workers can take it. */
export interface RunSettings {
  config?: Partial<LintConfig>;
  overrides?: Overrides;
}

/** A failure of ecslint itself on one file; the file's result carries an internal-error finding. */
export interface InternalFailure {
  path: string;
  message: string;
  stack?: string;
}

export interface RunOutcome {
  /** One result per file, in the order of the files; files found by walking that hold nothing are left out. */
  results: FileResult[];
  /** Named paths that do not exist or cannot be read. */
  missing: Array<{ path: string; reason: string }>;
  failures: InternalFailure[];
}

export function configFor(file: string, settings: RunSettings): { config: LintConfig; ignored: boolean } {
  return settings.config ? { config: { ...DEFAULT_CONFIG, ...settings.config }, ignored: false } : configForFile(file, settings.overrides ?? {});
}

/** Run the engine on every unit of a loaded file whose links are settled, and report the file. */
export function finishFile(loaded: LoadedFile, config: LintConfig, explicit: boolean): FileResult | undefined {
  const ruleset = rulesetFor(config);
  const lint = (unit: SourceUnit) => lintUnit(unit, ruleset.byKind.get(unit.kind) ?? [], ruleset.docs);
  // A unit with condition scenarios is linted once per scenario; the findings are merged with the conditions they hold under.
  const units = loaded.units.map((unit) => ({ unit, findings: unit.scenarios ? mergeScenarioFindings(unit.scenarios.map((s) => ({ scenario: s.scenario!, findings: lint(s) }))) : lint(unit) }));
  return reportFile({ file: loaded.file, problems: loaded.problems, units }, config, explicit);
}

/** A file that ecslint itself failed on: reported with an internal-error finding, never dropped. */
export function failedFile(filePath: string, err: unknown, config: LintConfig): { result: FileResult; failure: InternalFailure } {
  const error = err instanceof Error ? err : new Error(String(err));
  const file = { path: filePath, text: '', lines: new LineIndex(''), syntax: 'json' as const };
  const result = reportFile({ file, problems: [], units: [], internalError: error }, config, true)!;
  return { result, failure: { path: filePath, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } };
}

/** One file's text, linted on its own: services are linked only within the file. */
export function lintSource(text: string, filePath: string, config: LintConfig, explicit = true): FileResult | undefined {
  const loaded = loadText(text, filePath);
  resolveTargets(loaded.units, config.launchType);
  for (const service of linkWithinFile(loaded.units)) link(service, undefined);
  return finishFile(loaded, config, explicit);
}

/** What the first pass gives for one file. */
export type FirstPass =
  | { kind: 'missing'; reason: string }
  | { kind: 'ignored' }
  | { kind: 'done'; result: FileResult | undefined; families: string[]; failure?: InternalFailure }
  /** Services wait for task definitions of other files; `loaded` is kept only on the thread that loaded it. */
  | { kind: 'waiting'; families: string[]; loaded?: LoadedFile; waiting?: SourceUnit[] };

/** Read, load, link within the file, and lint it unless its services wait for the run. */
export function firstPass(entry: FileEntry, settings: RunSettings): FirstPass {
  const { config, ignored } = configFor(entry.path, settings);
  if (ignored) return { kind: 'ignored' };
  // A configuration mistake (bad rule options) stops the run; it is not a failure of this file.
  rulesetFor(config);
  const loaded = readAndLoad(entry);
  if ('missing' in loaded) return { kind: 'missing', reason: loaded.missing };
  try {
    resolveTargets(loaded.units, config.launchType);
    const waiting = linkWithinFile(loaded.units);
    const families = familiesOf(loaded.units);
    if (waiting.length > 0) return { kind: 'waiting', families, loaded, waiting };
    return { kind: 'done', result: finishFile(loaded, config, entry.explicit), families };
  } catch (err) {
    const failed = failedFile(entry.path, err, config);
    return { kind: 'done', result: failed.result, families: [], failure: failed.failure };
  }
}

function familiesOf(units: readonly SourceUnit[]): string[] {
  const out = new Set<string>();
  for (const u of units) {
    const f = familyOf(u);
    if (f) out.add(f.family);
  }
  return [...out];
}

/** Read and load a file; a file that cannot be read is a missing path when named, a finding when found by walking. */
export function readAndLoad(entry: FileEntry): LoadedFile | { missing: string } {
  const read = readLintable(entry.path);
  if ('error' in read) {
    if (entry.explicit) return { missing: read.error };
    return unreadable(entry.path, `The file cannot be read: ${read.error}.`);
  }
  if ('tooLarge' in read) {
    const mib = (read.tooLarge / 1048576).toFixed(1);
    return unreadable(entry.path, `The file is ${mib} MiB, larger than any ECS input (${MAX_FILE_BYTES / 1048576} MiB limit); it was not parsed.`);
  }
  return loadBytes(read.bytes, entry.path);
}

function unreadable(filePath: string, detail: string): LoadedFile {
  return { file: { path: filePath, text: '', lines: new LineIndex(''), syntax: 'json' }, units: [], problems: [{ code: 'unreadable', detail, span: { start: 0, end: 0 } }] };
}

/**
 * The second pass: link each waiting file's services to the run's task definitions by family, then lint the
 * file. Task definitions in files that were not kept are loaded again (loaded, not linted).
 */
export function secondPass(files: readonly FileEntry[], passes: FirstPass[], settings: RunSettings): Map<number, { result: FileResult | undefined; failure?: InternalFailure }> {
  const byFamily = new Map<string, number[]>();
  passes.forEach((p, i) => {
    if (p.kind !== 'done' && p.kind !== 'waiting') return;
    for (const f of p.families) byFamily.set(f, [...(byFamily.get(f) ?? []), i]);
  });
  const reloaded = new Map<number, SourceUnit[]>();
  const unitsOf = (i: number): SourceUnit[] => {
    const p = passes[i];
    if (p.kind === 'waiting' && p.loaded) return p.loaded.units;
    let units = reloaded.get(i);
    if (!units) {
      const loaded = readAndLoad(files[i]);
      units = 'missing' in loaded ? [] : loaded.units;
      resolveTargets(units, configFor(files[i].path, settings).config.launchType);
      reloaded.set(i, units);
    }
    return units;
  };
  const out = new Map<number, { result: FileResult | undefined; failure?: InternalFailure }>();
  passes.forEach((p, i) => {
    if (p.kind !== 'waiting') return;
    const { config } = configFor(files[i].path, settings);
    try {
      let loaded = p.loaded;
      let waiting = p.waiting;
      if (!loaded) {
        const again = readAndLoad(files[i]);
        if ('missing' in again) return;
        loaded = again;
        resolveTargets(loaded.units, config.launchType);
        waiting = linkWithinFile(loaded.units);
      }
      for (const service of waiting ?? []) {
        const ref = service.taskDefinitionRef;
        const family = ref && 'family' in ref ? ref.family : undefined;
        const candidates = family === undefined ? [] : (byFamily.get(family) ?? []).flatMap((j) => unitsOf(j).filter((u) => u.kind === 'task-definition' && familyOf(u)?.family === family));
        linkToRun(service, candidates);
      }
      out.set(i, { result: finishFile(loaded, config, files[i].explicit) });
    } catch (err) {
      out.set(i, failedFile(files[i].path, err, config));
    }
  });
  return out;
}

/** Lint files one after the other on this thread. */
export function lintInSequence(files: readonly FileEntry[], settings: RunSettings, onProgress?: (done: number, total: number) => void): RunOutcome {
  const passes = files.map((entry, done) => {
    onProgress?.(done, files.length);
    return firstPass(entry, settings);
  });
  onProgress?.(files.length, files.length);
  return collect(files, passes, settings);
}

/** Put the passes together in the order of the files. */
export function collect(files: readonly FileEntry[], passes: FirstPass[], settings: RunSettings): RunOutcome {
  const second = secondPass(files, passes, settings);
  const results: FileResult[] = [];
  const missing: RunOutcome['missing'] = [];
  const failures: InternalFailure[] = [];
  passes.forEach((p, i) => {
    if (p.kind === 'missing') missing.push({ path: files[i].path, reason: p.reason });
    const done = p.kind === 'done' ? p : p.kind === 'waiting' ? second.get(i) : undefined;
    if (!done) return;
    if (done.failure) failures.push(done.failure);
    if (done.result) results.push(done.result);
  });
  return { results, missing, failures };
}
