import type { CST } from 'yaml';
import { lineEnding, lineStartOf, minimalEdit, type EditOp, type EditTarget, type JsonValue, type TextEdit } from './edit';

/**
 * Edits of YAML through the `yaml` library's CST, which keeps every character of the source: a copy of the
 * collection (or scalar) that holds the change is edited with the CST's own operations (`setScalarValue`, item
 * lists), printed with `CST.stringify`, and compared with the original to give one minimal edit. Inserted
 * members and list items copy the indentation and line ending of their neighbours.
 */

type Token = CST.Token;
type Item = CST.CollectionItem;
type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

let parsed: { text: string; documents: CST.Document[] } | undefined;

/** The CST documents of a text; the last text's are kept, since a file's fixes are computed one after another. */
function documentsOf(text: string): CST.Document[] {
  if (parsed?.text !== text) {
    const { Parser } = require('yaml') as typeof import('yaml');
    const documents: CST.Document[] = [];
    for (const token of new Parser().parse(text)) if (token.type === 'document') documents.push(token);
    parsed = { text, documents };
  }
  return parsed.documents;
}

function cst(): typeof CST {
  return (require('yaml') as typeof import('yaml')).CST;
}

function pickDocument(target: EditTarget): CST.Document | undefined {
  const documents = documentsOf(target.text);
  if (target.documentStart !== undefined) {
    let found: CST.Document | undefined;
    for (const d of documents) if (d.offset <= target.documentStart) found = d;
    return found;
  }
  const withContent = documents.filter((d) => d.value !== undefined && !(d.value.type === 'scalar' && d.value.source === ''));
  return withContent[target.documentIndex ?? 0];
}

// Not type guards: a flow collection is a map or a list by its opening bracket, which the types cannot say.
const isMap = (t: Token | null | undefined): boolean => t?.type === 'block-map' || (t?.type === 'flow-collection' && t.start.source === '{');
const isSeq = (t: Token | null | undefined): boolean => t?.type === 'block-seq' || (t?.type === 'flow-collection' && t.start.source === '[');
type MapToken = CST.BlockMap | CST.FlowCollection;
type SeqToken = CST.BlockSequence | CST.FlowCollection;
const hasProps = (tokens: readonly CST.SourceToken[] | undefined) => (tokens ?? []).some((t) => t.type === 'anchor' || t.type === 'tag');
const isFlowScalar = (t: Token | null | undefined): t is CST.FlowScalar => t?.type === 'scalar' || t?.type === 'single-quoted-scalar' || t?.type === 'double-quoted-scalar';

function keyName(item: Item): string | undefined {
  if (!isFlowScalar(item.key) || hasProps(item.start)) return undefined;
  return cst().resolveAsScalar(item.key)?.value;
}

/** The index of the member named `name` (the last one, as YAML readers take it); undefined when absent or written twice. */
function memberIndex(map: MapToken, name: string): number | undefined {
  let found: number | undefined;
  for (let i = 0; i < map.items.length; i++) {
    if (keyName(map.items[i]) !== name) continue;
    if (found !== undefined) return undefined;
    found = i;
  }
  return found;
}

interface Place {
  node: Token;
  /** The collection and item that hold `node`, when it is not the document's root. */
  holder?: { collection: Collection; index: number };
}

/** Walk a path as written; anchored, aliased and tagged nodes on the way are not followed (an edit there would reach elsewhere). */
function walk(document: CST.Document, path: readonly string[]): Place | undefined {
  if (!document.value || hasProps(document.start)) return undefined;
  let place: Place = { node: document.value };
  for (const seg of path) {
    const node = place.node;
    let index: number | undefined;
    let collection: Collection;
    if (isMap(node)) {
      collection = node as MapToken;
      index = memberIndex(collection as MapToken, seg);
    } else if (isSeq(node)) {
      collection = node as SeqToken;
      index = /^\d+$/.test(seg) && Number(seg) < collection.items.length ? Number(seg) : undefined;
    } else return undefined;
    if (index === undefined) return undefined;
    const item = collection.items[index];
    if (!item.value || item.value.type === 'alias' || hasProps(item.sep)) return undefined;
    if (isSeq(node) && (item.key || hasProps(item.start))) return undefined;
    place = { node: item.value, holder: { collection, index } };
  }
  return place;
}

/** The text of a token as printed by the CST, checked against the source (any difference means the CST cannot be trusted here). */
function sourceOf(text: string, offset: number, token: Token | Item): string | undefined {
  const printed = cst().stringify(token);
  return text.startsWith(printed, offset) ? printed : undefined;
}

