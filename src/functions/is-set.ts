import { Unknown } from '../load/unknown';

/**
 * Whether a value counts as "set" for presence rules: true, a number, a non-empty string, array
 * or object. false, null and empty collections are the same as leaving the field out.
 */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (value instanceof Unknown) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
