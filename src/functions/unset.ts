import type { RuleFunction } from './types';
import { isSet } from './is-set';

/** Reports the selected value when it is set (true, or a non-empty string, list or object). */
const unset: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value) {
    return isSet(value) ? [{}] : [];
  },
};
export default unset;
