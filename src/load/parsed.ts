import type { Span } from '../types';

/** Where one member of an object (or one item of an array) sits in the text. */
export interface EntryLoc {
  /** Start of the key; equal to `start` for array items. */
  keyStart: number;
  /** End of the key; equal to `keyStart` for array items. */
  keyEnd: number;
  start: number;
  end: number;
}

/** Where an object or array sits, and where each of its members sits. Array members use "0", "1", … */
export interface ContainerLoc extends Span {
  entries: Map<string, EntryLoc>;
}

/** A problem found while parsing that is not fatal to the document (the document is still linted). */
export interface ParseProblem {
  ruleId: 'parse-error' | 'duplicate-key';
  message: string;
  span: Span;
  /** For duplicate keys: the key path, as a list of segments, of the repeated key. */
  path?: string[];
}

/** One JSON or YAML document: its plain value and a map back to the text. */
export interface ParsedDocument {
  value: unknown;
  /** Positions of every object and array in `value`, keyed by identity. */
  locs: WeakMap<object, ContainerLoc>;
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

/** Assign a member without letting `__proto__` reach the prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
