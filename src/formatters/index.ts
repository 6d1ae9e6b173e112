import type { Report } from '../model/finding';
import type { FormatStream } from './stream';
import type { Palette } from './stylish';

export type FormatName = 'stylish' | 'json' | 'compact' | 'github' | 'gitlab' | 'junit' | 'sarif';
export const FORMATS: FormatName[] = ['stylish', 'json', 'compact', 'github', 'gitlab', 'junit', 'sarif'];

export type { Palette } from './stylish';
export type { FormatStream } from './stream';

export interface FormatOptions {
  /** Colours for stylish output; plain when omitted. */
  palette?: Palette;
  /** The terminal's width in columns: stylish wraps long messages to it. */
  width?: number;
}

/**
 * Render a report: a pure function of it. Each format's module is loaded only when that format is
 * chosen, so a run pays only for the one it prints.
 */
export function format(name: FormatName, report: Report, options: FormatOptions = {}): string {
  switch (name) {
    case 'json':
      return (require('./json') as typeof import('./json')).formatJson(report);
    case 'stylish': {
      const { formatStylish, PLAIN } = require('./stylish') as typeof import('./stylish');
      return formatStylish(report, options.palette ?? PLAIN, options.width);
    }
    case 'compact':
      return (require('./compact') as typeof import('./compact')).formatCompact(report);
    case 'github':
      return (require('./github') as typeof import('./github')).formatGithub(report);
    case 'gitlab':
      return (require('./gitlab') as typeof import('./gitlab')).formatGitlab(report);
    case 'junit':
      return (require('./junit') as typeof import('./junit')).formatJunit(report);
    case 'sarif':
      return (require('./sarif') as typeof import('./sarif')).formatSarif(report);
    default:
      throw new Error(`Unknown format "${String(name)}"; the formats are ${FORMATS.join(', ')}.`);
  }
}

/**
 * A format written one file at a time (stylish, compact, github), or undefined for one that needs the whole
 * report (json, gitlab, junit and sarif are single documents). `root` is what the report's paths are
 * written against.
 */
export function formatStream(name: FormatName, root: string, options: FormatOptions = {}): FormatStream | undefined {
  switch (name) {
    case 'stylish': {
      const { stylishStream, PLAIN } = require('./stylish') as typeof import('./stylish');
      return stylishStream(options.palette ?? PLAIN, options.width);
    }
    case 'compact':
      return (require('./compact') as typeof import('./compact')).compactStream();
    case 'github':
      return (require('./github') as typeof import('./github')).githubStream(root);
    default:
      return undefined;
  }
}
