import { Alias, CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Node, Pair, parseAllDocuments, Scalar } from 'yaml';
import { ArrayEntryLocs, type ContainerLoc, type EntryLoc, type LoadProblem, type ParsedDocument } from '../model/document';
import { setMember } from '../model/object';
import { MAX_DEPTH, MAX_NODES, SyntaxProblem } from './parsed';

/** A document that failed to parse, with where it failed. */
export interface BrokenDocument {
  error: SyntaxProblem;
}

/**
 * The yaml library spends about 20 µs and 2 KB on each node, and a few µs on every other token
 * (a blank line, a comment), so a large file is counted before it is parsed. A CloudFormation
 * template at its 1 MB maximum holds about 60,000 nodes and 250,000 tokens.
 */
const MAX_TOKENS = 1_000_000;

/**
 * Files up to the size of the largest task definition AWS takes are parsed without counting first:
 * they cannot hold more than about 32,000 nodes (each takes at least two characters).
 */
const COUNT_FROM = 64 * 1024;

/**
 * Re-parsing a file to repair quoted continuation lines costs a whole parse per repair: at most
 * 20 repairs, and no more re-parsed text in all than this.
 */
const REPAIR_BUDGET = 2 * 1024 * 1024;

/**
 * Parse every YAML document in the text. CloudFormation short-form tags become the long form
 * (`!Ref X` -> `{Ref: X}`, `!GetAtt a.b` -> `{"Fn::GetAtt": "a.b"}`), so later stages see one form.
 */
export interface YamlParse {
  documents: Array<ParsedDocument | BrokenDocument>;
  /**
   * The text the offsets refer to: the input with lone "\r" line ends made "\n" (same length), and
   * quoted continuation lines indented when that was needed.
   */
  text: string;
}

/** Parse every YAML 1.2 construct with the yaml library. */
export function parseYaml(input: string): YamlParse {
  // YAML counts a lone "\r" as a line end, as PyYAML (and so CloudFormation) does; the yaml library
  // does not. Replacing it keeps every offset.
  let text = input.indexOf('\r') === -1 ? input : input.replace(/\r(?!\n)/g, '\n');
  const tooBig = text.length > COUNT_FROM ? overBudget(text) : undefined;
  if (tooBig) return { documents: [{ error: tooBig }], text };
  let list: Document.Parsed[];
  try {
    list = parseAll(text);
  } catch (err) {
    if (err instanceof SyntaxProblem) return { documents: [{ error: err }], text };
    throw err;
  }
  // PyYAML, and so CloudFormation, accept a quoted scalar whose continuation lines sit at the
  // parent's indentation; YAML 1.2 does not. Indent such lines (same line count) and try again.
  for (let attempt = 0; attempt < 20 && (attempt + 1) * text.length <= REPAIR_BUDGET; attempt++) {
    const failed = list.find((d) => d.errors.length > 0 && d.errors[0].code === 'MISSING_CHAR' && /quote/.test(d.errors[0].message));
    if (!failed) break;
    const repaired = indentQuotedContinuation(text, failed.errors[0].pos[0]);
    if (repaired === undefined) break;
    let again: Document.Parsed[];
    try {
      again = parseAll(repaired);
    } catch {
      break;
    }
    if (again.some((d) => d.errors.length > 0 && d.errors[0].pos[0] === failed.errors[0].pos[0])) break;
    text = repaired;
    list = again;
  }
  const out: Array<ParsedDocument | BrokenDocument> = [];
  const budget = { produced: 0 };
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      out.push({ error: new SyntaxProblem(cleanMessage(e.message), e.pos[0]) });
      continue;
    }
    if (doc.contents === null && list.length > 1) continue; // an empty document between separators
    try {
      out.push(new YamlWalker(doc, text, budget).run());
    } catch (err) {
      if (err instanceof SyntaxProblem) out.push({ error: err });
      else if (err instanceof RangeError) out.push({ error: new SyntaxProblem('The document is nested too deeply to read.', 0) });
      else throw err;
    }
  }
  return { documents: out, text };
}

function parseAll(text: string): Document.Parsed[] {
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false, version: '1.2', prettyErrors: false, strict: false });
    return Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  } catch (err) {
    // The YAML library recurses per nesting level; absurdly deep input exhausts the stack.
    if (err instanceof RangeError) throw new SyntaxProblem('The document is nested too deeply to read.', 0);
    throw err;
  }
}

