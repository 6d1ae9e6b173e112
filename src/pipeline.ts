import { configForFile, Overrides } from './config/resolve';
import { lintUnit } from './engine/run';
import { rulesetFor } from './engine/ruleset';
import type { FileEntry } from './files/expand';
import { MAX_FILE_BYTES, readLintable } from './files/read';
import * as fs from 'fs';
import * as path from 'path';
import { familyOf, link, linkToModule, linkToRun, linkWithinFile, moduleKeyOf, moduleRefKey, resolveTargets } from './link/link';
import { loadBytes, loadText, LoadedFile } from './load/load-file';
import { DEFAULT_CONFIG, type LintConfig } from './model/config';
import { fileResult, type FileResult, type Finding } from './model/finding';
import { fromPointer } from './model/path';
import { LineIndex } from './model/text';
import { moduleFolder, type SourceFile, type SourceUnit } from './model/unit';
import { reportFile, sortFindings, type FileOutcome } from './report/file-report';
import { mergeScenarioFindings } from './report/scenarios';

/**
 * The stages, one file at a time: read -> load -> link -> engine -> report. A run keeps only each file's
 * result, plus the files whose services wait for a task definition held in another file (another file of
 * the run by family, another .tf file of the same Terraform module); those are linked and linted once
 * every file has been loaded, so no file is linted twice. A file's units may be written partly in other
 * files (Terraform's file() and templatefile(), a plan placed in its .tf files): findings there are
 * reported under those files, and the run puts each file's findings together.
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

/**
 * Every configuration the run's files get, read and compiled now: a mistake in one (a bad option, a rule
 * that does not fit) stops the run before any result is handed over, as it stops it before a report is
 * printed. Configurations are cached by folder, so this reads each configuration file once.
 */
export function checkConfigurations(files: readonly FileEntry[], settings: RunSettings): void {
  for (const entry of settings.config ? files.slice(0, 1) : files) {
    const { config, ignored } = configFor(entry.path, settings);
    if (!ignored) rulesetFor(config);
  }
}

/** Run the engine on every unit of a loaded file whose links are settled, and report the file. */
export function finishFile(loaded: LoadedFile, config: LintConfig, explicit: boolean): FileResult | undefined {
  return reportLoaded(loaded, config, explicit).result;
}

/** A loaded file's result, and the results of the other files its units are written in. */
export interface Reported {
  result: FileResult | undefined;
  related: FileResult[];
}

/** Run the engine on every unit of a loaded file, and report its findings under the file each is in. */
export function reportLoaded(loaded: LoadedFile, config: LintConfig, explicit: boolean): Reported {
  const ruleset = rulesetFor(config);
  const key = (f: SourceFile) => path.resolve(f.path);
  const own = key(loaded.file);
  const lint = (unit: SourceUnit) => lintUnit(unit, ruleset.rulesFor(unit.kind), ruleset.docs);
  const units: FileOutcome['units'][number][] = [];
  const elsewhere = new Map<string, { file: SourceFile; findings: Map<SourceUnit, Finding[]> }>();
  for (const unit of loaded.units) {
    // A unit with condition scenarios is linted once per scenario; the findings are merged with the conditions they hold under.
    const findings = unit.scenarios ? mergeScenarioFindings(unit.scenarios.map((s) => ({ scenario: s.scenario!, findings: lint(s) }))) : lint(unit);
    if (!unit.fileOf && unit.file === loaded.file) {
      units.push({ unit, findings });
      continue;
    }
    const mine: Finding[] = [];
    for (const f of findings) {
      const file = unit.fileOf ? unit.fileOf(fromPointer(f.path)) : unit.file;
      if (key(file) === own) {
        mine.push(f);
        continue;
      }
      let group = elsewhere.get(key(file));
      if (!group) elsewhere.set(key(file), (group = { file, findings: new Map() }));
      group.findings.set(unit, [...(group.findings.get(unit) ?? []), f]);
    }
    units.push({ unit, findings: mine });
  }
  const result = reportFile({ file: loaded.file, problems: loaded.problems, units }, config, explicit);
  const related: FileResult[] = [];
  const seen = new Set<string>();
  for (const r of loaded.related ?? []) {
    seen.add(key(r.file));
    const group = elsewhere.get(key(r.file));
    const named = loaded.units.filter((u) => r.units.includes(u.name));
    const outcome = { file: group?.file ?? r.file, problems: r.problems, units: named.map((unit) => ({ unit, findings: group?.findings.get(unit) ?? [] })) };
    const reported = reportFile(outcome, config, true);
    if (reported) related.push(reported);
  }
  for (const [k, group] of elsewhere) {
    if (seen.has(k)) continue;
    const reported = reportFile({ file: group.file, problems: [], units: [...group.findings].map(([unit, findings]) => ({ unit, findings })) }, config, true);
    if (reported) related.push(reported);
  }
  return { result, related };
}

