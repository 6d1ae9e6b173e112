import type { RuleFunction } from './types';
import { parseTaskSize, SizeKind, UNIT_NAME } from './task-size';

interface Options {
  kind: SizeKind;
  min?: number;
  max?: number;
  /** The only amounts allowed (in base units), e.g. the Fargate Windows CPU sizes. */
  allowed?: number[];
}

/**
 * Checks a task-level size ("2048", "2 vCPU", 2048) in base units (CPU units or MiB): within [min, max],
 * and one of `allowed` when given. A value that is not a task size at all is left to the format rule.
 */
const taskSizeRange: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    anyOf: [{ required: ['min'] }, { required: ['max'] }, { required: ['allowed'] }],
    properties: {
      kind: { enum: ['cpu', 'memory'] },
      min: { type: 'number' },
      max: { type: 'number' },
      allowed: { type: 'array', items: { type: 'number' }, minItems: 1 },
    },
  },
  check(value, { kind, min, max, allowed }) {
    const amount = parseTaskSize(value, kind);
    if (amount === undefined) return [];
    const outside = (min !== undefined && amount < min) || (max !== undefined && amount > max) || (allowed !== undefined && !allowed.includes(amount));
    if (!outside) return [];
    return [{ data: { amount: `${amount} ${UNIT_NAME[kind]}`, ...(min !== undefined ? { min: String(min) } : {}), ...(max !== undefined ? { max: String(max) } : {}) } }];
  },
};
export default taskSizeRange;