function tokenEdit(text: string, token: Token, change: (copy: Token) => void): TextEdit | undefined {
  const before = sourceOf(text, token.offset, token);
  if (before === undefined) return undefined;
  const copy = structuredClone(token);
  change(copy);
  return minimalEdit(token.offset, before, cst().stringify(copy));
}

/** A string that reads back as the same string when written plain. */
function plainSafe(value: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_.:/-]*$/.test(value) && !/:$/.test(value) && !/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value);
}

export function yamlEdit(target: EditTarget, path: readonly string[], op: EditOp): TextEdit | undefined {
  const document = pickDocument(target);
  if (!document) return undefined;
  const text = target.text;
  if (op.kind === 'insert' || op.kind === 'append') {
    const place = walk(document, path);
    if (!place) return undefined;
    if (op.kind === 'insert') return isMap(place.node) && !hasKey(place.node as MapToken, op.key) ? insertMember(text, place, op) : undefined;
    return isSeq(place.node) ? appendItem(text, place.node as SeqToken, op.value) : undefined;
  }
  if (path.length === 0) return undefined;
  const parent = walk(document, path.slice(0, -1));
  if (!parent) return undefined;
  const last = path[path.length - 1];
  if (isSeq(parent.node)) {
    // A list item: only its value can be rewritten.
    const list = parent.node as SeqToken;
    const item = /^\d+$/.test(last) ? list.items[Number(last)] : undefined;
    if (!item || item.key || hasProps(item.start) || (op.kind !== 'replace' && op.kind !== 'quote')) return undefined;
    return rewriteScalar(text, item.value, op, list.type === 'flow-collection', false);
  }
  if (!isMap(parent.node)) return undefined;
  const map = parent.node as MapToken;
  const index = memberIndex(map, last);
  if (index === undefined) return undefined;
  const item = map.items[index];
  switch (op.kind) {
    case 'remove':
      return removeMember(text, map, index);
    case 'replace':
    case 'quote':
      return hasProps(item.sep) ? undefined : rewriteScalar(text, item.value, op, map.type === 'flow-collection', true);
    case 'rename': {
      const key = item.key;
      if (!isFlowScalar(key) || hasKey(map, op.to)) return undefined;
      const type = key.type === 'scalar' && !plainSafe(op.to) ? 'QUOTE_DOUBLE' : undefined;
      return tokenEdit(text, key, (copy) => cst().setScalarValue(copy, op.to, { implicitKey: true, inFlow: map.type === 'flow-collection', ...(type ? { type } : {}) }));
    }
  }
}

/** A new value for a flow scalar, in its own quoting style (a plain scalar that would read back as another type is quoted). */
function rewriteScalar(text: string, value: Token | undefined, op: { kind: 'replace'; value: string } | { kind: 'quote' }, inFlow: boolean, afterKey: boolean): TextEdit | undefined {
  if (!isFlowScalar(value) || value.type === 'alias') return undefined;
  if (op.kind === 'quote') {
    if (value.type !== 'scalar' || !/^-?\d+$/.test(value.source)) return undefined;
    const type = preferredQuote(text);
    return tokenEdit(text, value, (copy) => cst().setScalarValue(copy, value.source, { afterKey, inFlow, type }));
  }
  const type = value.type === 'scalar' && !plainSafe(op.value) ? 'QUOTE_DOUBLE' : undefined;
  return tokenEdit(text, value, (copy) => cst().setScalarValue(copy, op.value, { afterKey, inFlow, ...(type ? { type } : {}) }));
}

function hasKey(map: MapToken, name: string): boolean {
  return map.items.some((item) => keyName(item) === name);
}

