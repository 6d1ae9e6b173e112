/* eslint-disable @typescript-eslint/no-require-imports */
import type { FileResult } from '../types';
import type { RuleMeta } from './rule-meta';
import type { Palette } from './stylish';

export type FormatName = 'stylish' | 'json' | 'compact' | 'github' | 'junit' | 'sarif';
export const FORMATS: FormatName[] = ['stylish', 'json', 'compact', 'github', 'junit', 'sarif'];

export type { Palette } from './stylish';
export type { RuleMeta } from './rule-meta';

export interface FormatOptions {
  /** Colours for stylish output; plain when omitted. */
  palette?: Palette;
  /** The folder that github and sarif paths are relative to (the repository root in CI); the working directory when omitted. */
  cwd?: string;
  /** The rules that sarif describes in tool.driver.rules; the built-in rules and loader diagnostics when omitted. */
  rules?: RuleMeta[];
}

function version(): string {
  return (require('../../../package.json') as { version: string }).version;
}

/**
 * Render a report; a pure function of the results. Each format's module is loaded only when that format is
 * chosen, so a run pays only for the one it prints.
 */
export function format(name: FormatName, results: FileResult[], options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  switch (name) {
    case 'json':
      return (require('./json') as typeof import('./json')).formatJson(results);
    case 'stylish': {
      const { formatStylish, PLAIN } = require('./stylish') as typeof import('./stylish');
      return formatStylish(results, options.palette ?? PLAIN);
    }
    case 'compact':
      return (require('./compact') as typeof import('./compact')).formatCompact(results);
    case 'github':
      return (require('./github') as typeof import('./github')).formatGithub(results, { cwd });
    case 'junit':
      return (require('./junit') as typeof import('./junit')).formatJunit(results);
    case 'sarif': {
      const rules = options.rules ?? (require('./rule-meta') as typeof import('./rule-meta')).builtInRuleMeta();
      return (require('./sarif') as typeof import('./sarif')).formatSarif(results, { cwd, rules, version: version() });
    }
    default:
      throw new Error(`Unknown format "${String(name)}"; the formats are ${FORMATS.join(', ')}.`);
  }
}
