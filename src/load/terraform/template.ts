import type { Node } from 'web-tree-sitter';
import { MappedText } from './mapped-text';
import { holdsMarkerCharacters, placeholderMarker } from './embedded-json';

/**
 * HCL string templates (`"…"` and heredocs) as a list of parts: literal text, with escapes decoded and
 * heredoc indentation removed as Terraform does, mapped back to the source; and the interpolations
 * (`${…}`) and directives (`%{…}`) between them.
 */

/** One piece of literal text: `text` comes from the source range [start, end). */
interface Piece {
  text: string;
  start: number;
  end: number;
  /** True when `text` is the source text itself (so each character maps to its own offset). */
  verbatim: boolean;
}

export type TemplatePart = { kind: 'literal'; pieces: Piece[] } | { kind: 'interpolation'; start: number; end: number; expression: Node | null } | { kind: 'directive'; start: number; end: number };

/** The parts of a `string_lit`, `quoted_template` or `heredoc_template` node. */
export function templateParts(node: Node, source: string): TemplatePart[] {
  const children = node.children;
  if (node.type === 'heredoc_template') return heredocParts(children, source);
  // string_lit / quoted_template: quoted_template_start, …, quoted_template_end
  const open = children[0];
  const close = children[children.length - 1];
  const start = open.endIndex;
  const end = close.type === 'quoted_template_end' ? close.startIndex : close.endIndex;
  const parts: TemplatePart[] = [];
  let pos = start;
  let stripNext = false;
  for (const child of children) {
    if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
    const literal: TemplatePart = { kind: 'literal', pieces: decodeQuoted(source, pos, child.startIndex) };
    if (stripNext) trimStart(literal);
    parts.push(literal);
    pushNode(parts, child);
    stripNext = stripsAfter(child);
    pos = child.endIndex;
  }
  parts.push({ kind: 'literal', pieces: decodeQuoted(source, pos, end) });
  if (stripNext) trimStart(parts[parts.length - 1]);
  return dropEmpty(parts);
}

/** Add an interpolation or directive; `${~` trims the whitespace at the end of the text before it. */
function pushNode(parts: TemplatePart[], child: Node): void {
  if (child.type === 'template_interpolation') {
    const c = child.children;
    if (c[1]?.type === 'strip_marker' && parts.length > 0) trimEnd(parts[parts.length - 1]);
    parts.push({ kind: 'interpolation', start: child.startIndex, end: child.endIndex, expression: c.find((x) => x.type === 'expression') ?? null });
  } else {
    parts.push({ kind: 'directive', start: child.startIndex, end: child.endIndex });
  }
}

/** Whether an interpolation ends with `~}`, which trims the whitespace after it. */
function stripsAfter(child: Node): boolean {
  if (child.type !== 'template_interpolation') return false;
  const c = child.children;
  return c.length >= 2 && c[c.length - 2].type === 'strip_marker' && c[c.length - 2].startIndex > (c[1]?.startIndex ?? 0);
}

function dropEmpty(parts: TemplatePart[]): TemplatePart[] {
  return parts.filter((p) => p.kind !== 'literal' || p.pieces.length > 0);
}

