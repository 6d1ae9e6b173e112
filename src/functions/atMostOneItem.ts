import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { numeric } from './numeric';

interface Options {
  /** The numeric member of each list item. */
  field: string;
  /** Only values above this count (e.g. 0 for a `base` that reserves tasks). */
  greaterThan: number;
}

/**
 * Reports every item of the selected list after the first whose `field` is above `greaterThan`,
 * at that member. Values that are not numbers (intrinsics) are not counted.
 */
const atMostOneItem: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'greaterThan'],
    properties: { field: { type: 'string', minLength: 1 }, greaterThan: { type: 'number' } },
  },
  check(value, { field, greaterThan }) {
    if (!Array.isArray(value)) return [];
    const out: FunctionResult[] = [];
    let first: number | undefined;
    value.forEach((item, i) => {
      const n = isObject(item) ? numeric(item[field]) : undefined;
      if (n === undefined || n <= greaterThan) return;
      if (first === undefined) first = i;
      else out.push({ path: [i, field], data: { first: String(first + 1) } });
    });
    return out;
  },
};
export default atMostOneItem;
