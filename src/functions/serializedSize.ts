import { Unknown } from '../model/unknown';
import type { RuleFunction } from './types';

interface Options {
  /** The largest size allowed, in bytes of compact UTF-8 JSON. */
  maxBytes: number;
}

/**
 * Bytes of the value as compact JSON, the smallest form it can be sent in, counted without building the
 * text (a task definition can be large, and this runs on every one). A value that cannot be known
 * statically is left out, as `JSON.stringify` leaves out `undefined` (a list keeps its place as null), so
 * the result does not overstate.
 */
export function jsonBytes(value: unknown): number {
  return bytesOf(value) ?? 0;
}

/** Bytes of one value as JSON; undefined for what JSON leaves out (undefined, functions, Unknown values). */
function bytesOf(value: unknown): number | undefined {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (value instanceof Unknown) return undefined;
      if (Array.isArray(value)) {
        let n = value.length > 0 ? value.length + 1 : 2;
        for (const item of value) n += bytesOf(item) ?? 4;
        return n;
      }
      let n = 2;
      let members = 0;
      for (const key of Object.keys(value)) {
        const b = bytesOf((value as Record<string, unknown>)[key]);
        if (b === undefined) continue;
        n += stringBytes(key) + 1 + b;
        members++;
      }
      return members > 1 ? n + members - 1 : n;
    }
    default:
      return undefined;
  }
}

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of a string as a JSON string in UTF-8: quotes, escapes (`\n`, `\u001f`, a lone surrogate as `\udc00`) and all. */
function stringBytes(s: string): number {
  // Most strings are printable ASCII with no quote or backslash: one byte a character.
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : c >= 0x20 ? 1 : c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Reports the selected value when its compact JSON is larger than `maxBytes`. */
const serializedSize: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxBytes'],
    properties: { maxBytes: { type: 'integer', minimum: 1 } },
  },
  check(value, { maxBytes }) {
    const bytes = jsonBytes(value);
    if (bytes <= maxBytes) return [];
    return [{ data: { size: `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`, limit: `${maxBytes / 1024} KiB` } }];
  },
};
export default serializedSize;
