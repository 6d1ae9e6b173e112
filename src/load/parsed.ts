import type { Span } from '../types';

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

/** A problem found while parsing that is not fatal to the document (the document is still linted). */
export interface ParseProblem {
  ruleId: 'parse-error' | 'duplicate-key';
  message: string;
  span: Span;
  /** For duplicate keys: the key path, as a list of segments, of the repeated key. */
  path?: string[];
}

/**
 * One JSON or YAML document: its plain value and a map back to the text. The map is a tree beside
 * the value rather than a lookup by object identity: an identity map costs about 5 µs per object
 * and array in V8, and a file may hold hundreds of thousands of them.
 */
export interface ParsedDocument {
  value: unknown;
  /** Where the members of `value` sit, when it is a non-empty object or array. */
  loc: ContainerLoc | undefined;
  span: Span;
  problems: ParseProblem[];
}

/** A syntax error that stops a document from being parsed at all. */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The input is refused whatever the parser (too deep, too large): do not retry it as YAML. */
    readonly final = false,
  ) {
    super(message);
  }
}

/** Documents nested deeper than this are refused: no ECS input comes near it, and it keeps every later stage's recursion safe. */
export const MAX_DEPTH = 500;

/**
 * A file that holds more values (objects, arrays and scalars, not counting keys) than this is
 * refused. CloudFormation takes templates up to 1 MB, which hold about 50,000 values; every later
 * stage costs time in the number of values, so a bigger count is refused before it is paid for.
 */
export const MAX_NODES = 200_000;

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

/** Assign a member without letting `__proto__` reach the prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