/** A file that ecslint itself failed on: reported with an internal-error finding, never dropped. */
export function failedFile(filePath: string, err: unknown, config: LintConfig): { result: FileResult; failure: InternalFailure } {
  const error = err instanceof Error ? err : new Error(String(err));
  const file = { path: filePath, text: '', lines: new LineIndex(''), syntax: 'json' as const };
  const result = reportFile({ file, problems: [], units: [], internalError: error }, config, true)!;
  return { result, failure: { path: filePath, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } };
}

/** One file's text, linted on its own: services are linked only within the file (and, in Terraform, its module's other .tf files). */
export function lintSource(text: string, filePath: string, config: LintConfig, explicit = true): FileResult | undefined {
  return lintSourceWithRelated(text, filePath, config, explicit).result;
}

/** One file's text, with the results of the other files its units are written in (Terraform's file() targets). */
export function lintSourceWithRelated(text: string, filePath: string, config: LintConfig, explicit = true): Reported {
  const loaded = loadText(text, filePath);
  resolveTargets(loaded.units, config.launchType);
  for (const service of linkWithinFile(loaded.units)) {
    if (moduleRefKey(service)) linkToModule(service, moduleSiblings(service.scope, [filePath], config));
    else link(service, undefined);
  }
  return reportLoaded(loaded, config, explicit);
}

/** What the first pass gives for one file. */
export type FirstPass =
  | { kind: 'missing'; reason: string }
  | { kind: 'ignored' }
  | {
      kind: 'done';
      result: FileResult | undefined;
      related?: FileResult[];
      families: string[];
      resources?: string[];
      failure?: InternalFailure;
      /** The file is a list of container definitions: one that Terraform's file() may read, and report as it reads it. */
      containerList?: true;
    }
  /** Services wait for task definitions of other files; `loaded` is kept only on the thread that loaded it. */
  | { kind: 'waiting'; families: string[]; resources?: string[]; loaded?: LoadedFile; waiting?: SourceUnit[] }
  /** A Terraform plan whose .tf configuration is beside it, met before the HCL parser was loaded: load the parser, then the file again. */
  | { kind: 'needs-hcl' };

