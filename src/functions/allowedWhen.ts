import type { RuleFunction } from './types';
import { isSet } from './is-set';
import { Unknown } from '../model/unknown';

interface Options {
  /** A member of the document (task definition or service) that must be set for the selected value to be allowed. */
  requires?: string;
  /** Effective network modes in which the selected value is not allowed. */
  notWithNetworkMode?: string[];
}

/**
 * Reports the selected value, when it is set, if the document lacks `requires` or the effective
 * network mode is one of `notWithNetworkMode`. An Unknown `requires` member counts as set, and an
 * unknown network mode as allowed: either might make the value valid.
 */
const allowedWhen: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      requires: { type: 'string', minLength: 1 },
      notWithNetworkMode: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
  check(value, { requires, notWithNetworkMode }, ctx) {
    if (value === false || value === null || value === '') return [];
    if (requires !== undefined) {
      const present = ctx.document[requires];
      if (!(present instanceof Unknown) && !isSet(present)) return [{ data: { reason: `without ${requires}` } }];
    }
    const mode = ctx.target.networkMode;
    if (notWithNetworkMode && mode !== undefined && notWithNetworkMode.includes(mode)) return [{ data: { reason: `with the ${mode} network mode` } }];
    return [];
  },
};
export default allowedWhen;
