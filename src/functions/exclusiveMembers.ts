import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { isSet } from './is-set';

interface Options {
  /** Alternatives: the selected object may set at most one of them. */
  fields: string[];
}

/**
 * Reports every listed member the selected object sets after the first one it sets, at that
 * member. Unset members (false, null, empty objects) do not count.
 */
const exclusiveMembers: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } } },
  },
  check(value, { fields }) {
    if (!isObject(value)) return [];
    const present = Object.keys(value).filter((k) => fields.includes(k) && isSet(value[k]));
    return present.slice(1).map((f) => ({ path: [f], data: { first: present[0] } }));
  },
};
export default exclusiveMembers;