/** Read, load, link within the file, and lint it unless its services wait for the run. */
export function firstPass(entry: FileEntry, settings: RunSettings): FirstPass {
  const { config, ignored } = configFor(entry.path, settings);
  if (ignored) return { kind: 'ignored' };
  // A configuration mistake (bad rule options) stops the run; it is not a failure of this file.
  rulesetFor(config);
  try {
    const loaded = readAndLoad(entry);
    if ('missing' in loaded) return { kind: 'missing', reason: loaded.missing };
    if (loaded.needsHcl) return { kind: 'needs-hcl' };
    resolveTargets(loaded.units, config.launchType);
    const waiting = linkWithinFile(loaded.units);
    const families = familiesOf(loaded.units);
    const resources = moduleKeysOf(loaded.units);
    const found = resources.length > 0 ? { resources } : {};
    if (waiting.length > 0) return { kind: 'waiting', families, ...found, loaded, waiting };
    const reported = reportLoaded(loaded, config, entry.explicit);
    const containerList = loaded.units.some((u) => u.form === 'container-list') ? { containerList: true as const } : {};
    return { kind: 'done', result: reported.result, ...(reported.related.length > 0 ? { related: reported.related } : {}), families, ...found, ...containerList };
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

function moduleKeysOf(units: readonly SourceUnit[]): string[] {
  const out = new Set<string>();
  for (const u of units) {
    const k = moduleKeyOf(u);
    if (k) out.add(k);
  }
  return [...out];
}

/**
 * The task definitions of a module's .tf files other than `skip`: a service in one file of a module finds
 * its task definition in another even when only the first is linted. Loaded, not linted.
 */
function moduleSiblings(scope: string, skip: readonly string[], config: LintConfig): SourceUnit[] {
  const dir = moduleFolder(scope);
  const skipped = new Set(skip.map((p) => path.resolve(p)));
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
  } catch {
    return [];
  }
  const units: SourceUnit[] = [];
  for (const name of names) {
    const p = path.join(dir, name);
    if (skipped.has(path.resolve(p))) continue;
    const loaded = readAndLoad({ path: p, explicit: false });
    if ('missing' in loaded) continue;
    resolveTargets(loaded.units, config.launchType);
    units.push(...loaded.units.filter((u) => u.kind === 'task-definition'));
  }
  return units;
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

type Finished = { result: FileResult | undefined; related?: FileResult[]; failure?: InternalFailure };

/**
 * The second pass: link each waiting file's services to the run's task definitions (by family; a Terraform
 * service to its module's task definition in another file), then lint the file. Task definitions in files
 * that were not kept are loaded again (loaded, not linted); a module's .tf files outside the run too.
 */
export function secondPass(files: readonly FileEntry[], passes: FirstPass[], settings: RunSettings): Map<number, Finished> {
  const byFamily = new Map<string, number[]>();
  const byResource = new Map<string, number[]>();
  passes.forEach((p, i) => {
    if (p.kind !== 'done' && p.kind !== 'waiting') return;
    for (const f of p.families) byFamily.set(f, [...(byFamily.get(f) ?? []), i]);
    for (const r of p.resources ?? []) byResource.set(r, [...(byResource.get(r) ?? []), i]);
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
  const runPaths = files.map((f) => f.path);
  const out = new Map<number, Finished>();
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
        const key = moduleRefKey(service);
        if (key) {
          const inRun = (byResource.get(key) ?? []).filter((j) => j !== i).flatMap((j) => unitsOf(j));
          linkToModule(service, inRun.length > 0 ? inRun : moduleSiblings(service.scope, runPaths, config));
          continue;
        }
        const ref = service.taskDefinitionRef;
        const family = ref && 'family' in ref ? ref.family : undefined;
        const candidates = family === undefined ? [] : (byFamily.get(family) ?? []).flatMap((j) => unitsOf(j).filter((u) => u.kind === 'task-definition' && familyOf(u)?.family === family));
        linkToRun(service, candidates);
      }
      const reported = reportLoaded(loaded, config, files[i].explicit);
      out.set(i, { result: reported.result, ...(reported.related.length > 0 ? { related: reported.related } : {}) });
    } catch (err) {
      out.set(i, failedFile(files[i].path, err, config));
    }
  });
  return out;
}

/** Lint files one after the other on this thread. */
export function lintInSequence(files: readonly FileEntry[], settings: RunSettings, onProgress?: (done: number, total: number) => void): RunOutcome {
  return collect(files, firstPassesInSequence(files, settings, onProgress), settings);
}

/**
 * The first pass of every file, one after the other on this thread. With `deliver`, each file's result is
 * handed over as soon as it is final, in the order of the files, and a run printed this way keeps no result.
 * A result stops being final-on-arrival at the first file whose services wait for the run's task
 * definitions, a plan waiting for the HCL parser, a file whose units are written in other files (Terraform),
 * or a list of container definitions (which a plan may read and report as it reads it): from there on, every
 * pass is kept whole for `collect`, so the results and their order are those of an ordinary run. The caller
 * streams only runs without .tf and .tf.json files, whose results can merge with any other file's. A
 * delivered pass keeps what the second pass links by.
 */
