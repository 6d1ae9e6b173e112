import type { Severity } from '../types';

/**
 * Findings that the loader makes before any rule runs. They are not rule files because no JSONPath
 * can see them: they are about the text, not the task definition.
 */
export const CORE_DIAGNOSTICS: Record<string, { severity: Severity; description: string }> = {
  'parse-error': { severity: 'error', description: 'The file is not valid JSON or YAML (or not text at all); nothing in it can be checked.' },
  'duplicate-key': { severity: 'error', description: 'A key appears twice in one object; AWS silently keeps one of the values.' },
  'unused-disable-directive': {
    severity: 'warning',
    description: 'An ecslint-disable comment suppresses nothing (reported with --report-unused-disable-directives).',
  },
  'unrecognised-document': {
    severity: 'warning',
    description: 'A file named on the command line holds no task definition in any understood form (skipped silently when found by walking a folder).',
  },
};
