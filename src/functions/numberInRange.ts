import type { RuleFunction } from './types';
import { numeric } from './numeric';

interface Options {
  minimum?: number;
  maximum?: number;
  /** Also require a whole number. */
  integer?: boolean;
}

/**
 * Reports a number (or a string of digits, as CloudFormation allows) outside [minimum, maximum],
 * or with a fraction when `integer` is set. Other values are left to the type rules.
 */
const numberInRange: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { minimum: { type: 'number' }, maximum: { type: 'number' }, integer: { type: 'boolean' } },
  },
  check(value, { minimum, maximum, integer }) {
    const n = numeric(value);
    if (n === undefined) return [];
    const bad = (minimum !== undefined && n < minimum) || (maximum !== undefined && n > maximum) || (integer === true && !Number.isInteger(n));
    return bad ? [{}] : [];
  },
};
export default numberInRange;
