import type { FileResult } from '../types';
import { stripControl } from './sanitize';

/** `file:line:col: severity: message [rule]`, one finding a line: the shape editors' problem matchers and grep expect. */
export function formatCompact(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    const file = stripControl(r.filePath);
    for (const m of r.messages) out += `${file}:${m.line}:${m.column}: ${m.severity}: ${stripControl(m.message)} [${m.ruleId}]\n`;
  }
  return out;
}
