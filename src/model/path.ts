/** Paths into documents, and the one RFC 6901 JSON Pointer codec. */

/** One step into a document: a member name, or a list index. */
export type Segment = string | number;
export type Path = readonly Segment[];

/** RFC 6901 JSON Pointer from path segments. */
export function toPointer(segments: Path): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** Path segments (all strings) from an RFC 6901 JSON Pointer. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** One pointer segment, unescaped. */
export function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
