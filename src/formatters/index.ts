import type { Report } from '../model/finding';
import type { Palette } from './stylish';

export type FormatName = 'stylish' | 'json' | 'compact' | 'github' | 'gitlab' | 'junit' | 'sarif';
export const FORMATS: FormatName[] = ['stylish', 'json', 'compact', 'github', 'gitlab', 'junit', 'sarif'];

export type { Palette } from './stylish';

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
