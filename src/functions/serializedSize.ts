import { Unknown } from '../model/unknown';
import type { RuleFunction } from './types';

interface Options {
  /** The largest size allowed, in bytes of compact UTF-8 JSON. */
  maxBytes: number;
}

/**
 * Bytes of the value as compact JSON, the smallest form it can be sent in. A value that cannot be
 * known statically is left out (a list keeps its place as null), so the result does not overstate.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Unknown ? undefined : v));
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
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
