import type { Report } from '../model/finding';
import { stripControl } from './sanitize';

/** `file:line:col: severity: message [rule]`, one finding a line: the shape editors' problem matchers and grep expect. */
export function formatCompact(report: Report): string {
  let out = '';
  for (const r of report.results) {
    const file = stripControl(r.filePath);
    for (const m of r.messages) out += `${file}:${m.line}:${m.column}: ${m.severity}: ${stripControl(m.message)} [${m.ruleId}]\n`;
  }
  return out;
}
