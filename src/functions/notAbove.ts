import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { parseInteger } from './task-size';

interface Options {
  /** The member that may not exceed `upper`; reported when it does. */
  lower: string;
  upper: string;
  /** Also report equal values. */
  strict?: boolean;
}

/**
 * Checks two numeric members of the selected object: `lower` may not exceed `upper` (nor equal
 * it when `strict`). Either member missing, or not a known integer, means nothing to compare.
 */
const notAbove: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['lower', 'upper'],
    properties: { lower: { type: 'string', minLength: 1 }, upper: { type: 'string', minLength: 1 }, strict: { type: 'boolean' } },
  },
  check(value, { lower, upper, strict = false }) {
    if (!isObject(value)) return [];
    const low = parseInteger(value[lower]);
    const high = parseInteger(value[upper]);
    if (low === undefined || high === undefined) return [];
    if (low > high || (strict && low === high)) return [{ path: [lower], data: { lower: String(low), upper: String(high) } }];
    return [];
  },
};
export default notAbove;
