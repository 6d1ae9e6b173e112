import type { ContainerLoc, EntryLoc, ParsedDocument } from '../../model/document';
import { MAX_DEPTH } from '../parsed';

/**
 * The Terraform readers build values first and learn where each object and array sits as they go (a block
 * named twice grows; a JSON string is parsed apart from its HCL). They record the positions of each container
 * by identity while they build, then link them into the location tree that a ParsedDocument carries.
 */
export interface BuildLoc {
  start: number;
  end: number;
  entries: Map<string, EntryLoc>;
}

export type IdentityLocs = WeakMap<object, BuildLoc>;

/** Link the recorded containers under `value` into a location tree (each entry gets its member's locations). */
export function linkLocs(value: unknown, locs: IdentityLocs): ContainerLoc | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const root = locs.get(value);
  if (!root) return undefined;
  const stack: Array<{ value: object; loc: BuildLoc; depth: number }> = [{ value, loc: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, loc, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    for (const [key, entry] of loc.entries) {
      const child = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      if (child === null || typeof child !== 'object') continue;
      const childLoc = locs.get(child);
      if (!childLoc) continue;
      entry.loc = childLoc.entries;
      stack.push({ value: child, loc: childLoc, depth: depth + 1 });
    }
  }
  return root.entries;
}

/** The location entry of the member at `path` in a parsed document, or undefined. */
export function entryAt(doc: ParsedDocument, path: readonly string[]): EntryLoc | undefined {
  let loc = doc.loc;
  let entry: EntryLoc | undefined;
  for (const seg of path) {
    entry = loc?.get(seg);
    if (!entry) return undefined;
    loc = entry.loc;
  }
  return entry;
}
