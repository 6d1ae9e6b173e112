import { Document, isAlias, isMap, isScalar, isSeq, Node, parseAllDocuments, Scalar } from 'yaml';
import type { ContainerLoc, EntryLoc, LoadProblem, ParsedDocument } from '../model/document';
import { setMember } from '../model/object';
import { MAX_DEPTH, SyntaxProblem } from './parsed';
import { withEnvSnapshot } from './yaml-env';

/** A document that failed to parse, with where it failed. */
export interface BrokenDocument {
  error: SyntaxProblem;
}

/** Aliases may repeat a subtree; past this many produced nodes the document is refused ("billion laughs"). */
const MAX_NODES = 200_000;

/**
 * Parse every YAML document in the text. CloudFormation short-form tags become the long form
 * (`!Ref X` -> `{Ref: X}`, `!GetAtt a.b` -> `{"Fn::GetAtt": "a.b"}`), so later stages see one form.
 */
export interface YamlParse {
  documents: Array<ParsedDocument | BrokenDocument>;
  /** The text the offsets refer to: the input, or the input with quoted continuation lines indented. */
  text: string;
}

/** Parse every YAML 1.2 construct with the yaml library. */
export function parseYaml(text: string): YamlParse {
  let list: Document.Parsed[];
  try {
    list = parseAll(text);
  } catch (err) {
    if (err instanceof SyntaxProblem) return { documents: [{ error: err }], text };
    throw err;
  }
  // PyYAML, and so CloudFormation, accept a quoted scalar whose continuation lines sit at the
  // parent's indentation; YAML 1.2 does not. Indent such lines (same line count) and try again.
  for (let attempt = 0; attempt < 20; attempt++) {
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
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      out.push({ error: new SyntaxProblem(cleanMessage(e.message), e.pos[0]) });
      continue;
    }
    if (doc.contents === null && list.length > 1) continue; // an empty document between separators
    try {
      out.push(new YamlWalker(doc).run());
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
    const docs = withEnvSnapshot(() => parseAllDocuments(text, { uniqueKeys: false, version: '1.2', prettyErrors: false, strict: false }));
    return Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  } catch (err) {
    // The YAML library recurses per nesting level; absurdly deep input exhausts the stack.
    if (err instanceof RangeError) throw new SyntaxProblem('The document is nested too deeply to read.', 0);
    throw err;
  }
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
  const m = /^(\s*)(?:- )?[^'"#]*:\s+(['"])/.exec(line);
  if (!m) return undefined;
  const quote = m[2];
  const indent = ' '.repeat(m[1].length + 2);
  const lines = text.slice(lineEnd + 1).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^\s*$/.test(l)) continue;
    if (!l.startsWith(indent)) lines[i] = indent + l.replace(/^\s*/, '');
    if (l.includes(quote)) return text.slice(0, lineEnd + 1) + lines.join('\n');
  }
  return undefined;
}

function cleanMessage(message: string): string {
  // The yaml library appends a code frame after the first line; the finding carries the position instead.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

class YamlWalker {
  private readonly locs = new WeakMap<object, ContainerLoc>();
  private readonly problems: LoadProblem[] = [];
  private readonly path: string[] = [];
  private produced = 0;

  constructor(private readonly doc: Document.Parsed) {}

  run(): ParsedDocument {
    const root = this.doc.contents as Node | null;
    const value = root ? this.convert(root, 0) : null;
    const range = root?.range ?? this.doc.range;
    return { value, locs: this.locs, span: { start: range[0], end: range[1] }, problems: this.problems };
  }

  private convert(node: Node, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new SyntaxProblem(`Nesting deeper than ${MAX_DEPTH} levels.`, node.range?.[0] ?? 0);
    if (++this.produced > MAX_NODES) {
      throw new SyntaxProblem(`The document expands to more than ${MAX_NODES} nodes (YAML aliases repeated too often).`, node.range?.[0] ?? 0);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new SyntaxProblem(`Unknown alias "*${node.source}".`, node.range?.[0] ?? 0);
      return this.convert(target, depth + 1);
    }
    const tag = shortFormTag(node.tag);
    const plain = this.convertPlain(node, depth);
    if (tag === undefined) return plain;
    // `!Ref Mode` -> { Ref: "Mode" }, located where the tagged node is.
    const range = node.range!;
    const wrapper: Record<string, unknown> = {};
    setMember(wrapper, tag, plain);
    const entries = new Map<string, EntryLoc>([[tag, { keyStart: range[0], keyEnd: range[0], start: range[0], end: range[1] }]]);
    this.locs.set(wrapper, { start: range[0], end: range[1], entries });
    return wrapper;
  }

  private convertPlain(node: Node, depth: number): unknown {
    const range = node.range!;
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const entries = new Map<string, EntryLoc>();
      this.locs.set(arr, { start: range[0], end: range[1], entries });
      for (const item of node.items as Node[]) {
        const index = String(arr.length);
        this.path.push(index);
        if (item === null || item === undefined) {
          arr.push(null);
        } else {
          const r = item.range!;
          entries.set(index, { keyStart: r[0], keyEnd: r[0], start: r[0], end: r[1] });
          arr.push(this.convert(item, depth + 1));
        }
        this.path.pop();
      }
      return arr;
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const entries = new Map<string, MergedEntry>();
      this.locs.set(obj, { start: range[0], end: range[1], entries });
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = keyNode === null ? '' : keyText(keyNode, this.doc);
        const valueNode = pair.value as Node | null;
        const keyStart = keyNode?.range?.[0] ?? range[0];
        const keyEnd = keyNode?.range?.[1] ?? keyStart;
        if (key === '<<' && valueNode && (isAlias(valueNode) || isMap(valueNode) || isSeq(valueNode))) {
          this.merge(obj, entries, valueNode, keyStart, depth);
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
        const value = valueNode ? this.convert(valueNode, depth + 1) : null;
        this.path.pop();
        const end = valueNode?.range?.[1] ?? keyEnd;
        entries.set(key, { keyStart, keyEnd, start: valueNode?.range?.[0] ?? keyEnd, end });
        setMember(obj, key, value);
      }
      return obj;
    }
    return null;
  }

  /** YAML merge keys (`<<: *base`): members of the merged maps that the map does not set itself. */
  private merge(obj: Record<string, unknown>, entries: Map<string, MergedEntry>, source: Node, keyStart: number, depth: number): void {
    const sources = isSeq(source) ? (source.items as Node[]) : [source];
    for (const s of sources) {
      const merged = this.convert(s, depth + 1);
      if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
        throw new SyntaxProblem('A merge key (<<) must refer to a mapping.', s.range?.[0] ?? keyStart);
      }
      for (const [k, v] of Object.entries(merged)) {
        if (entries.has(k)) continue;
        const r = s.range!;
        entries.set(k, { keyStart, keyEnd: keyStart + 2, start: r[0], end: r[1], merged: true });
        setMember(obj, k, v);
      }
    }
  }
}

interface MergedEntry extends EntryLoc {
  merged?: boolean;
}

function keyText(node: Node, doc: Document.Parsed): string {
  if (isScalar(node)) {
    const v = node.value;
    return v === null ? '' : String(v);
  }
  return String(node.toJSON?.(doc) ?? '');
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
