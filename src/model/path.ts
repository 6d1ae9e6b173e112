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

/**
 * A path as written, without the segments that lead into a CloudFormation value's chosen branch (`Fn::If`, `1`) or
 * into an `Fn::FindInMap` default: what is left lines up with the member names of the normalised path.
 */
export function withoutBranches(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'Fn::If' && /^[12]$/.test(segments[i + 1] ?? '')) i += 1;
    else if (segments[i] === 'Fn::FindInMap' && segments[i + 1] === '3' && segments[i + 2] === 'DefaultValue') i += 2;
    else out.push(segments[i]);
  }
  return out;
}
