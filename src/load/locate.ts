import type { Span } from '../types';
import type { ParsedDocument } from './parsed';

/** RFC 6901 JSON Pointer from path segments. */
export function toPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Path segments from an RFC 6901 JSON Pointer. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The text range of the member at `segments`, from its key to the end of its value. A missing
 * member is placed at its would-be place: the key of its nearest existing ancestor, or the first
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
