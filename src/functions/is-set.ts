import { Unknown } from '../model/unknown';

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

/**
 * Whether a value is certainly set: set, and not a list or object whose every item CloudFormation
 * may drop (`[!If [HasFile, {…}, !Ref AWS::NoValue]]` is an empty list when the condition is false).
 * Presence rules report only values that are certainly set.
 */
export function isCertainlySet(value: unknown): boolean {
  if (!isSet(value)) return false;
  if (value === null || typeof value !== 'object') return true;
  return Object.values(value).some((item) => !(item instanceof Unknown && item.mayBeAbsent));
}
