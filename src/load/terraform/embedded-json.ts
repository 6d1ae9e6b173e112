import { parseJson } from '../parse-json';
import type { ContainerLoc, EntryLoc, LoadProblem } from '../../model/document';
import { setMember } from '../../model/object';
import { SyntaxProblem } from '../parsed';
import { Unknown } from '../../model/unknown';
import type { IdentityLocs } from './loc-tree';
import type { MappedText } from './mapped-text';

/**
 * JSON held inside another text: a heredoc or a quoted string in a .tf file, a string in a plan file, a
 * template file with `${…}` placeholders. The JSON is parsed from the made text with the strict JSON
 * parser, then every position is mapped back to the source, and every placeholder becomes an `Unknown`.
 */

/** Private-use characters that bracket a placeholder's number in the made text. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/** The text that stands for placeholder `n`: inside a JSON string as is, elsewhere as a JSON string. */
export function placeholderMarker(n: number, insideString: boolean): string {
  const m = `${OPEN}${n}${CLOSE}`;
  return insideString ? m : `"${m}"`;
}

/** Whether source text already holds the marker characters (then placeholders cannot be told apart from it). */
export function holdsMarkerCharacters(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

export interface EmbeddedJson {
  value: unknown;
  problems: LoadProblem[];
}

/**
 * Parse the JSON in `made`, record the positions of its objects and arrays, mapped into the source, in
 * `locs`, and turn each string that holds a placeholder into an `Unknown` labelled with the string as
 * written (`labels[n]` is the source text of placeholder n). Duplicate-key problems get `pathPrefix`
 * in front of their paths. A syntax error is thrown as a `SyntaxProblem` at its source offset.
 */
export function parseEmbeddedJson(made: MappedText, locs: IdentityLocs, pathPrefix: readonly string[] = [], labels: readonly string[] = []): EmbeddedJson {
  let doc;
  try {
    doc = parseJson(made.text);
  } catch (err) {
    if (err instanceof SyntaxProblem) throw new SyntaxProblem(err.message, made.sourceStart(err.offset), err.final);
    throw err;
  }
  const relabel = (s: string) => s.replace(MARKER, (_, n: string) => labels[Number(n)] ?? '${…}');
  const hasMarker = labels.length > 0;

  const visit = (value: unknown, loc: ContainerLoc | undefined, span: { start: number; end: number }): unknown => {
    if (typeof value === 'string') return hasMarker && value.includes(OPEN) ? new Unknown(relabel(value)) : value;
    if (value === null || typeof value !== 'object') return value;
    const entries = new Map<string, EntryLoc>();
    const childLocs = new Map<string, EntryLoc>();
    if (loc) {
      for (const k of Object.keys(value)) {
        const e = loc.get(k);
        if (!e) continue;
        childLocs.set(k, e);
        entries.set(hasMarker ? relabel(k) : k, {
          keyStart: made.sourceStart(e.keyStart),
          keyEnd: e.keyEnd > e.keyStart ? made.sourceEnd(e.keyEnd) : made.sourceStart(e.keyStart),
          start: made.sourceStart(e.start),
          end: made.sourceEnd(e.end),
        });
      }
    }
    const at = { start: made.sourceStart(span.start), end: made.sourceEnd(span.end) };
    const child = (k: string, v: unknown) => {
      const e = childLocs.get(k);
      return visit(v, e?.loc, e ?? { start: span.start, end: span.start });
    };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = child(String(i), value[i]);
      if (loc) locs.set(value, { ...at, entries });
      return value;
    }
    const obj = value as Record<string, unknown>;
    let out = obj;
    const keys = Object.keys(obj);
    if (hasMarker && keys.some((k) => k.includes(OPEN))) {
      // A key with a placeholder is kept with the placeholder as written.
      out = {};
      for (const k of keys) setMember(out, relabel(k), child(k, obj[k]));
    } else {
      for (const k of keys) obj[k] = child(k, obj[k]);
    }
    if (loc) locs.set(out, { ...at, entries });
    return out;
  };

  const value = visit(doc.value, doc.loc, doc.span);
  const problems = doc.problems.map((p) => ({
    ...p,
    detail: hasMarker ? relabel(p.detail) : p.detail,
    span: { start: made.sourceStart(p.span.start), end: made.sourceEnd(p.span.end) },
    path: p.path ? [...pathPrefix, ...p.path.map((s) => (hasMarker ? relabel(String(s)) : s))] : undefined,
  }));
  return { value, problems };
}
