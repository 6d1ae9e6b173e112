import type { FileResult, Report } from '../model/finding';
import { stripControl } from './sanitize';
import { renderAll, type FormatStream } from './stream';

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

/** The narrowest message column worth wrapping to; on a narrower terminal the lines simply run on. */
const MIN_MESSAGE_WIDTH = 24;

/** Words of a message in lines of at most `width` characters; a word longer than that is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line !== '') lines.push(line);
    line = '';
  };
  for (let word of text.split(/ +/)) {
    while (word.length > width) {
      flush();
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (word === '') continue;
    if (line !== '' && line.length + 1 + word.length > width) flush();
    line = line === '' ? word : `${line} ${word}`;
  }
  flush();
  return lines.length > 0 ? lines : [''];
}

/**
 * ESLint's stylish layout: findings grouped by file, aligned columns, one summary line. Given the terminal's
 * width, a long message wraps within its own column, so that the line:col column stays a clean column.
 */
export function formatStylish(report: Report, palette: Palette = PLAIN, width?: number): string {
  return renderAll(stylishStream(palette, width), report.results);
}

/** Stylish one file at a time: each file's columns are its own, so nothing waits for the next file but the summary. */
export function stylishStream(palette: Palette = PLAIN, width?: number): FormatStream {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  return {
    file(r) {
      errors += r.errorCount;
      warnings += r.warningCount;
      infos += r.infoCount;
      return fileBlock(r, palette, width);
    },
    end: () => summary(errors, warnings, infos, palette),
  };
}

function fileBlock(r: FileResult, palette: Palette, width: number | undefined): string {
  if (r.messages.length === 0) return '';
  const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, stripControl(m.message), m.ruleId]);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const w3 = Math.max(...rows.map((x) => x[3].length));
  const indent = 2 + w0 + 2 + w1 + 2;
  const room = width === undefined ? Infinity : width - indent - 2 - w3;
  const w2 = Math.min(Math.max(...rows.map((x) => x[2].length)), room >= MIN_MESSAGE_WIDTH ? room : Infinity);
  let out = `\n${palette.underline(stripControl(r.filePath))}\n`;
  for (const [pos, sev, msg, id] of rows) {
    const colour = sev === 'error' ? palette.red : sev === 'warning' ? palette.yellow : palette.blue;
    const lines = msg.length > w2 ? wrapText(msg, w2) : [msg];
    out += `  ${palette.dim(pos.padEnd(w0))}  ${colour(sev.padEnd(w1))}  ${lines[0].padEnd(w2)}  ${palette.dim(id)}\n`;
    for (const more of lines.slice(1)) out += `${' '.repeat(indent)}${more}\n`;
  }
  return out;
}

function summary(errors: number, warnings: number, infos: number, palette: Palette): string {
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos > 0) parts.push(plural(infos, 'info'));
  const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  return `\n${errors > 0 ? palette.red(palette.bold(line)) : palette.yellow(palette.bold(line))}\n`;
}
