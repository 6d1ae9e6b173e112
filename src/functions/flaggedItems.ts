import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { asBoolean } from './scalar';

interface Options {
  /** The boolean member that marks an item. */
  flag: string;
  /** How many items of the list may be marked. */
  max?: number;
  /** Members a marked item must set. */
  required?: string[];
  /** What the items are, for messages: "volume". */
  noun: string;
}

/**
 * Checks the items of the selected list that set `flag` to true: at most `max` of them (the
 * later ones are reported), and each with every `required` member (reported at the flag). Items
 * whose flag cannot be known statically are neither counted nor checked.
 */
const flaggedItems: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['flag', 'noun'],
    anyOf: [{ required: ['max'] }, { required: ['required'] }],
    properties: {
      flag: { type: 'string', minLength: 1 },
      max: { type: 'integer', minimum: 0 },
      required: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      noun: { type: 'string', minLength: 1 },
    },
  },
  check(value, { flag, max, required = [], noun }) {
    if (!Array.isArray(value)) return [];
    const out: FunctionResult[] = [];
    let count = 0;
    value.forEach((item, i) => {
      if (!isObject(item) || asBoolean(item[flag]) !== true) return;
      count++;
      if (max !== undefined && count > max) {
        out.push({ path: [i, flag], data: { problem: `at most ${max} ${noun}${max === 1 ? '' : 's'} of a task definition may set it` } });
      }
      for (const member of required.filter((m) => item[m] === undefined || item[m] === null || item[m] === '')) {
        out.push({ path: [i, flag], data: { problem: `such a ${noun} needs a ${member}` } });
      }
    });
    return out;
  },
};
export default flaggedItems;
