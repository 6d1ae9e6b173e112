import * as path from 'path';
import { readTextFile } from '../files/read';
import { fileResult, type FileResult, type Finding } from '../model/finding';

/**
 * A baseline records the findings a repository has today so that only new ones are reported.
 * A fingerprint names a finding by file, rule, task definition and JSON Pointer, never by line:
 * editing or moving other parts of the file keeps it stable.
 */
export interface Baseline {
  version: 1;
  /** file (relative to the baseline file's folder, with "/") -> fingerprint -> how many findings share it. */
  files: Record<string, Record<string, { ruleId: string; path: string; count: number }>>;
  /**
   * The folder the file paths are relative to: the baseline file's own folder, so that a baseline
   * committed with the code matches from any working directory. Not written to the file.
   */
  root?: string;
}

/** A linted file's key in a baseline whose paths are relative to `root` (the working directory when omitted). */
export function baselineKey(filePath: string, root: string = process.cwd()): string {
  return path.relative(path.resolve(root), path.resolve(filePath)).split(path.sep).join('/');
}

export function fingerprint(f: Finding): string {
  const { createHash } = require('crypto') as typeof import('crypto');
  return createHash('sha256')
    .update([f.ruleId, f.taskDefinition ?? '', String(f.document ?? 0), f.path].join('\0'))
    .digest('hex')
    .slice(0, 20);
}

/** A baseline of every finding, its file paths relative to `root`: the folder the baseline file will be written to. */
export function createBaseline(results: FileResult[], root: string = process.cwd()): Baseline {
  const files: Baseline['files'] = {};
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const entries: Baseline['files'][string] = {};
    for (const m of r.messages) {
      const fp = fingerprint(m);
      const e = (entries[fp] ??= { ruleId: m.ruleId, path: m.path, count: 0 });
      e.count++;
    }
    files[baselineKey(r.filePath, root)] = entries;
  }
  return { version: 1, files };
}

/** Drop the findings the baseline knows; recount. Each recorded finding absorbs one current finding. */
export function applyBaseline(results: FileResult[], baseline: Baseline): FileResult[] {
  return results.map((r) => {
    const known = baseline.files[baselineKey(r.filePath, baseline.root)];
    if (!known) return r;
    const left = new Map(Object.entries(known).map(([fp, e]) => [fp, e.count]));
    const messages = r.messages.filter((m) => {
      const fp = fingerprint(m);
      const n = left.get(fp) ?? 0;
      if (n === 0) return true;
      left.set(fp, n - 1);
      return false;
    });
    return fileResult(r.filePath, messages, r.taskDefinitions);
  });
}

/** Read a baseline file; its paths are taken relative to the file's folder. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not a baseline file: ${(err as Error).message}`, { cause: err });
  }
  const b = data as Baseline;
  if (!b || b.version !== 1 || typeof b.files !== 'object' || b.files === null) throw new Error(`${file} is not an ecslint baseline (version 1).`);
  return { version: 1, files: b.files, root: path.dirname(path.resolve(file)) };
}

/**
 * Read and check a baseline file like every file ecslint reads: a FIFO, a device or a file over the size
 * limit is refused with the reason rather than waited for or loaded.
 */
export function readBaseline(file: string): Baseline {
  const read = readTextFile(file);
  if ('error' in read) throw new Error(`${file} cannot be read: ${read.error}`);
  return parseBaseline(read.text, file);
}