/** Tokens that make a node of the yaml library: scalars, collections, aliases, and the indicators that imply one. */
const NODE_TOKENS = new Set(['single-quoted-scalar', 'double-quoted-scalar', 'flow-seq-start', 'flow-map-start', 'alias', 'seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * Count the file's tokens with the yaml library's own lexer (linear, and memory for one token at a
 * time), stopping as soon as a budget is exceeded. Returns the problem, or undefined within budget.
 */
function overBudget(text: string): SyntaxProblem | undefined {
  let tokens = 0;
  let nodes = 0;
  let offset = 0;
  let scalarSource = false;
  for (const token of new Lexer().lex(text)) {
    // The lexer adds a few one-character markers that are not in the text.
    if (token !== CST.DOCUMENT && token !== CST.SCALAR && token !== CST.FLOW_END) offset += token.length;
    tokens++;
    if (scalarSource) {
      scalarSource = false; // the text of a scalar, whatever it looks like
    } else if (token === CST.SCALAR) {
      nodes++;
      scalarSource = true;
    } else if (NODE_TOKENS.has(CST.tokenType(token) ?? '')) {
      nodes++;
    }
    if (nodes > MAX_NODES) {
      return new SyntaxProblem(
        `The file holds more than ${MAX_NODES.toLocaleString('en-US')} YAML nodes (keys, values and list items), far more than any ECS input; it is not read.`,
        Math.min(offset, text.length),
        true,
      );
    }
    if (tokens > MAX_TOKENS) {
      return new SyntaxProblem(
        `The file holds more than ${MAX_TOKENS.toLocaleString('en-US')} YAML tokens (lines, comments, indicators and values), far more than any ECS input; it is not read.`,
        Math.min(offset, text.length),
        true,
      );
    }
  }
  return undefined;
}

/**
 * For an unclosed quoted scalar on the line holding `offset`, indent the following lines up to the
 * closing quote by two spaces more than the line that opens it. Returns undefined when that is not the case.
 */
function indentQuotedContinuation(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) return undefined;
  const line = text.slice(lineStart, lineEnd);
  // The indentation is measured by hand: a regular expression starting `^(\s*)…` before a class
  // that also takes spaces would backtrack quadratically on a long line of spaces.
  let depth = 0;
  while (depth < line.length && (line[depth] === ' ' || line[depth] === '\t')) depth++;
  const m = /^(?:- )?[^'"#]*:\s+(['"])/.exec(line.slice(depth));
  if (!m) return undefined;
  const quote = m[1];
  const indent = ' '.repeat(depth + 2);
  const lines = text.slice(lineEnd + 1).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '') continue;
    if (!l.startsWith(indent)) lines[i] = indent + l.trimStart();
    if (l.includes(quote)) return text.slice(0, lineEnd + 1) + lines.join('\n');
  }
  return undefined;
}

