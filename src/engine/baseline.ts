import * as path from 'path';
import type { FileResult, Finding } from '../types';
import { fileResult } from '../result';
import { readTextFile } from '../files/read';

/**
 * A baseline records the findings a repository has today so that only new ones are reported.
 * A fingerprint names a finding by file, rule, task definition and JSON Pointer, never by line:
 * editing or moving other parts of the file keeps it stable.
 */
export interface Baseline {
  version: 1;
  /** file (relative, with "/") -> fingerprint -> how many findings share it. */
  files: Record<string, Record<string, { ruleId: string; path: string; count: number }>>;
}

export function baselineKey(filePath: string): string {
  return path.relative(process.cwd(), path.resolve(filePath)).split(path.sep).join('/');
}

export function fingerprint(f: Finding): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('crypto') as typeof import('crypto');
  return createHash('sha256')
    .update([f.ruleId, f.taskDefinition ?? '', String(f.document ?? 0), f.path].join('\0'))
    .digest('hex')
    .slice(0, 20);
}

export function createBaseline(results: FileResult[]): Baseline {
  const files: Baseline['files'] = {};
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const entries: Baseline['files'][string] = {};
    for (const m of r.messages) {
      const fp = fingerprint(m);
      const e = (entries[fp] ??= { ruleId: m.ruleId, path: m.path, count: 0 });
      e.count++;
    }
    files[baselineKey(r.filePath)] = entries;
  }
  return { version: 1, files };
}

/** Drop the findings the baseline knows; recount. Each recorded finding absorbs one current finding. */
export function applyBaseline(results: FileResult[], baseline: Baseline): FileResult[] {
  return results.map((r) => {
    const known = baseline.files[baselineKey(r.filePath)];
    if (!known) return r;
    const left = new Map(Object.entries(known).map(([fp, e]) => [fp, e.count]));
    const messages = r.messages.filter((m) => {
      const fp = fingerprint(m);
      const n = left.get(fp) ?? 0;
      if (n === 0) return true;
      left.set(fp, n - 1);
      return false;
    });
    return fileResult(r.filePath, messages, r.taskDefinitions ? { taskDefinitions: r.taskDefinitions } : {});

  });
}

export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not a baseline file: ${(err as Error).message}`);
  }
  const b = data as Baseline;
  if (!b || b.version !== 1 || typeof b.files !== 'object' || b.files === null) throw new Error(`${file} is not an ecslint baseline (version 1).`);
  return b;
}

/**
 * Read and check a baseline file like every file ecslint reads: a FIFO, a device or a file over
 * the size limit is refused with the reason rather than waited for or loaded.
 */
export function readBaseline(file: string): Baseline {
  const read = readTextFile(file);
  if ('error' in read) throw new Error(`${file} cannot be read: ${read.error}`);
  return parseBaseline(read.text, file);
}
