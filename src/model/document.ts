import type { Span } from './basics';
import type { Path } from './path';

/** Where one member of an object (or one item of an array) sits in the text. */
export interface EntryLoc {
  /** Start of the key; equal to `start` for array items. */
  keyStart: number;
  /** End of the key; equal to `keyStart` for array items. */
  keyEnd: number;
  start: number;
  end: number;
  /** Where the members of the member sit, when it is a non-empty object or array. */
  loc?: ContainerLoc;
}

/** Where the members of an object or array sit, by key (array items by "0", "1", …); a Map serves for an object. */
export interface ContainerLoc {
  get(key: string): EntryLoc | undefined;
}

/** Array items' locations, kept as numbers: a list can hold many items, and an object for each would cost. */
export class ArrayEntryLocs implements ContainerLoc {
  /** Start and end of each item, in pairs. */
  private readonly spans: number[] = [];
  /** The item's own members' locations, by item index (sparse: only items that are non-empty containers). */
  private readonly children: Array<ContainerLoc | undefined> = [];

  add(start: number, end: number, loc: ContainerLoc | undefined): void {
    if (loc) this.children[this.spans.length / 2] = loc;
    this.spans.push(start, end);
  }

  get(key: string): EntryLoc | undefined {
    if (!/^(?:0|[1-9]\d{0,8})$/.test(key)) return undefined;
    const i = Number(key);
    if (2 * i >= this.spans.length) return undefined;
    const start = this.spans[2 * i];
    const loc = this.children[i];
    return { keyStart: start, keyEnd: start, start, end: this.spans[2 * i + 1], ...(loc ? { loc } : {}) };
  }
}

/**
 * A problem with the text that the loader found: a fact about the file, named by a code. The report stage
 * decides its severity and words the finding; loaders know nothing of rules or configuration.
 */
export type LoadProblemCode =
  /** Not JSON, YAML or HCL at all (or not text): nothing in it can be checked. */
  | 'syntax'
  /** A key appears twice in one object. */
  | 'duplicate-key'
  /** A merge-conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`) left in the file. */
  | 'conflict-marker'
  /** The file holds nothing ecslint lints (named on the command line). */
  | 'unrecognised'
  /** The file cannot be read, or is too large to be an ECS input. */
  | 'unreadable'
  /** A limit that keeps one file from taking the run's time or memory (nesting, aliases, size). */
  | 'too-complex';

export interface LoadProblem {
  code: LoadProblemCode;
  /** What the report needs to word it: the parser's message, the repeated key, the marker, what the file is. */
  detail: string;
  span: Span;
  /** The path of the member the problem is about, as written (duplicate keys). */
  path?: Path;
  /** The YAML document of a multi-document file (0 for single documents). */
  document?: number;
}

/**
 * One parsed document: its plain value and a map back to the text. The map is a tree beside the value
 * rather than a lookup by object identity: an identity map costs about 5 µs per object and array in V8,
 * and a file may hold hundreds of thousands of them.
 */
export interface ParsedDocument {
  value: unknown;
  /** Where the members of `value` sit, when it is a non-empty object or array. */
  loc: ContainerLoc | undefined;
  span: Span;
  /** Problems that do not stop the document from being linted (duplicate keys). */
  problems: LoadProblem[];
}

/**
 * The text range of the member at `segments` (a path as written), from its key to the end of its value. A
 * missing member is placed at its would-be place: the key of its nearest existing ancestor, or the first
 * character of that ancestor when it has no key (the document root, an array item).
 */
export function locate(doc: ParsedDocument, segments: readonly string[]): Span {
  let node: unknown = doc.value;
  let loc = doc.loc;
  let keySpan: Span = { start: doc.span.start, end: doc.span.start + 1 };
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const entry = node !== null && typeof node === 'object' ? loc?.get(seg) : undefined;
    if (!entry || !Object.hasOwn(node as object, seg)) return keySpan;
    node = (node as Record<string, unknown>)[seg];
    loc = entry.loc;
    const hasKey = entry.keyEnd > entry.keyStart;
    if (i === segments.length - 1) return { start: hasKey ? entry.keyStart : entry.start, end: entry.end };
    keySpan = hasKey ? { start: entry.keyStart, end: entry.keyEnd } : { start: entry.start, end: entry.start + 1 };
  }
  return { start: doc.span.start, end: doc.span.end };
}
