import { Unknown } from '../load/unknown';
import type { RuleFunction } from './types';

interface Options {
  /** The largest size allowed, in bytes of compact UTF-8 JSON. */
  maxBytes: number;
}

/**
 * Bytes of the value as compact JSON, the smallest form it can be sent in. A value that cannot be
 * known statically counts as nothing, so the result is a lower bound and never overstates.
 */
export function jsonBytes(value: unknown): number {
  if (value instanceof Unknown || value === undefined) return 0;
  if (value === null) return 4;
  switch (typeof value) {
    case 'string':
      return Buffer.byteLength(JSON.stringify(value), 'utf8');
    case 'number':
    case 'boolean':
      return String(value).length;
    case 'object':
      break;
    default:
      return 0;
  }
  if (Array.isArray(value)) return 2 + Math.max(0, value.length - 1) + value.reduce((n: number, v) => n + jsonBytes(v), 0);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return 2 + Math.max(0, entries.length - 1) + entries.reduce((n, [k, v]) => n + Buffer.byteLength(JSON.stringify(k), 'utf8') + 1 + jsonBytes(v), 0);
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
