import type { FileResult } from '../types';
import { formatJson } from './json';
import { formatStylish, Palette, PLAIN } from './stylish';

export type FormatName = 'stylish' | 'json';
export const FORMATS: FormatName[] = ['stylish', 'json'];

export interface FormatOptions {
  /** Colours for stylish output; plain when omitted. */
  palette?: Palette;
}

/** Render a report; a pure function of the results. */
export function format(name: FormatName, results: FileResult[], options: FormatOptions = {}): string {
  switch (name) {
    case 'json':
      return formatJson(results);
    case 'stylish':
      return formatStylish(results, options.palette ?? PLAIN);
  }
}