export function firstPassesInSequence(files: readonly FileEntry[], settings: RunSettings, onProgress?: (done: number, total: number) => void, deliver?: (result: FileResult) => void): FirstPass[] {
  const inOrder = deliver && new InOrder(deliver);
  const passes = files.map((entry, done) => {
    onProgress?.(done, files.length);
    const pass = firstPass(entry, settings);
    return inOrder ? inOrder.take(pass) : pass;
  });
  onProgress?.(files.length, files.length);
  return passes;
}

/** The passes of a run, taken in the order of the files: each result is delivered while none before it waits (see firstPassesInSequence). */
export class InOrder {
  private holding = false;

  constructor(private readonly deliver: (result: FileResult) => void) {}

  /** The pass as the run keeps it: without its result once that is delivered. */
  take(pass: FirstPass): FirstPass {
    if (this.holding || pass.kind === 'missing' || pass.kind === 'ignored') return pass;
    if (pass.kind !== 'done' || pass.related || pass.containerList) {
      this.holding = true;
      return pass;
    }
    if (pass.result) this.deliver(pass.result);
    return { ...pass, result: undefined };
  }
}

/**
 * Put the passes together in the order of the files. Results for the same file (a .tf file and the
 * findings a plan placed in it; a JSON file linted on its own and as the container definitions a .tf file
 * reads) become one: a file read by a .tf file is reported as the .tf file reads it, in its task
 * definition's context, not on its own.
 */
export function collect(files: readonly FileEntry[], passes: FirstPass[], settings: RunSettings): RunOutcome {
  // A plan met before the HCL parser was loaded, when no one loaded it: placed in the plan itself.
  passes = passes.map((p, i) => (p.kind === 'needs-hcl' ? firstPassWithoutRetry(files[i], settings) : p));
  const second = secondPass(files, passes, settings);
  const results: FileResult[] = [];
  const missing: RunOutcome['missing'] = [];
  const failures: InternalFailure[] = [];
  const finished = passes.map((p, i): Finished | undefined => (p.kind === 'done' ? p : p.kind === 'waiting' ? second.get(i) : undefined));
  const readByTerraform = new Set<string>();
  for (const done of finished) for (const r of done?.related ?? []) readByTerraform.add(path.resolve(r.filePath));
  const at = new Map<string, number>();
  const add = (r: FileResult, own: boolean) => {
    const key = path.resolve(r.filePath);
    // A container list that a .tf file reads is reported as that file reads it (a .tf file's own result stays).
    if (own && readByTerraform.has(key) && !key.endsWith('.tf')) return;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, results.length);
      results.push(r);
    } else results[i] = mergeResults(results[i], r);
  };
  passes.forEach((p, i) => {
    if (p.kind === 'missing') missing.push({ path: files[i].path, reason: p.reason });
    const done = finished[i];
    if (!done) return;
    if (done.failure) failures.push(done.failure);
    if (done.result) add(done.result, true);
    for (const r of done.related ?? []) add(r, false);
  });
  return { results, missing, failures };
}

function firstPassWithoutRetry(entry: FileEntry, settings: RunSettings): FirstPass {
  const pass = firstPass(entry, settings);
  if (pass.kind !== 'needs-hcl') return pass;
  // Still no parser: lint the plan where it is.
  const { config } = configFor(entry.path, settings);
  const loaded = readAndLoad(entry);
  if ('missing' in loaded) return { kind: 'missing', reason: loaded.missing };
  resolveTargets(loaded.units, config.launchType);
  for (const service of linkWithinFile(loaded.units)) link(service, undefined);
  const reported = reportLoaded(loaded, config, entry.explicit);
  return { kind: 'done', result: reported.result, ...(reported.related.length > 0 ? { related: reported.related } : {}), families: [] };
}

/** Two results for the same file as one: findings put together (each once), names in order. */
function mergeResults(a: FileResult, b: FileResult): FileResult {
  const names = [...new Set([...(a.taskDefinitions ?? []), ...(b.taskDefinitions ?? [])])];
  return fileResult(a.filePath, sortFindings([...a.messages, ...b.messages]), names);
}
