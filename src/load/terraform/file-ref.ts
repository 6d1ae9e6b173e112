import type { Span } from '../../model/basics';
import type { ParsedDocument } from '../../model/document';
import { IdentityLocs, linkLocs } from './loc-tree';
import { SyntaxProblem } from '../parsed';
import { Unknown } from '../../model/unknown';
import { parseEmbeddedJson } from './embedded-json';
import { MappedText } from './mapped-text';
import { renderForJson, TemplatePart } from './template';

/** Where a relative path in `file()` / `templatefile()` starts from. */
export type PathBase =
  /** `${path.module}/…`: the folder of the module that holds the .tf file. */
  | 'module'
  /** `${path.root}/…`: the root module's folder. */
  | 'root'
  /** A bare relative path or `${path.cwd}/…`: the folder Terraform runs in (usually the root module's). */
  | 'cwd'
  /** An absolute path. */
  | 'absolute';

/**
 * A `file("…")` or `templatefile("…", {…})` call whose path is known: the value is the content of that
 * file, which the caller reads (`readReferencedJson`). Until then it is an `Unknown`, so nothing below
 * it is reported.
 */
export class FileReference extends Unknown {
  constructor(
    /** The call as written. */
    label: string,
    readonly fn: 'file' | 'templatefile',
    /** The path without its `${path.module}/` (or `path.root`, `path.cwd`) prefix. */
    readonly path: string,
    readonly base: PathBase,
    /** Where the call is in the .tf file. */
    readonly span: Span,
    /** templatefile's variables, converted like any HCL value (known members, `Unknown` for the rest). */
    readonly vars?: Record<string, unknown>,
  ) {
    super(label);
  }
}

/** The file's value as a JSON document, with positions in that file; or why it cannot be read. */
export type ReferencedJson = ParsedDocument | { error: SyntaxProblem };

/**
 * Read the JSON in a file that `ref` names, from its text. For `templatefile`, `${…}` interpolations
 * become `Unknown` (a JSON string holding one becomes an `Unknown` labelled with the string as
 * written), except a bare variable name whose value in `ref.vars` is a string, number or bool, which
 * is put in as Terraform would render it; a `%{…}` directive makes the whole value `Unknown`. For
 * `file`, the text is read as it is: Terraform does not render it.
 */
export function readReferencedJson(text: string, ref: Pick<FileReference, 'fn' | 'vars'>): ReferencedJson {
  const locs: IdentityLocs = new WeakMap();
  const span = { start: 0, end: text.length };
  if (ref.fn === 'file') {
    const made = new MappedText();
    made.appendVerbatim(text, 0);
    try {
      const { value, problems } = parseEmbeddedJson(made, locs);
      return { value, loc: linkLocs(value, locs), span, problems };
    } catch (err) {
      if (err instanceof SyntaxProblem) return { error: err };
      throw err;
    }
  }
  const parts = scanTemplate(text);
  const vars = ref.vars ?? {};
  const rendered = renderForJson(parts, text, (p) => {
    const name = /^\$\{~?\s*([A-Za-z_][A-Za-z0-9_-]*)\s*~?\}$/.exec(text.slice(p.start, p.end))?.[1];
    if (name === undefined || !Object.hasOwn(vars, name)) return undefined;
    const v = vars[name];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  });
  if (!rendered) return { value: new Unknown('a template with %{ } directives'), loc: undefined, span, problems: [] };
  try {
    const { value, problems } = parseEmbeddedJson(rendered.made, locs, [], rendered.labels);
    return { value, loc: linkLocs(value, locs), span, problems };
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    // Placeholders left in place may render as text that completes the JSON (`"cpu": ${cpu}`).
    if (rendered.labels.length > 0) return { value: new Unknown('a template that is JSON only once rendered'), loc: undefined, span, problems: [] };
    return { error: err };
  }
}

/**
 * Split a template file into literal text and `${…}` / `%{…}` sequences. A sequence ends at the brace
 * that closes it, skipping braces inside quoted strings; `$${` and `%%{` are escapes for `${` and `%{`.
 */
export function scanTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let pieces: Extract<TemplatePart, { kind: 'literal' }>['pieces'] = [];
  let run = 0;
  let i = 0;
  const flush = (at: number) => {
    if (at > run) pieces.push({ text: text.slice(run, at), start: run, end: at, verbatim: true });
  };
  while (i < text.length) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      flush(i);
      pieces.push({ text: c + '{', start: i, end: i + 3, verbatim: false });
      i += 3;
      run = i;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const close = closingBrace(text, i + 2);
      if (close === -1) break;
      flush(i);
      if (pieces.length > 0) parts.push({ kind: 'literal', pieces });
      pieces = [];
      parts.push(c === '$' ? { kind: 'interpolation', start: i, end: close + 1, expression: null } : { kind: 'directive', start: i, end: close + 1 });
      i = close + 1;
      run = i;
      continue;
    }
    i++;
  }
  flush(text.length);
  if (pieces.length > 0) parts.push({ kind: 'literal', pieces });
  return parts;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      for (j++; j < text.length && text[j] !== '"'; j++) if (text[j] === '\\') j++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return j;
    }
  }
  return -1;
}
