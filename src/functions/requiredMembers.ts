import type { RuleFunction } from './types';
import { isObject } from '../model/object';

interface Options {
  fields: string[];
}

/**
 * Reports each listed member the selected object lacks (or sets to null or ""), at its would-be place,
 * so that an object missing two members gets two findings. An Unknown member counts as present.
 */
const requiredMembers: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } } },
  },
  check(value, { fields }) {
    if (!isObject(value)) return [];
    return fields.filter((f) => value[f] === undefined || value[f] === null || value[f] === '').map((f) => ({ path: [f], data: { missing: f } }));
  },
};
export default requiredMembers;
