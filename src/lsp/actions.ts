import type { Finding } from '../model/finding';
import { fromPointer } from '../model/path';
import { UNSUPPRESSIBLE } from '../report/diagnostics';
import type { Syntax } from './diagnostics';

/**
 * The edits behind the code actions that need only the text: a suppression comment above a finding's line
 * (YAML and Terraform have comments; JSON has none), and where a CloudFormation finding's resource is.
 */

/** A line-based edit: replace [start, end) of the text (offsets after any byte-order mark are the caller's). */
export interface LineEdit {
  start: number;
  end: number;
  text: string;
}

const DIRECTIVE = /^([ \t]*)#\s*ecslint-disable-next-line\b([^\r\n]*)$/;

function lineBounds(text: string, line: number): { start: number; end: number } | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/** Whether a line of a Terraform file is inside a heredoc, where a comment would become part of the string. */
function inHeredoc(text: string, lineStart: number): boolean {
  let open: string | undefined;
  for (const line of text.slice(0, lineStart).split(/\r?\n/)) {
    if (open !== undefined) {
      if (line.trim() === open) open = undefined;
      continue;
    }
    const m = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line);
    if (m) open = m[1];
  }
  return open !== undefined;
}

/**
 * `# ecslint-disable-next-line <rule>` on a new line above the finding, indented like it; or the rule added to a
 * directive already there. Undefined where a comment cannot go (JSON, inside a Terraform heredoc) or cannot help.
 */
export function suppressionEdit(text: string, syntax: Syntax, finding: Finding): LineEdit | undefined {
  if (syntax === 'json' || UNSUPPRESSIBLE.has(finding.ruleId)) return undefined;
  const own = lineBounds(text, finding.line);
  if (!own) return undefined;
  if (syntax === 'hcl' && inHeredoc(text, own.start)) return undefined;
  if (finding.line > 1) {
    const above = lineBounds(text, finding.line - 1)!;
    const m = DIRECTIVE.exec(text.slice(above.start, above.end));
    if (m) {
      const rest = m[2];
      const reason = rest.indexOf(' -- ');
      const ids = (reason === -1 ? rest : rest.slice(0, reason)).trimEnd();
      if (ids.trim() === '' || ids.split(',').some((id) => id.trim() === finding.ruleId)) return undefined;
      const at = above.start + m[0].length - rest.length + ids.length;
      return { start: at, end: at, text: `, ${finding.ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(own.start, own.end))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: own.start, end: own.start, text: `${indent}# ecslint-disable-next-line ${finding.ruleId}${eol}` };
}

/** The resource of a CloudFormation finding (`/Resources/<id>/…`), as a path from the document's root. */
export function resourceOf(finding: Finding): string[] | undefined {
  if (UNSUPPRESSIBLE.has(finding.ruleId) || finding.ruleId === 'duplicate-key' || finding.ruleId === 'unused-disable-directive' || finding.ruleId === 'unrecognised-document') return undefined;
  const segments = fromPointer(finding.path);
  return segments.length >= 2 && segments[0] === 'Resources' ? segments.slice(0, 2) : undefined;
}
