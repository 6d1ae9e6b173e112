import type { FileResult } from '../model/finding';

/**
 * A format that is written one file at a time: the text of each file's result as soon as it is final, then
 * the end (a summary line). A run printed this way keeps no result (stylish, compact, github).
 */
export interface FormatStream {
  file(result: FileResult): string;
  end(): string;
}

/** The whole text of a stream over results that are all at hand. */
export function renderAll(stream: FormatStream, results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) out += stream.file(r);
  return out + stream.end();
}
