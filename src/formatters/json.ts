import type { FileResult } from '../types';

/** The `--format json` report: one entry per file, in the order the files were given. */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results) + '\n';
}