const HCL_SPACE = /[\t\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function trimEnd(part: TemplatePart): void {
  if (part.kind !== 'literal') return;
  const p = part.pieces;
  while (p.length > 0) {
    const last = p[p.length - 1];
    const kept = last.text.replace(/[\s\u0085]+$/, '');
    if (kept === last.text) return;
    if (kept === '') {
      p.pop();
      continue;
    }
    p[p.length - 1] = last.verbatim ? { text: kept, start: last.start, end: last.start + kept.length, verbatim: true } : { ...last, text: kept };
    return;
  }
}

function trimStart(part: TemplatePart): void {
  if (part.kind !== 'literal') return;
  const p = part.pieces;
  while (p.length > 0) {
    const first = p[0];
    const kept = first.text.replace(/^[\s\u0085]+/, '');
    if (kept === first.text) return;
    if (kept === '') {
      p.shift();
      continue;
    }
    p[0] = first.verbatim ? { text: kept, start: first.end - kept.length, end: first.end, verbatim: true } : { ...first, text: kept };
    return;
  }
}

/** Decode the literal text of a quoted template between `from` and `to`: backslash escapes, `$${` and `%%{`. */
function decodeQuoted(source: string, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let run = from;
  let i = from;
  const flush = (at: number) => {
    if (at > run) pieces.push({ text: source.slice(run, at), start: run, end: at, verbatim: true });
  };
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */ && i + 1 < to) {
      const decoded = decodeEscape(source, i, to);
      if (decoded) {
        flush(i);
        pieces.push({ text: decoded.text, start: i, end: i + decoded.length, verbatim: false });
        i += decoded.length;
        run = i;
        continue;
      }
    } else if ((c === 0x24 /* $ */ || c === 0x25) /* % */ && source.charCodeAt(i + 1) === c && source.charCodeAt(i + 2) === 0x7b && i + 2 < to) {
      flush(i);
      pieces.push({ text: source[i] + '{', start: i, end: i + 3, verbatim: false });
      i += 3;
      run = i;
      continue;
    }
    i++;
  }
  flush(to);
  return pieces;
}

