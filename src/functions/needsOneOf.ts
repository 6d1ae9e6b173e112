import type { RuleFunction } from './types';
import { isObject } from '../model/object';

interface Options {
  /** Members of which the selected object must set at least one to something other than 0, false or "". */
  fields: string[];
  /** A task-level member that, when set (or not known statically), lifts the requirement. */
  unlessTaskSets?: string;
}

const isGiven = (v: unknown) => v !== undefined && v !== null && v !== 0 && v !== false && v !== '' && v !== '0';

/**
 * Reports the selected object (a container) when it sets none of `fields` (e.g. neither memory
 * nor memoryReservation), unless the task sets `unlessTaskSets`. Unknown values count as set.
 */
const needsOneOf: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: {
      fields: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
      unlessTaskSets: { type: 'string', minLength: 1 },
    },
  },
  check(value, { fields, unlessTaskSets }, ctx) {
    if (!isObject(value)) return [];
    if (unlessTaskSets !== undefined && isGiven(ctx.document[unlessTaskSets])) return [];
    if (fields.some((f) => isGiven(value[f]))) return [];
    return [{ data: { fields: fields.join(' or ') } }];
  },
};
export default needsOneOf;
