import { ContainerLoc, EntryLoc, MAX_DEPTH, ParsedDocument, ParseProblem, setMember } from './parsed';

/**
 * A fast reader for the YAML that task definitions and templates are written in: one document of
 * block mappings and sequences, plain and quoted scalars, one-line flow collections, literal and
 * folded block scalars and CloudFormation's short-form tags. It gives exactly what the general
 * parser (parse-yaml.ts) gives, values and positions alike, at a fraction of its cost; on anything
 * outside that subset (anchors, multi-line flows or scalars, directives, several documents, tabs,
 * explicit keys, odd indentation) it gives up and the general parser reads the file.
 */
export function parseYamlFast(text: string): ParsedDocument | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new FastYaml(text).run();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

const GIVE_UP = new Error('outside the fast subset');

function giveUp(): never {
  throw GIVE_UP;
}

interface Node {
  value: unknown;
  start: number;
  /** End of the value (yaml's range[1]). */
  end: number;
  /** End of the node with its comment and line break (yaml's range[2]); block collections end here. */
  nodeEnd: number;
}

interface Line {
  start: number;
  /** End of the line's text (the newline's index, or the text's length). */
  end: number;
  indent: number;
  /** No content: only spaces, or a comment. */
  blank: boolean;
}

const SHORT_FORM = new Set([
  'Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr',
  'GetAZs', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString', 'ForEach',
]);

