import type { RuleFunction } from './types';
import { isCertainlySet } from './is-set';

interface Options {
  fields: string[];
}

/** Reports each of the listed members of the selected object that is certainly set, at the member itself. */
const unsetFields: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  },
  check(value, { fields }) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const obj = value as Record<string, unknown>;
    return fields.filter((f) => Object.hasOwn(obj, f) && isCertainlySet(obj[f])).map((f) => ({ path: [f] }));
  },
};
export default unsetFields;
