import type { RuleFunction } from './types';

interface Options {
  /** The member of the linked task definition whose items count together with the selected list. */
  member: string;
  max: number;
}

/**
 * For a service: reports the selected list when its items and those of the task definition's
 * `member` together exceed `max` (placement constraints count per task, from both). Without the
 * task definition, only the selected list counts; a task definition list that is unknown is not counted.
 */
const maxItemsWithTaskDefinition: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['member', 'max'],
    properties: { member: { type: 'string', minLength: 1 }, max: { type: 'integer', minimum: 0 } },
  },
  check(value, { member, max }, ctx) {
    if (!Array.isArray(value)) return [];
    const fromTd = ctx.taskDefinition?.view[member];
    const extra = Array.isArray(fromTd) ? fromTd.length : 0;
    const total = value.length + extra;
    if (total <= max) return [];
    const detail = extra > 0 ? ` (${value.length} here and ${extra} in task definition "${ctx.taskDefinition!.name}")` : '';
    return [{ data: { total: String(total), detail } }];
  },
};
export default maxItemsWithTaskDefinition;