/** Characters that cannot start a plain scalar (or, in a key position, a plain key). */
const INDICATOR = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class FastYaml {
  private readonly lines: Line[] = [];
  private readonly locs = new WeakMap<object, ContainerLoc>();
  private readonly problems: ParseProblem[] = [];
  private readonly path: string[] = [];

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let i = start;
      while (i < end && text.charCodeAt(i) === 0x20) i++;
      this.lines.push({ start, end, indent: i - start, blank: i === end || text[i] === '#' });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  run(): ParsedDocument {
    this.checkComments();
    let i = this.lines.findIndex((l) => !l.blank);
    if (i === -1) giveUp();
    const first = this.lines[i];
    const firstText = this.text.slice(first.start, first.end);
    if (firstText.startsWith('%')) giveUp();
    if (firstText.startsWith('---')) {
      if (!/^---\s*(#.*)?$/.test(firstText)) giveUp();
      i = this.nextContent(i + 1);
      if (i === -1) giveUp();
    }
    const line = this.lines[i];
    const root = this.blockNode(i, line.start + line.indent, -1, 0);
    // Anything after the root must be blank: a second document or a stray line is the general parser's job.
    if (this.nextContent(root.next) !== -1) giveUp();
    return { value: root.node.value, locs: this.locs, span: { start: root.node.start, end: root.node.end }, problems: this.problems };
  }

  /**
   * The general parser counts a comment line that is indented more than the line after it, or that
   * follows the last content line, in the range of a collection, by rules of its own; leave such files to it.
   */
  private checkComments(): void {
    // -1 until a content line is met: a comment after the last content line always counts in some range.
    let nextIndent = -1;
    for (let j = this.lines.length - 1; j >= 0; j--) {
      const l = this.lines[j];
      if (l.start + l.indent === l.end) continue;
      if (!l.blank) nextIndent = l.indent;
      else if (l.indent > nextIndent) giveUp();
    }
  }

  private nextContent(from: number): number {
    for (let i = from; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (!l.blank) {
        const t = this.text.slice(l.start + l.indent, l.start + l.indent + 3);
        if (l.indent === 0 && (t === '---' || t === '...')) giveUp();
        return i;
      }
    }
    return -1;
  }

  /** The next content line from `from` when it continues the collection at `col`; -1 when the collection ends there. */
  private nextItemLine(from: number, col: number): number {
    const n = this.nextContent(from);
    if (n === -1 || this.lines[n].indent < col) return -1;
    if (this.lines[n].indent > col) giveUp();
    return n;
  }

  private lineOf(i: number): Line {
    return this.lines[i];
  }

  /** The node starting at `pos` on line `i`, at least as indented as `parentIndent` + 1. */
  private blockNode(i: number, pos: number, parentIndent: number, depth: number): { node: Node; next: number } {
    if (depth > MAX_DEPTH) giveUp();
    const line = this.lineOf(i);
    const c = this.text[pos];
    const col = pos - line.start;
    if (col <= parentIndent) giveUp();
    if (c === '-' && this.isSpaceOrEnd(pos + 1, line.end)) return this.blockSeq(i, col, depth);
    if (this.keyEnd(pos, line.end) !== -1) return this.blockMap(i, col, depth);
    return this.inlineWholeLine(i, pos, parentIndent, depth);
  }

  private isSpaceOrEnd(p: number, end: number): boolean {
    return p >= end || this.text[p] === ' ';
  }

  /** A value that fills the rest of its line (a scalar or a flow collection), followed by nothing more indented. */
  private inlineWholeLine(i: number, pos: number, parentIndent: number, depth: number): { node: Node; next: number } {
    const line = this.lineOf(i);
    const node = this.inlineValue(pos, line.end, depth);
    const next = this.nextContent(i + 1);
    // A more indented line after it continues a plain scalar (or is an error): not ours.
    if (next !== -1 && this.lines[next].indent > parentIndent) giveUp();
    return { node, next: i + 1 };
  }

  /**
   * Where the key of a mapping entry starting at `pos` ends (the index of its colon), or -1 when the
   * line does not start a mapping entry.
   */
  private keyEnd(pos: number, end: number): number {
    const t = this.text;
    const c = t[pos];
    if (c === '"' || c === "'") {
      const close = this.quotedEnd(pos, end);
      if (close === -1) return -1;
      let p = close;
      while (p < end && t[p] === ' ') p++;
      return t[p] === ':' && this.isSpaceOrEnd(p + 1, end) ? p : -1;
    }
    if (INDICATOR.has(c) || c === '?' || c === ':' || (c === '-' && this.isSpaceOrEnd(pos + 1, end))) return -1;
    for (let p = pos; p < end; p++) {
      const ch = t[p];
      if (ch === ':' && this.isSpaceOrEnd(p + 1, end)) return p;
      if (ch === '#' && t[p - 1] === ' ') return -1;
    }
    return -1;
  }

  /** Index after the closing quote of a one-line quoted scalar starting at `pos`, or -1. */
  private quotedEnd(pos: number, end: number): number {
    const t = this.text;
    const q = t[pos];
    for (let p = pos + 1; p < end; p++) {
      if (q === "'" && t[p] === "'") {
        if (t[p + 1] === "'") {
          p++;
          continue;
        }
        return p + 1;
      }
      if (q === '"') {
        if (t[p] === '\\') {
          p++;
          continue;
        }
        if (t[p] === '"') return p + 1;
      }
    }
    return -1;
  }

  private blockMap(i: number, col: number, depth: number): { node: Node; next: number } {
    const obj: Record<string, unknown> = {};
    const entries = new Map<string, EntryLoc>();
    const loc: ContainerLoc = { start: this.lineOf(i).start + col, end: 0, entries };
    this.locs.set(obj, loc);
    let line = i;
    let last: Node | undefined;
    let afterLast = i + 1;
    for (;;) {
      // The first entry may start mid-line (`- name: web`); the others start at the collection's column.
      const l = this.lineOf(line);
      const pos = l.start + col;
      const colon = this.keyEnd(pos, l.end);
      if (colon === -1) giveUp();
      const keyNode = this.key(pos, colon);
      const key = keyNode.value as string;
      if (key === '<<') giveUp();
      this.path.push(key);
      if (entries.has(key)) {
        this.problems.push({
          ruleId: 'duplicate-key',
          message: `Duplicate key "${key}": AWS keeps only one of the values silently.`,
          span: { start: keyNode.start, end: keyNode.end },
          path: [...this.path],
        });
      }
      const { node, next } = this.entryValue(line, colon + 1, col, depth + 1);
      this.path.pop();
      entries.set(key, { keyStart: keyNode.start, keyEnd: keyNode.end, start: node.start, end: node.end });
      setMember(obj, key, node.value);
      last = node;
      afterLast = next;
      const n = this.nextItemLine(next, col);
      if (n === -1) break;
      const p = this.lines[n].start + col;
      if (this.text[p] === '-' && this.isSpaceOrEnd(p + 1, this.lines[n].end)) break; // a sequence of the parent
      line = n;
    }
    loc.end = last!.nodeEnd;
    return { node: { value: obj, start: loc.start, end: loc.end, nodeEnd: loc.end }, next: afterLast };
  }

  private key(pos: number, colon: number): Node {
    const t = this.text;
    if (t[pos] === '"' || t[pos] === "'") {
      const end = this.quotedEnd(pos, colon + 1);
      return { value: this.quoted(pos, end), start: pos, end, nodeEnd: end };
    }
    let end = colon;
    while (end > pos && t[end - 1] === ' ') end--;
    if (end - pos > 1000) giveUp(); // YAML limits implicit keys to 1024 characters
    const raw = t.slice(pos, end);
    const v = resolvePlain(raw);
    return { value: v === null ? '' : String(v), start: pos, end, nodeEnd: end };
  }

  /** The value after a mapping key's colon at `after` on line `i`, in a mapping at column `col`. */
  private entryValue(i: number, after: number, col: number, depth: number): { node: Node; next: number } {
    const line = this.lineOf(i);
    let p = after;
    while (p < line.end && this.text[p] === ' ') p++;
    return this.valueAt(i, p, p, col, depth, false);
  }

  /**
   * A value starting at `p` on line `i` (after a key's colon or a sequence dash); `parentCol` is the
   * column of the mapping or sequence it belongs to. `emptyAt` is where an empty value is placed.
   */
  private valueAt(i: number, p: number, emptyAt: number, parentCol: number, depth: number, inSequence = false): { node: Node; next: number } {
    const line = this.lineOf(i);
    const t = this.text;
    if (depth > MAX_DEPTH) giveUp();
    if (p >= line.end || t[p] === '#') return this.nestedBlock(i, emptyAt, parentCol, depth, undefined);
    const c = t[p];
    if (c === '&' || c === '*') giveUp();
    if (c === '!') {
      let q = p + 1;
      while (q < line.end && t[q] !== ' ') q++;
      const name = t.slice(p + 1, q);
      if (!SHORT_FORM.has(name)) giveUp();
      const tag = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
      while (q < line.end && t[q] === ' ') q++;
      if (t[q] === '!') giveUp(); // two tags on one node
      const inner = q >= line.end || t[q] === '#' ? this.nestedBlock(i, -1, parentCol, depth, tag) : this.valueAt(i, q, q, parentCol, depth + 1, false); // a tag before a key: the general parser's
      const v = inner.node.value;
      // A tagged scalar keeps its text, as the general parser leaves the value of a tag it does not resolve.
      if (v === null || typeof v !== 'object') inner.node.value = this.tagScalarText(inner.node);
      return { node: this.wrapTag(tag, inner.node), next: inner.next };
    }
    if (c === '|' || c === '>') return this.blockScalar(i, p, parentCol);
    if (c === '-' && this.isSpaceOrEnd(p + 1, line.end)) {
      // `- - x` or `key: - x`: rare enough to leave to the general parser.
      giveUp();
    }
    const col = p - line.start;
    if (this.keyEnd(p, line.end) !== -1) {
      // A compact mapping in a sequence item: `- name: web`.
      if (inSequence) return this.blockMap(i, col, depth);
      giveUp();
    }
    const node = this.inlineValue(p, line.end, depth);
    const next = this.nextContent(i + 1);
    // A more indented line after an inline value continues a plain scalar (or is an error): not ours.
    if (next !== -1 && this.lines[next].indent > parentCol) giveUp();
    return { node, next: i + 1 };
  }

  private tagScalarText(node: Node): string {
    const t = this.text;
    const c = t[node.start];
    if (c === '"' || c === "'") return this.quoted(node.start, node.end);
    return t.slice(node.start, node.end);
  }

  /** `!Ref X` -> { Ref: "X" }, placed where the tagged value is. */
  private wrapTag(tag: string, inner: Node): Node {
    const wrapper: Record<string, unknown> = {};
    setMember(wrapper, tag, inner.value);
    const entries = new Map<string, EntryLoc>([[tag, { keyStart: inner.start, keyEnd: inner.start, start: inner.start, end: inner.end }]]);
    this.locs.set(wrapper, { start: inner.start, end: inner.end, entries });
    return { value: wrapper, start: inner.start, end: inner.end, nodeEnd: inner.nodeEnd };
  }

  /** The value on the lines after a key or dash with nothing after it: a nested block, or null. */
  private nestedBlock(i: number, emptyAt: number, parentCol: number, depth: number, tag: string | undefined): { node: Node; next: number } {
    const next = this.nextContent(i + 1);
    if (next !== -1) {
      const l = this.lines[next];
      const pos = l.start + l.indent;
      const isDash = this.text[pos] === '-' && this.isSpaceOrEnd(pos + 1, l.end);
      if (l.indent > parentCol || (l.indent === parentCol && isDash && this.isMapValue(i, parentCol))) {
        if (l.indent === parentCol) return this.blockSeq(next, l.indent, depth + 1);
        return this.blockNode(next, pos, parentCol, depth + 1);
      }
    }
    if (tag !== undefined || emptyAt === -1) giveUp();
    // Comment lines after an empty value count in its range, by the general parser's own rules.
    for (let j = i + 1; j < (next === -1 ? this.lines.length : next); j++) if (this.lines[j].blank && this.lines[j].start + this.lines[j].indent < this.lines[j].end) giveUp();
    // An empty value with a comment after it reaches to the next item, by the general parser's rules.
    if (this.text[emptyAt] === '#') giveUp();
    return { node: { value: null, start: emptyAt, end: emptyAt, nodeEnd: emptyAt }, next: i + 1 };
  }

  /** Whether line `i` holds a mapping entry at `col` (so that a sequence at the same column is its value). */
  private isMapValue(i: number, col: number): boolean {
    const l = this.lines[i];
    const pos = l.start + col;
    return this.text[pos] !== '-' && this.keyEnd(pos, l.end) !== -1;
  }

  private blockSeq(i: number, col: number, depth: number): { node: Node; next: number } {
    const arr: unknown[] = [];
    const entries = new Map<string, EntryLoc>();
    const loc: ContainerLoc = { start: this.lineOf(i).start + col, end: 0, entries };
    this.locs.set(arr, loc);
    let line = i;
    let last: Node | undefined;
    let afterLast = i + 1;
    for (;;) {
      const l = this.lineOf(line);
      const dash = l.start + col;
      if (this.text[dash] !== '-' || !this.isSpaceOrEnd(dash + 1, l.end)) break; // the parent mapping goes on
      let p = dash + 1;
      while (p < l.end && this.text[p] === ' ') p++;
      const index = String(arr.length);
      this.path.push(index);
      const { node, next } = p >= l.end || this.text[p] === '#' ? this.nestedBlock(line, -1, col, depth + 1, undefined) : this.valueAt(line, p, p, col, depth + 1, true);
      this.path.pop();
      entries.set(index, { keyStart: node.start, keyEnd: node.start, start: node.start, end: node.end });
      arr.push(node.value);
      last = node;
      afterLast = next;
      const n = this.nextItemLine(next, col);
      if (n === -1) break;
      line = n;
    }
    loc.end = last!.nodeEnd;
    return { node: { value: arr, start: loc.start, end: loc.end, nodeEnd: loc.end }, next: afterLast };
  }

  /** A scalar or a one-line flow collection from `p`, with only a comment after it on the line. */
  private inlineValue(p: number, lineEnd: number, depth: number): Node {
    const t = this.text;
    const c = t[p];
    let node: Node;
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(p, lineEnd, depth + 1);
      node = { value, start: p, end, nodeEnd: end };
    } else if (c === '"' || c === "'") {
      const end = this.quotedEnd(p, lineEnd);
      if (end === -1) giveUp();
      node = { value: this.quoted(p, end), start: p, end, nodeEnd: end };
    } else {
      if (INDICATOR.has(c) || ((c === '?' || c === ':' || c === '-') && this.isSpaceOrEnd(p + 1, lineEnd))) giveUp();
      let end = p;
      for (let q = p; q < lineEnd; q++) {
        const ch = t[q];
        if (ch === '#' && t[q - 1] === ' ') break;
        if (ch === ':' && this.isSpaceOrEnd(q + 1, lineEnd)) giveUp();
        if (ch !== ' ') end = q + 1;
      }
      node = { value: resolvePlain(t.slice(p, end)), start: p, end, nodeEnd: end };
    }
    // Only a comment may follow on the line.
    let q = node.end;
    while (q < lineEnd && t[q] === ' ') q++;
    if (q < lineEnd && t[q] !== '#') giveUp();
    if (q < lineEnd && q === node.end) giveUp(); // `value#comment` is not a comment
    node.nodeEnd = lineEnd < t.length ? lineEnd + 1 : lineEnd;
    return node;
  }

  /** The text of a one-line quoted scalar from `start` to `end` (after its closing quote). */
  private quoted(start: number, end: number): string {
    const t = this.text;
    const body = t.slice(start + 1, end - 1);
    if (t[start] === "'") return body.replace(/''/g, "'");
    if (!body.includes('\\')) return body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = body[++i];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case ' ': out += ' '; break;
        case '0': out += '\0'; break;
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case 'N': out += '\u0085'; break;
        case '_': out += '\u00a0'; break;
        case 'L': out += '\u2028'; break;
        case 'P': out += '\u2029'; break;
        case 'x':
        case 'u':
        case 'U': {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = body.slice(i + 1, i + 1 + n);
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) giveUp();
          out += String.fromCodePoint(parseInt(hex, 16));
          i += n;
          break;
        }
        default:
          giveUp();
      }
    }
    return out;
  }

  /** A flow collection that opens at `p` and closes on the same line. */
  private flow(p: number, lineEnd: number, depth: number): { value: unknown; end: number } {
    if (depth > MAX_DEPTH) giveUp();
    const t = this.text;
    const close = t[p] === '[' ? ']' : '}';
    const isMap = close === '}';
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    const entries = new Map<string, EntryLoc>();
    const loc: ContainerLoc = { start: p, end: 0, entries };
    this.locs.set(isMap ? obj : arr, loc);
    let q = p + 1;
    const skip = () => {
      while (q < lineEnd && t[q] === ' ') q++;
    };
    for (;;) {
      skip();
      if (q >= lineEnd) giveUp();
      if (t[q] === close) {
        q++;
        break;
      }
      if (isMap) {
        const keyStart = q;
        let keyEnd: number;
        let key: string;
        if (t[q] === '"' || t[q] === "'") {
          keyEnd = this.quotedEnd(q, lineEnd);
          if (keyEnd === -1) giveUp();
          key = this.quoted(q, keyEnd);
          q = keyEnd;
        } else {
          const item = this.flowPlain(q, lineEnd, true);
          keyEnd = item.end;
          const v = resolvePlain(t.slice(q, keyEnd));
          key = v === null ? '' : String(v);
          q = item.stop;
        }
        skip();
        if (t[q] !== ':') giveUp();
        q++;
        skip();
        this.path.push(key);
        if (entries.has(key)) {
          this.problems.push({ ruleId: 'duplicate-key', message: `Duplicate key "${key}": AWS keeps only one of the values silently.`, span: { start: keyStart, end: keyEnd }, path: [...this.path] });
        }
        const item = this.flowItem(q, lineEnd, close, depth);
        this.path.pop();
        entries.set(key, { keyStart, keyEnd, start: item.node.start, end: item.node.end });
        setMember(obj, key, item.node.value);
        q = item.stop;
      } else {
        const index = String(arr.length);
        this.path.push(index);
        const item = this.flowItem(q, lineEnd, close, depth);
        this.path.pop();
        entries.set(index, { keyStart: item.node.start, keyEnd: item.node.start, start: item.node.start, end: item.node.end });
        arr.push(item.node.value);
        q = item.stop;
      }
      skip();
      if (t[q] === ',') {
        q++;
        continue;
      }
      if (t[q] === close) {
        q++;
        break;
      }
      giveUp();
    }
    loc.end = q;
    return { value: isMap ? obj : arr, end: q };
  }

  private flowItem(q: number, lineEnd: number, close: string, depth: number): { node: Node; stop: number } {
    const t = this.text;
    const c = t[q];
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(q, lineEnd, depth + 1);
      return { node: { value, start: q, end, nodeEnd: end }, stop: end };
    }
    if (c === '"' || c === "'") {
      const end = this.quotedEnd(q, lineEnd);
      if (end === -1) giveUp();
      return { node: { value: this.quoted(q, end), start: q, end, nodeEnd: end }, stop: end };
    }
    if (c === '!') {
      let r = q + 1;
      while (r < lineEnd && t[r] !== ' ' && t[r] !== ',' && t[r] !== close) r++;
      const name = t.slice(q + 1, r);
      if (!SHORT_FORM.has(name) || t[r] !== ' ') giveUp();
      while (r < lineEnd && t[r] === ' ') r++;
      if (t[r] === '!') giveUp(); // two tags on one node
      const inner = this.flowItem(r, lineEnd, close, depth + 1);
      const v = inner.node.value;
      if (v === null || typeof v !== 'object') inner.node.value = this.tagScalarText(inner.node);
      const tag = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
      return { node: this.wrapTag(tag, inner.node), stop: inner.stop };
    }
    if (c === '&' || c === '*' || c === ',' || c === close) giveUp();
    const item = this.flowPlain(q, lineEnd, false);
    return { node: { value: resolvePlain(t.slice(q, item.end)), start: q, end: item.end, nodeEnd: item.end }, stop: item.stop };
  }

  /** A plain scalar in a flow collection: it ends at `,`, `]`, `}` or (for a key) `: `. */
  private flowPlain(q: number, lineEnd: number, isKey: boolean): { end: number; stop: number } {
    const t = this.text;
    if (INDICATOR.has(t[q]) || ((t[q] === '?' || t[q] === ':' || t[q] === '-') && this.isSpaceOrEnd(q + 1, lineEnd))) giveUp();
    let end = q;
    let r = q;
    for (; r < lineEnd; r++) {
      const ch = t[r];
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
      if (ch === '#' && t[r - 1] === ' ') giveUp();
      if (ch === ':') {
        const n = t[r + 1];
        if (n === ' ' || n === ',' || n === ']' || n === '}' || r + 1 >= lineEnd) {
          if (!isKey) giveUp(); // an implicit pair in a sequence: `[a: 1]`
          break;
        }
        if (isKey) giveUp(); // `{a:1}` reads differently in YAML and JSON: leave it
      }
      if (ch !== ' ') end = r + 1;
    }
    if (end === q) giveUp();
    return { end, stop: r };
  }

  /** A literal (|) or folded (>) block scalar whose header is at `p` on line `i`. */
  private blockScalar(i: number, p: number, parentCol: number): { node: Node; next: number } {
    const t = this.text;
    const line = this.lineOf(i);
    const header = /^([|>])([-+]?)\s*(#.*)?$/.exec(t.slice(p, line.end));
    if (!header) giveUp();
    const [, style, chomp] = header;
    let contentIndent = -1;
    let last = i;
    const body: Array<string | null> = [];
    for (let j = i + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      const empty = l.start + l.indent === l.end;
      if (empty) {
        body.push(null);
        continue;
      }
      if (contentIndent === -1) {
        if (l.indent <= parentCol) break;
        contentIndent = l.indent;
      }
      if (l.indent < contentIndent) break;
      body.push(t.slice(l.start + contentIndent, l.end));
      last = j;
    }
    // Blank lines after the content (but the file's final empty line), or with extra spaces, have rules of their own.
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === null) {
      body.pop();
      trailing++;
    }
    if (contentIndent === -1 || body[0] === null) giveUp();
    if (trailing > 1 || (trailing === 1 && last + 1 !== this.lines.length - 1)) giveUp();
    for (let j = i + 1; j <= last; j++) if (this.lines[j].start + this.lines[j].indent === this.lines[j].end && this.lines[j].indent > contentIndent) giveUp();
    let value: string;
    if (style === '|') {
      value = body.map((b) => b ?? '').join('\n');
    } else {
      if (body.some((b) => b !== null && b.startsWith(' '))) giveUp();
      value = '';
      let pendingBreaks = 0;
      for (const b of body) {
        if (b === null) {
          pendingBreaks++;
          continue;
        }
        value += value === '' ? b : pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) + b : ' ' + b;
        pendingBreaks = 0;
      }
    }
    const lastLine = this.lines[last];
    const end = lastLine.end < t.length ? lastLine.end + 1 : lastLine.end;
    if (chomp === '+') giveUp();
    if (chomp === '' && lastLine.end < t.length) value += '\n';
    return { node: { value, start: p, end, nodeEnd: end }, next: last + 1 };
  }
}

/** YAML 1.2 core schema resolution of an untagged plain scalar, as the general parser does it. */
export function resolvePlain(raw: string): unknown {
  if (raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return null;
  const c = raw.charCodeAt(0);
  // Only a digit, sign, dot or one of the words below can start a non-string.
  if (!(c <= 0x39 || c === 0x2e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) return raw;
  if (raw === 'true' || raw === 'True' || raw === 'TRUE') return true;
  if (raw === 'false' || raw === 'False' || raw === 'FALSE') return false;
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return NaN;
  return raw;
}