function decodeEscape(source: string, at: number, to: number): { text: string; length: number } | undefined {
  const e = source[at + 1];
  switch (e) {
    case 'n':
      return { text: '\n', length: 2 };
    case 'r':
      return { text: '\r', length: 2 };
    case 't':
      return { text: '\t', length: 2 };
    case '"':
      return { text: '"', length: 2 };
    case '\\':
      return { text: '\\', length: 2 };
    case 'u':
    case 'U': {
      const n = e === 'u' ? 4 : 8;
      const hex = source.slice(at + 2, at + 2 + n);
      if (at + 2 + n > to || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      return { text: String.fromCodePoint(cp), length: 2 + n };
    }
    default:
      return undefined;
  }
}

/**
 * A heredoc's parts. Its text runs from the line after the opening marker to the start of the line of
 * the closing marker. Backslashes are literal; `$${` and `%%{` are escapes. For `<<-`, the smallest
 * leading-whitespace count among the lines that are not blank is removed from each such line, counting
 * each whitespace character as one, as Terraform's HCL does (hclsyntax flushHeredocTemplateParts).
 */
function heredocParts(children: Node[], source: string): TemplatePart[] {
  const flush = children[0].text === '<<-';
  const open = children[1];
  const close = children[children.length - 1];
  const nl = source.indexOf('\n', open.endIndex);
  const start = nl === -1 ? open.endIndex : nl + 1;
  const end = Math.max(start, source.lastIndexOf('\n', close.startIndex - 1) + 1);
  const nodes = children.filter((c) => c.type === 'template_interpolation' || c.type === 'template_directive');

  // Literal source ranges between the nodes.
  const ranges: Array<{ from: number; to: number } | Node> = [];
  let pos = start;
  for (const n of nodes) {
    if (n.startIndex > pos) ranges.push({ from: pos, to: n.startIndex });
    ranges.push(n);
    pos = n.endIndex;
  }
  if (end > pos) ranges.push({ from: pos, to: end });

  // Offsets where leading whitespace is removed, and how much (characters).
  const cuts = new Map<number, number>();
  if (flush) {
    let min = Infinity;
    const counted: number[] = [];
    let lineStart = true;
    for (const r of ranges) {
      if (!('from' in r)) {
        if (lineStart) min = 0;
        lineStart = false;
        continue;
      }
      let p = r.from;
      while (p < r.to) {
        const eol = source.indexOf('\n', p);
        const lineEnd = eol === -1 || eol >= r.to ? r.to : eol + 1;
        if (lineStart) {
          let k = p;
          while (k < lineEnd && HCL_SPACE.test(source[k])) k++;
          // A line of whitespace alone is blank: it neither counts nor loses its whitespace.
          const blank = k === lineEnd - 1 && source[lineEnd - 1] === '\n';
          if (!blank) {
            min = Math.min(min, k - p);
            counted.push(p);
          }
        }
        lineStart = source[lineEnd - 1] === '\n';
        p = lineEnd;
      }
    }
    if (min !== Infinity && min > 0) for (const p of counted) cuts.set(p, min);
  }

  const parts: TemplatePart[] = [];
  let stripNext = false;
  for (const r of ranges) {
    if ('from' in r) {
      const part: TemplatePart = { kind: 'literal', pieces: heredocLiteral(source, r.from, r.to, cuts) };
      if (stripNext) trimStart(part);
      parts.push(part);
      stripNext = false;
    } else {
      pushNode(parts, r);
      stripNext = stripsAfter(r);
    }
  }
  return dropEmpty(parts);
}

function heredocLiteral(source: string, from: number, to: number, cuts: Map<number, number>): Piece[] {
  const pieces: Piece[] = [];
  let run = from;
  let i = from;
  const flushRun = (at: number) => {
    if (at > run) pieces.push({ text: source.slice(run, at), start: run, end: at, verbatim: true });
  };
  while (i < to) {
    const cut = cuts.get(i);
    if (cut !== undefined && (i === from || source[i - 1] === '\n')) {
      flushRun(i);
      i += cut;
      run = i;
      continue;
    }
    const c = source.charCodeAt(i);
    if ((c === 0x24 || c === 0x25) && source.charCodeAt(i + 1) === c && source.charCodeAt(i + 2) === 0x7b && i + 2 < to) {
      flushRun(i);
      pieces.push({ text: source[i] + '{', start: i, end: i + 3, verbatim: false });
      i += 3;
      run = i;
      continue;
    }
    i++;
  }
  flushRun(to);
  return pieces;
}

/** The template's value when it is plain text (no interpolation, no directive). */
export function literalText(parts: TemplatePart[]): string | undefined {
  let out = '';
  for (const p of parts) {
    if (p.kind !== 'literal') return undefined;
    for (const piece of p.pieces) out += piece.text;
  }
  return out;
}

/** What an interpolation renders as, when it is known (templatefile variables); undefined leaves a placeholder. */
export type Substitute = (part: Extract<TemplatePart, { kind: 'interpolation' }>) => string | undefined;

export interface RenderedJson {
  made: MappedText;
  /** Source text of each placeholder, by number. */
  labels: string[];
}

/**
 * The template as text for a JSON parser: literal text as it is, each interpolation as its substitute or as
 * a placeholder (a JSON string inside or outside a JSON string, as the surrounding text needs). Undefined
 * when the template has a directive (`%{ if }`, `%{ for }`), whose output cannot be known.
 */
export function renderForJson(parts: TemplatePart[], source: string, substitute?: Substitute): RenderedJson | undefined {
  const made = new MappedText();
  const labels: string[] = [];
  const json = new JsonStringState();
  for (const p of parts) {
    if (p.kind === 'directive') return undefined;
    if (p.kind === 'literal') {
      for (const piece of p.pieces) {
        if (holdsMarkerCharacters(piece.text)) return undefined;
        if (piece.verbatim) made.appendVerbatim(piece.text, piece.start);
        else made.appendAtom(piece.text, piece.start, piece.end);
        json.feed(piece.text);
      }
      continue;
    }
    const known = substitute?.(p);
    if (known !== undefined) {
      made.appendAtom(known, p.start, p.end);
      json.feed(known);
      continue;
    }
    made.appendAtom(placeholderMarker(labels.length, json.inString), p.start, p.end);
    labels.push(source.slice(p.start, p.end));
  }
  return { made, labels };
}

/** Tracks whether the text fed so far ends inside a JSON string. */
export class JsonStringState {
  inString = false;
  private escaped = false;
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) {
        this.inString = true;
      }
    }
  }
}
