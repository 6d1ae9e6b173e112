import { DEFAULT_CONFIG, LintConfig } from './config/config';
import { configForFile, Overrides } from './config/resolve';
import { addToIndex, IndexedTaskDefinition } from './engine/service-target';
import type { FileEntry } from './files/expand';
import { MAX_FILE_BYTES, readLintable } from './files/read';
import { lintBytes, summarise } from './lint';
import type { FileResult, Finding } from './types';

/** How every file of a run gets its configuration: fixed, or discovered with overrides on top. Plain data, so workers can take it. */
export interface RunSettings {
  config?: Partial<LintConfig>;
  overrides?: Overrides;
}

/** What linting one file gave; plain data, so that it can come back from a worker thread. */
export type FileOutcome =
  | { kind: 'missing'; reason: string }
  | { kind: 'ignored' }
  | {
      kind: 'linted';
      result: FileResult;
      /** Found by walking and holding no task definition: left out of the report. */
      skip: boolean;
      /**
       * Families of the file's task definitions, which services in other files may name. Only the names
       * are kept: holding every document of a large run would hold its memory, and a worker could not send them.
       */
      families?: string[];
      /** Families that services name but the file does not hold: lint it again with the run's index. */
      awaits?: string[];
    };

function fileFinding(message: string): Finding {
  return { ruleId: 'parse-error', severity: 'error', message, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function configFor(file: FileEntry, settings: RunSettings): { config: LintConfig; ignored: boolean } {
  return settings.config ? { config: { ...DEFAULT_CONFIG, ...settings.config }, ignored: false } : configForFile(file.path, settings.overrides ?? {});
}

/** Read and lint one file. Throws only for configuration errors, which stop the run (exit 2). */
export function lintFileEntry(file: FileEntry, settings: RunSettings, index?: ReadonlyMap<string, IndexedTaskDefinition[]>): FileOutcome {
  return lintFile(file, settings, index).outcome;
}

/** Lint one file; also give its task definitions, for the second pass. */
function lintFile(file: FileEntry, settings: RunSettings, index?: ReadonlyMap<string, IndexedTaskDefinition[]>): { outcome: FileOutcome; taskDefinitions?: IndexedTaskDefinition[] } {
  const { config, ignored } = configFor(file, settings);
  if (ignored) return { outcome: { kind: 'ignored' } };
  const read = readLintable(file.path);
  if ('error' in read) {
    if (file.explicit) return { outcome: { kind: 'missing', reason: read.error } };
    return { outcome: { kind: 'linted', skip: false, result: summarise(file.path, [fileFinding(`The file cannot be read: ${read.error}.`)]) } };
  }
  if ('tooLarge' in read) {
    const mib = (read.tooLarge / 1048576).toFixed(1);
    return { outcome: { kind: 'linted', skip: false, result: summarise(file.path, [fileFinding(`The file is ${mib} MiB, larger than any ECS input (${MAX_FILE_BYTES / 1048576} MiB limit); it was not parsed.`)]) } };
  }
  const linted = lintBytes(read.bytes, file.path, { config, explicit: file.explicit, ...(index ? { taskDefinitions: index } : {}) });
  const outcome: FileOutcome = {
    kind: 'linted',
    result: linted.result,
    skip: linted.skip,
    ...(linted.taskDefinitions ? { families: linted.taskDefinitions.map((t) => t.family) } : {}),
    ...(linted.awaitsTaskDefinitions ? { awaits: linted.awaitsTaskDefinitions } : {}),
  };
  return { outcome, taskDefinitions: linted.taskDefinitions };
}

/**
 * Put the outcomes together in the order of the files. A service that names its task definition by
 * family, kept in another file of the run, is checked against it in a second pass: the files holding
 * such services are linted again with the run's task definitions indexed by family.
 */
export function collectOutcomes(files: FileEntry[], outcomes: FileOutcome[], settings: RunSettings): { results: FileResult[]; missing: Array<{ path: string; reason: string }> } {
  const results: FileResult[] = [];
  const missing: Array<{ path: string; reason: string }> = [];
  const awaiting: Array<{ at: number; file: FileEntry }> = [];
  const wanted = new Set<string>();
  const index = new Map<string, IndexedTaskDefinition[]>();
  outcomes.forEach((o, i) => {
    if (o.kind === 'missing') missing.push({ path: files[i].path, reason: o.reason });
    if (o.kind !== 'linted') return;
    if (o.awaits) {
      awaiting.push({ at: results.length, file: files[i] });
      for (const f of o.awaits) wanted.add(f);
    }
    if (!o.skip) results.push(o.result);
  });
  if (awaiting.length === 0) return { results, missing };
  outcomes.forEach((o, i) => {
    if (o.kind !== 'linted' || !o.families?.some((f) => wanted.has(f))) return;
    // Outcomes keep only the families: read the task definitions that services name again, here.
    addToIndex(index, lintFile(files[i], settings).taskDefinitions ?? []);
  });
  if (index.size === 0) return { results, missing };
  for (const { at, file } of awaiting) {
    const again = lintFileEntry(file, settings, index);
    if (again.kind === 'linted') results[at] = again.result;
  }
  return { results, missing };
}