function cleanMessage(message: string): string {
  // The yaml library appends a code frame after the first line; the finding carries the position instead.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

type Range = [number, number, number];

class YamlWalker {
  /** Where the members of the value just converted sit (undefined for a scalar or an empty container). */
  private lastLoc: ContainerLoc | undefined;
  private readonly problems: LoadProblem[] = [];
  private readonly path: string[] = [];
  private aliasTargets: Map<Alias, Node> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    /** Values produced for the whole file: aliases may repeat a subtree ("billion laughs"). */
    private readonly budget: { produced: number },
  ) {}

  run(): ParsedDocument {
    const root = this.doc.contents as Node | null;
    const range = root?.range ?? this.doc.range;
    const value = root ? this.convert(root, 0, range) : null;
    return { value, loc: root ? this.lastLoc : undefined, span: { start: range[0], end: range[1] }, problems: this.problems };
  }

  /** Where the alias points: the last node before it that carries its anchor (as YAML defines it), found in one pass per document. */
  private resolve(alias: Alias): Node | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, Node>();
      const latest = new Map<string, Node>();
      // Document order, iteratively: a deep document must not exhaust the stack here.
      const stack: unknown[] = [this.doc.contents];
      while (stack.length > 0) {
        const item = stack.pop();
        if (isPair(item)) {
          stack.push(item.value, item.key);
        } else if (isAlias(item)) {
          const target = latest.get(item.source);
          if (target) targets.set(item, target);
        } else if (isScalar(item) || isMap(item) || isSeq(item)) {
          if (item.anchor) latest.set(item.anchor, item);
          if (!isScalar(item)) for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
        }
      }
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  private convert(node: Node, depth: number, around: Range): unknown {
    const range = node.range ?? around;
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, range[0]);
    if (++this.budget.produced > MAX_NODES) {
      throw new SyntaxProblem(`The file expands to more than ${MAX_NODES.toLocaleString('en-US')} values (YAML aliases repeated too often, or a file far larger than any ECS input).`, range[0], true);
    }
    if (isAlias(node)) {
      const target = this.resolve(node);
      if (!target) throw new SyntaxProblem(`Unknown alias "*${node.source}".`, range[0]);
      return this.convert(target, depth + 1, range);
    }
    const tag = shortFormTag(node.tag);
    const plain = this.convertPlain(node, depth, range);
    if (tag === undefined) return plain;
    // `!Ref Mode` -> { Ref: "Mode" }, located where the tagged node is.
    const wrapper: Record<string, unknown> = {};
    setMember(wrapper, tag, plain);
    const inner = this.lastLoc;
    const entry: EntryLoc = { keyStart: range[0], keyEnd: range[0], start: range[0], end: range[1] };
    if (inner) entry.loc = inner;
    this.lastLoc = new Map([[tag, entry]]);
    return wrapper;
  }

  private convertPlain(node: Node, depth: number, range: Range): unknown {
    this.lastLoc = undefined;
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const entries = new ArrayEntryLocs();
      for (const item of node.items as unknown[]) {
        this.path.push(String(arr.length));
        if (isPair(item)) {
          // An item of `!!omap` or `!!pairs` is one key and its value, written `- key: value`.
          const r = this.pairRange(item, range);
          arr.push(this.convertPairs([item], depth + 1, r));
          entries.add(r[0], r[1], this.lastLoc);
        } else if (item === null || item === undefined) {
          arr.push(null);
          entries.add(range[0], range[0], undefined);
        } else {
          const r = (item as Node).range ?? range;
          arr.push(this.convert(item as Node, depth + 1, r));
          entries.add(r[0], r[1], this.lastLoc);
        }
        this.path.pop();
      }
      this.lastLoc = arr.length > 0 ? entries : undefined;
      return arr;
    }
    if (isMap(node)) return this.convertPairs(node.items, depth, range);
    return null;
  }

  /** A mapping (or one `!!omap` item) from its pairs. */
  private convertPairs(pairs: readonly Pair[], depth: number, range: Range): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, range[0]);
    const obj: Record<string, unknown> = {};
    const entries = new Map<string, MergedEntry>();
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null;
      const key = keyNode === null ? '' : this.keyText(keyNode);
      const valueNode = pair.value as Node | null;
      const keyStart = keyNode?.range?.[0] ?? range[0];
      const keyEnd = keyNode?.range?.[1] ?? keyStart;
      if (key === '<<' && valueNode && (isAlias(valueNode) || isMap(valueNode) || isSeq(valueNode))) {
        this.merge(obj, entries, valueNode, keyStart, depth, range);
        continue;
      }
      this.path.push(key);
      if (entries.has(key) && !entries.get(key)!.merged) {
        this.problems.push({
          code: 'duplicate-key',
          detail: key,
          span: { start: keyStart, end: keyEnd },
          path: [...this.path],
        });
      }
      const valueRange: Range = valueNode?.range ?? [keyEnd, keyEnd, keyEnd];
      const value = valueNode ? this.convert(valueNode, depth + 1, valueRange) : null;
      const loc = valueNode ? this.lastLoc : undefined;
      this.path.pop();
      const entry: MergedEntry = { keyStart, keyEnd, start: valueNode ? valueRange[0] : keyEnd, end: valueNode ? valueRange[1] : keyEnd };
      if (loc) entry.loc = loc;
      entries.set(key, entry);
      setMember(obj, key, value);
    }
    this.lastLoc = entries.size > 0 ? entries : undefined;
    return obj;
  }

  private pairRange(pair: Pair, around: Range): Range {
    const start = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? around[0];
    const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1] ?? start;
    return [start, end, end];
  }

  /** YAML merge keys (`<<: *base`): members of the merged maps that the map does not set itself. */
  private merge(obj: Record<string, unknown>, entries: Map<string, MergedEntry>, source: Node, keyStart: number, depth: number, around: Range): void {
    const sources = isSeq(source) ? (source.items as Node[]) : [source];
    for (const s of sources) {
      const r: Range = s?.range ?? source.range ?? around;
      const merged = s ? this.convert(s, depth + 1, r) : null;
      const mergedLoc = s ? this.lastLoc : undefined;
      if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
        throw new SyntaxProblem('A merge key (<<) must refer to a mapping.', r[0]);
      }
      for (const [k, v] of Object.entries(merged)) {
        if (entries.has(k)) continue;
        const entry: MergedEntry = { keyStart, keyEnd: keyStart + 2, start: r[0], end: r[1], merged: true };
        const loc = mergedLoc?.get(k)?.loc;
        if (loc) entry.loc = loc;
        entries.set(k, entry);
        setMember(obj, k, v);
      }
    }
  }

  /**
   * A key as a member name. JSON (and so AWS) knows only string keys: a scalar key is its value as
   * text, an alias the key it names, and a collection used as a key (`? {a: 1}`, `? [a, b]`) its
   * text as written, so that it is reported as an unknown member like any other.
   */
  private keyText(node: Node): string {
    const target = isAlias(node) ? this.resolve(node) : node;
    if (target && isScalar(target)) {
      const v = target.value;
      if (v === null || v === undefined) return '';
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      if (typeof target.source === 'string') return target.source;
    }
    const r = node.range;
    return r ? this.text.slice(r[0], r[1]).trim() : '';
  }
}

interface MergedEntry extends EntryLoc {
  merged?: boolean;
}

function scalarValue(node: Scalar): unknown {
  const v = node.value;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return node.source;
  if (v instanceof Date) return node.source;
  return v;
}

/** CloudFormation's short-form tags; anything else is left to the YAML schema. */
const SHORT_FORM = new Set([
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'If',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Equals',
  'And',
  'Or',
  'Not',
  'Transform',
  'Length',
  'ToJsonString',
  'ForEach',
]);

function shortFormTag(tag: string | undefined): string | undefined {
  if (!tag || tag[0] !== '!' || tag[1] === '!') return undefined;
  const name = tag.slice(1);
  if (!SHORT_FORM.has(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}
