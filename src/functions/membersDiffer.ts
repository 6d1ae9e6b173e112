import type { RuleFunction } from './types';

interface Options {
  /** Two members of the selected object that should not hold the same value. */
  fields: [string, string];
}

/**
 * Reports the second member when both are the same literal string. Values that cannot be known
 * (intrinsics, placeholders) are not compared.
 */
const membersDiffer: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', minLength: 1 } } },
  },
  check(value, { fields: [a, b] }) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const obj = value as Record<string, unknown>;
    const first = obj[a];
    const second = obj[b];
    if (typeof first !== 'string' || first === '' || first !== second) return [];
    return [{ path: [b], data: { other: a } }];
  },
};
export default membersDiffer;
