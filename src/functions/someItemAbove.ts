import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { numeric } from './numeric';

interface Options {
  /** The numeric member of each list item; a missing member counts as `missingAs`. */
  field: string;
  greaterThan: number;
  missingAs: number;
  /** Only lists with at least this many items are checked. */
  minItems?: number;
}

/**
 * Reports the selected list when none of its items has `field` above `greaterThan`. Nothing is
 * reported when an item, or its `field`, cannot be known statically: it might be the one.
 */
const someItemAbove: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'greaterThan', 'missingAs'],
    properties: { field: { type: 'string', minLength: 1 }, greaterThan: { type: 'number' }, missingAs: { type: 'number' }, minItems: { type: 'integer', minimum: 1 } },
  },
  check(value, { field, greaterThan, missingAs, minItems = 1 }) {
    if (!Array.isArray(value) || value.length < minItems) return [];
    for (const item of value) {
      if (!isObject(item)) return [];
      const raw = item[field];
      const n = raw === undefined || raw === null ? missingAs : numeric(raw);
      if (n === undefined || n > greaterThan) return [];
    }
    return [{}];
  },
};
export default someItemAbove;
