import type { Report } from '../model/finding';
import { stripControl } from './sanitize';
import { renderAll, type FormatStream } from './stream';

/** `file:line:col: severity: message [rule]`, one finding a line: the shape editors' problem matchers and grep expect. */
export function formatCompact(report: Report): string {
  return renderAll(compactStream(), report.results);
}

export function compactStream(): FormatStream {
  return {
    file(r) {
      const file = stripControl(r.filePath);
      let out = '';
      for (const m of r.messages) out += `${file}:${m.line}:${m.column}: ${m.severity}: ${stripControl(m.message)} [${m.ruleId}]\n`;
      return out;
    },
    end: () => '',
  };
}