/** The quotes the file mostly uses for its values. */
function preferredQuote(text: string): 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' {
  const single = text.match(/:[ \t]+'/g)?.length ?? 0;
  const double = text.match(/:[ \t]+"/g)?.length ?? 0;
  return single > double ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
}

/**
 * Remove a member: its item leaves the collection's item list, with the comments the CST attaches to it.
 * When the first member goes, the next one takes its place (after a `- `, or the first indentation).
 */
function removeMember(text: string, map: MapToken, index: number): TextEdit | undefined {
  if (map.items.length < 2) return undefined;
  return tokenEdit(text, map, (token) => {
    const copy = token as MapToken;
    const [removed] = copy.items.splice(index, 1);
    if (index === 0) {
      const next = copy.items[0];
      if (next.start.some((t) => t.type === 'comment' || t.type === 'newline')) throw new Error('comments before the next member');
      next.start = removed.start;
    } else if (copy.type === 'flow-collection' && index === copy.items.length) {
      // The space before the closing brace stays.
      const previous = copy.items[index - 1].value;
      const trailing = (removed.value && 'end' in removed.value ? (removed.value.end ?? []) : []).filter((t) => t.type === 'space');
      if (isFlowScalar(previous) && trailing.length > 0) previous.end = [...(previous.end ?? []), ...trailing];
    }
  });
}

/** The column of a token (its offset from the start of its line). */
function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Where an item's text ends, from where its first token starts. */
function itemEnd(text: string, item: Item): number | undefined {
  const first = item.start[0] ?? item.key ?? item.sep?.[0] ?? item.value;
  if (!first) return undefined;
  const printed = sourceOf(text, first.offset, item);
  return printed === undefined ? undefined : first.offset + printed.length;
}

/** A scalar for a new line of YAML: plain where that reads back the same, else double-quoted (JSON's escapes are YAML's). */
function yamlScalar(value: JsonValue): string {
  if (typeof value === 'string') return plainSafe(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(yamlScalar).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${yamlScalar(k)}: ${yamlScalar(v)}`)
      .join(', ')} }`;
  }
  return String(value);
}

/** `key: value` as block YAML; an object value on the lines below, each level `step` further in. */
function yamlMember(key: string, value: JsonValue, indent: string, step: string, eol: string): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const inner = Object.entries(value).map(([k, v]) => indent + step + yamlMember(k, v, indent + step, step, eol));
    return `${yamlScalar(key)}:${eol}${inner.join(eol)}`;
  }
  return `${yamlScalar(key)}: ${yamlScalar(value)}`;
}

function insertMember(text: string, place: Place, op: { key: string; value: JsonValue; after?: readonly string[] }): TextEdit | undefined {
  const map = place.node as MapToken;
  const eol = lineEnding(text);
  if (map.type === 'flow-collection') {
    const last = map.items[map.items.length - 1];
    const end = last ? itemEnd(text, last) : map.start.offset + 1;
    if (end === undefined) return undefined;
    const at = last ? end - trailingSpace(text, end) : end;
    return { start: at, end: at, text: `${last ? ', ' : ''}${yamlScalar(op.key)}: ${yamlScalar(op.value)}` };
  }
  const first = map.items[0];
  if (!first?.key) return undefined;
  const column = columnOf(text, first.key.offset);
  const indent = ' '.repeat(column);
  const step = ' '.repeat(indentStep(text, place, column));
  const member = yamlMember(op.key, op.value, indent, step, eol);
  const anchorName = op.after?.find((name) => memberIndex(map, name) !== undefined);
  if (anchorName !== undefined) {
    const end = itemEnd(text, map.items[memberIndex(map, anchorName)!]);
    if (end === undefined) return undefined;
    if (end === text.length && !/[\r\n]$/.test(text)) return { start: end, end, text: `${eol}${indent}${member}` };
    if (!/[\r\n]$/.test(text.slice(0, end))) return undefined;
    return { start: end, end, text: `${indent}${member}${eol}` };
  }
  // Before the first member: the new one takes its place, and the first moves to the next line.
  return { start: first.key.offset, end: first.key.offset, text: `${member}${eol}${indent}` };
}

function trailingSpace(text: string, end: number): number {
  let n = 0;
  while (end - n > 0 && /\s/.test(text[end - n - 1])) n++;
  return n;
}

/** How far the file indents a nested map: from the member holding this map to its members, else 2. */
function indentStep(text: string, place: Place, column: number): number {
  const holder = place.holder;
  const holderItem = holder?.collection.items[holder.index];
  if (holder?.collection.type === 'block-map' && holderItem?.key) {
    const step = column - columnOf(text, holderItem.key.offset);
    if (step > 0) return step;
  }
  return 2;
}

function appendItem(text: string, list: SeqToken, value: JsonValue): TextEdit | undefined {
  const last = list.items[list.items.length - 1];
  if (list.type === 'flow-collection') {
    const end = last ? itemEnd(text, last) : list.start.offset + 1;
    if (end === undefined) return undefined;
    const at = last ? end - trailingSpace(text, end) : end;
    return { start: at, end: at, text: `${last ? ', ' : ''}${yamlScalar(value)}` };
  }
  const dash = last?.start.find((t) => t.type === 'seq-item-ind');
  if (!last || !dash) return undefined;
  const end = itemEnd(text, last);
  if (end === undefined) return undefined;
  const line = `${' '.repeat(columnOf(text, dash.offset))}- ${yamlScalar(value)}`;
  const eol = lineEnding(text);
  if (end === text.length && !/[\r\n]$/.test(text)) return { start: end, end, text: `${eol}${line}` };
  if (!/[\r\n]$/.test(text.slice(0, end))) return undefined;
  return { start: end, end, text: `${line}${eol}` };
}
