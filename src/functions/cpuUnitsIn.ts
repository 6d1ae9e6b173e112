import type { RuleFunction } from './types';
import { parseTaskSize } from './task-size';

interface Options {
  /** The CPU units allowed. */
  allowed: number[];
}

/**
 * Reads a task-level cpu as ECS does (CPU units, or `N vCPU`) and reports it when it is not one of
 * the allowed values. A value in neither form is left to the format rule.
 */
const cpuUnitsIn: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['allowed'],
    properties: { allowed: { type: 'array', items: { type: 'number' }, minItems: 1 } },
  },
  check(value, { allowed }) {
    const units = parseTaskSize(value, 'cpu');
    if (units === undefined || allowed.includes(units)) return [];
    return [{ data: { units: String(units) } }];
  },
};
export default cpuUnitsIn;
