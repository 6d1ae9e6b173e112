import type { RuleFunction } from './types';
import { isCertainlySet } from './is-set';

/** Reports the selected value when it is certainly set (true, or a non-empty string, list or object). */
const unset: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value) {
    return isCertainlySet(value) ? [{}] : [];
  },
};
export default unset;
