import type { Span } from '../model/basics';
import type { ContainerLoc, EntryLoc, ParsedDocument } from '../model/document';
import { parseJson } from './parse-json';
import { yamlEdit } from './edit-yaml';

/**
 * Minimal text edits at a path of a JSON or YAML document, as written: the way back from a document to its text,
 * for fixes and suppressions. Everything outside the edit stays as it was, byte for byte: comments, key order,
 * indentation, quoting and line endings. JSON is edited as text with the positions of ecslint's own parser; YAML
 * through the `yaml` library's CST (edit-yaml.ts). An edit that
 * cannot be made without guessing (an anchored or aliased node, a duplicate key, an intrinsic) is not made.
 */

/** Replace the characters [start, end) of the text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };

export type EditOp =
  /** Remove the member at the path (never a list item). */
  | { kind: 'remove' }
  /** Write a new scalar value at the path; YAML keeps the value's quoting style. */
  | { kind: 'replace'; value: string }
  /** Write the number at the path as a string, with the digits as written. */
  | { kind: 'quote' }
  /** Rename the member at the path. */
  | { kind: 'rename'; to: string }
  /** Add a member to the object at the path: after the first of `after` that it has, else before its first member. */
  | { kind: 'insert'; key: string; value: JsonValue; after?: readonly string[] }
  /** Add an item at the end of the list at the path. */
  | { kind: 'append'; value: JsonValue };

export interface EditTarget {
  text: string;
  syntax: 'json' | 'yaml' | 'hcl';
  /** JSON: the parsed document with its locations; the text is parsed when it is not given. */
  json?: ParsedDocument;
  /** YAML: the offset of the document's root, to pick the document of a stream. */
  documentStart?: number;
  /** YAML: which document of the stream (documents without content are not counted), when its offset is not known. */
  documentIndex?: number;
}

/** The edit that makes `op` at `path` (member names and list indexes as written, from the document's root), or undefined. */
export function editAt(target: EditTarget, path: readonly string[], op: EditOp): TextEdit | undefined {
  try {
    if (target.syntax === 'json') return jsonEdit(target, path, op);
    if (target.syntax === 'yaml') return yamlEdit(target, path, op);
  } catch {
    // A document the edit cannot read is a document it does not touch.
  }
  return undefined;
}

