import type { FunctionResult, RuleFunction } from './types';

interface Options {
  /** For each member of the selected object that holds a list of strings, the values it may hold. */
  allowed: Record<string, string[]>;
}

/**
 * Reports every string in the named list members that is not among that member's allowed values,
 * at the item itself. Non-string items (an intrinsic, a wrong type) are left to other rules.
 */
const listValuesIn: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['allowed'],
    properties: {
      allowed: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 } },
    },
  },
  check(value, { allowed }) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const obj = value as Record<string, unknown>;
    const out: FunctionResult[] = [];
    for (const [member, values] of Object.entries(allowed)) {
      const list = obj[member];
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        if (typeof item === 'string' && !values.includes(item)) out.push({ path: [member, i], data: { member } });
      });
    }
    return out;
  },
};
export default listValuesIn;
