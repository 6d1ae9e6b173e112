import { Unknown } from '../model/unknown';
import type { RuleFunction } from './types';

interface Options {
  /** The member each item is judged by. */
  member: string;
  /** What at least one item's member must be. */
  equals: string | number | boolean;
  /** What an item that omits the member counts as (ECS: an omitted essential is true). */
  default?: string | number | boolean;
}

import { isObject } from '../model/object';

/** CloudFormation converts "true"/"false" written for a boolean property; the API does not. */
function asWritten(value: unknown, cloudFormation: boolean): unknown {
  if (cloudFormation && typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/**
 * Reports the selected list when none of its items has `member` equal to `equals` (an item that
 * omits it counts as `default`). Nothing is reported for an empty list, or when an item or its
 * member cannot be known statically: that item might be the one.
 */
const anyItem: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['member', 'equals'],
    properties: {
      member: { type: 'string', minLength: 1 },
      equals: { type: ['string', 'number', 'boolean'] },
      default: { type: ['string', 'number', 'boolean'] },
    },
  },
  check(value, options, ctx) {
    if (!Array.isArray(value) || value.length === 0) return [];
    const cloudFormation = ctx.target.form === 'cloudformation';
    for (const item of value) {
      if (!isObject(item)) return [];
      const v = Object.hasOwn(item, options.member) && item[options.member] !== null ? item[options.member] : options.default;
      if (v instanceof Unknown) return [];
      if (asWritten(v, cloudFormation) === options.equals) return [];
    }
    return [{ data: { count: String(value.length) } }];
  },
};
export default anyItem;