/** Apply one edit. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The smallest edit that turns `before` (found at `offset` of the text) into `after`; never splits a surrogate pair. */
export function minimalEdit(offset: number, before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(before.charCodeAt(before.length - s))) s--;
  return { start: offset + p, end: offset + before.length - s, text: after.slice(p, after.length - s) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The line ending the text uses (its first one), for inserted lines. */
export function lineEnding(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

// ---------------------------------------------------------------- JSON

/** A value of a JSON document: the value, where its text sits, and where its members sit (absent when it has none). */
interface JsonPlace {
  node: unknown;
  span: Span;
  loc: ContainerLoc | undefined;
}

/** Walk a path as written down the document's location tree. */
function jsonWalk(doc: ParsedDocument, path: readonly string[]): JsonPlace | undefined {
  let place: JsonPlace = { node: doc.value, span: doc.span, loc: doc.loc };
  for (const seg of path) {
    const { node, loc } = place;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    const entry = loc?.get(seg);
    if (!entry) return undefined;
    place = { node: (node as Record<string, unknown>)[seg], span: { start: entry.start, end: entry.end }, loc: entry.loc };
  }
  return place;
}

/** The members of an object or the items of an array, in the order of the text. */
function sortedEntries(place: JsonPlace): EntryLoc[] {
  const { node, loc } = place;
  if (!loc || node === null || typeof node !== 'object') return [];
  const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
  const entries: EntryLoc[] = [];
  for (const key of keys) {
    const entry = loc.get(key);
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => a.keyStart - b.keyStart);
}

function samePath(a: readonly (string | number)[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => String(s) === b[i]);
}

function isDuplicated(doc: ParsedDocument, path: readonly string[]): boolean {
  return doc.problems.some((p) => p.code === 'duplicate-key' && p.path !== undefined && samePath(p.path, path));
}

/**
 * An object with a key written twice: its location tree holds only the last of the two, so the text between
 * neighbours is not known, and an edit that depends on neighbours (a removal, an insertion) is not made.
 */
function holdsDuplicate(doc: ParsedDocument, path: readonly string[]): boolean {
  return doc.problems.some((p) => p.code === 'duplicate-key' && p.path !== undefined && samePath(p.path.slice(0, -1), path));
}

function jsonEdit(target: EditTarget, path: readonly string[], op: EditOp): TextEdit | undefined {
  const text = target.text;
  const doc = target.json ?? parseJson(text);
  if (op.kind === 'insert' || op.kind === 'append') {
    const place = jsonWalk(doc, path);
    if (!place || holdsDuplicate(doc, path)) return undefined;
    if (op.kind === 'insert') {
      if (!isPlainObject(place.node) || Object.hasOwn(place.node, op.key)) return undefined;
      return jsonInsert(text, place, op);
    }
    if (!Array.isArray(place.node)) return undefined;
    return jsonAppend(text, place, op.value);
  }
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const parent = jsonWalk(doc, parentPath);
  const key = path[path.length - 1];
  const inList = Array.isArray(parent?.node);
  if (!parent?.loc || !(isPlainObject(parent.node) || (inList && /^\d+$/.test(key))) || !Object.hasOwn(parent.node as object, key)) return undefined;
  const entry = parent.loc.get(key);
  if (!entry || isDuplicated(doc, path)) return undefined;
  const value = (parent.node as Record<string, unknown>)[key];
  if (inList && op.kind !== 'replace' && op.kind !== 'quote') return undefined;
  switch (op.kind) {
    case 'remove':
      return holdsDuplicate(doc, parentPath) ? undefined : jsonRemove(text, parent, entry);
    case 'replace':
      if (value !== null && typeof value === 'object') return undefined;
      return { start: entry.start, end: entry.end, text: JSON.stringify(op.value) };
    case 'quote': {
      const digits = text.slice(entry.start, entry.end);
      if (typeof value !== 'number' || !/^-?\d+$/.test(digits)) return undefined;
      return { start: entry.start, end: entry.end, text: `"${digits}"` };
    }
    case 'rename':
      if (Object.hasOwn(parent.node as object, op.to)) return undefined;
      return { start: entry.keyStart, end: entry.keyEnd, text: JSON.stringify(op.to) };
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A member's own lines go with it; a member sharing its line with others takes only itself and one comma. */
function jsonRemove(text: string, parent: JsonPlace, entry: EntryLoc): TextEdit {
  const members = sortedEntries(parent);
  const i = members.findIndex((m) => m.keyStart === entry.keyStart);
  if (members.length === 1) return { start: parent.span.start + 1, end: parent.span.end - 1, text: '' };
  if (i < members.length - 1) {
    const next = members[i + 1];
    const ownLine = lineStartOf(text, entry.keyStart);
    const nextLine = lineStartOf(text, next.keyStart);
    if (nextLine > ownLine && /^\s*$/.test(text.slice(ownLine, entry.keyStart)) && /^\s*$/.test(text.slice(nextLine, next.keyStart))) {
      return { start: ownLine, end: nextLine, text: '' };
    }
    return { start: entry.keyStart, end: next.keyStart, text: '' };
  }
  return { start: members[i - 1].end, end: entry.end, text: '' };
}

/** The white space between the separator before `offset` (`{`, `[` or `,`) and `offset`. */
function spaceBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return text.slice(i, offset);
}

/**
 * The white space the file puts after a comma between members, as the second member has it. A lone member shows
 * only the space after the bracket: a line break and indentation are copied, and on one line a space is used.
 */
function separator(text: string, members: readonly EntryLoc[]): string {
  if (members.length > 1) return spaceBefore(text, members[1].keyStart);
  return spaceBefore(text, members[0].keyStart) || ' ';
}

function jsonInsert(text: string, place: JsonPlace, op: { key: string; value: JsonValue; after?: readonly string[] }): TextEdit {
  const members = sortedEntries(place);
  const colon = members.length > 0 ? text.slice(members[0].keyEnd, members[0].start) : ': ';
  const member = `${JSON.stringify(op.key)}${colon}${renderJson(op.value, colon)}`;
  if (members.length === 0) return { start: place.span.start + 1, end: place.span.start + 1, text: member };
  const node = place.node as Record<string, unknown>;
  const anchor = op.after?.map((name) => (Object.hasOwn(node, name) ? place.loc?.get(name) : undefined)).find((entry) => entry !== undefined);
  if (anchor !== undefined) {
    return { start: anchor.end, end: anchor.end, text: `,${separator(text, members)}${member}` };
  }
  const first = members[0];
  return { start: first.keyStart, end: first.keyStart, text: `${member},${separator(text, members)}` };
}

function jsonAppend(text: string, place: JsonPlace, value: JsonValue): TextEdit {
  const items = sortedEntries(place);
  const rendered = renderJson(value, ': ');
  if (items.length === 0) return { start: place.span.start + 1, end: place.span.start + 1, text: rendered };
  const last = items[items.length - 1];
  return { start: last.end, end: last.end, text: `,${separator(text, items)}${rendered}` };
}

/** A value on one line, with the file's own space after a colon. */
function renderJson(value: JsonValue, colon: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => renderJson(v, colon)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}${colon}${renderJson(v, colon)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
