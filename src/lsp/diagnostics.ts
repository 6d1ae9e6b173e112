import * as path from 'path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { Finding } from '../model/finding';
import { ruleDocUrl } from '../model/project';

/**
 * Findings as LSP diagnostics. Lines and columns are the findings' own, 0-based: ecslint counts columns in
 * UTF-16 code units, as LSP does by default. A byte-order mark, which ecslint does not count, shifts the first
 * line by one.
 */

/** How the document is written, for the edits made in it. */
export type Syntax = 'json' | 'yaml' | 'hcl';

/** What the document is, by name first (as the loader decides), else by its first character. */
export function syntaxOf(filePath: string, text: string): Syntax {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.json' || ext === '.template') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.tf') return 'hcl';
  const first = text.replace(/^\ufeff/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function bomShift(text: string): number {
  return text.startsWith('\ufeff') ? 1 : 0;
}

export function toPosition(line: number, column: number, shift: number): Position {
  return { line: line - 1, character: column - 1 + (line === 1 ? shift : 0) };
}

export function findingRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, shift: number): Range {
  return { start: toPosition(f.line, f.column, shift), end: toPosition(f.endLine, f.endColumn, shift) };
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The rule id is the code, its documentation page the code's description (built-in rules have one). */
export function toDiagnostic(f: Finding, shift: number, documented: (ruleId: string) => boolean): Diagnostic {
  return {
    range: findingRange(f, shift),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(documented(f.ruleId) ? { codeDescription: { href: ruleDocUrl(f.ruleId) } } : {}),
    source: 'ecslint',
    message: f.message,
  };
}

/** Whether two ranges share a character (or touch, for an empty one). */
export function intersects(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether a position lies in a range (its end included, so a hover on the last character counts). */
export function contains(r: Range, p: Position): boolean {
  const le = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(r.start, p) && le(p, r.end);
}
