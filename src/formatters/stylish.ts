import type { Report } from '../model/finding';
import { stripControl } from './sanitize';

/** Colour functions; identity when colour is off, so the layout code has one path. */
export interface Palette {
  underline(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  bold(s: string): string;
}

export const PLAIN: Palette = { underline: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, blue: (s) => s, bold: (s) => s };

/** ESLint's stylish layout: findings grouped by file, aligned columns, one summary line. */
export function formatStylish(report: Report, palette: Palette = PLAIN): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of report.results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    if (r.messages.length === 0) continue;
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, stripControl(m.message), m.ruleId]);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    const w2 = Math.max(...rows.map((x) => x[2].length));
    out += `\n${palette.underline(stripControl(r.filePath))}\n`;
    for (const [pos, sev, msg, id] of rows) {
      const colour = sev === 'error' ? palette.red : sev === 'warning' ? palette.yellow : palette.blue;
      out += `  ${palette.dim(pos.padEnd(w0))}  ${colour(sev.padEnd(w1))}  ${msg.padEnd(w2)}  ${palette.dim(id)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return out;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos > 0) parts.push(plural(infos, 'info'));
  const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  out += `\n${errors > 0 ? palette.red(palette.bold(line)) : palette.yellow(palette.bold(line))}\n`;
  return out;
}
