import type { RuleFunction } from './types';
import { parseTaskSize, SizeKind, UNIT_NAME } from './task-size';

interface Options {
  kind: SizeKind;
  min?: number;
  max?: number;
}

/**
 * Checks that a task-level size ("2048", "2 vCPU", 2048) lies within [min, max] in base units
 * (CPU units or MiB). A value that is not a task size at all is left to the format rule.
 */
const taskSizeRange: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    anyOf: [{ required: ['min'] }, { required: ['max'] }],
    properties: { kind: { enum: ['cpu', 'memory'] }, min: { type: 'number' }, max: { type: 'number' } },
  },
  check(value, { kind, min, max }) {
    const amount = parseTaskSize(value, kind);
    if (amount === undefined) return [];
    if ((min !== undefined && amount < min) || (max !== undefined && amount > max)) {
      return [{ data: { amount: `${amount} ${UNIT_NAME[kind]}`, min: String(min), max: String(max) } }];
    }
    return [];
  },
};
export default taskSizeRange;
