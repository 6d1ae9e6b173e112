import type { FunctionResult, RuleFunction } from './types';
import { collect } from './collect';
import { isObject } from '../model/object';
import { parseInteger, parseTaskSize, SizeKind, UNIT_NAME } from './task-size';
import { Unknown } from '../model/unknown';

interface Options {
  /** The task-level limit (`cpu` or `memory`), read as a task size of this kind. */
  limit: SizeKind;
  /** The list whose items share the limit. */
  items: string;
  /** What each item takes from the limit: the first of these members that it sets. */
  terms: string[];
  /** A member that, on its own, may not exceed the limit in any item (a hard memory limit). */
  each?: string;
}

/**
 * Checks that the items of a list (containers) fit in a task-level size: the sum of what each
 * takes (its first set `terms` member) may not exceed the limit, and no item's `each` member may
 * either. The sum is reported once, at the item that takes it over the limit. If the limit, or
 * any term the sum needs, cannot be known statically, the sum is not checked.
 */
const sumWithin: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['limit', 'items', 'terms'],
    properties: {
      limit: { enum: ['cpu', 'memory'] },
      items: { type: 'string', minLength: 1 },
      terms: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      each: { type: 'string', minLength: 1 },
    },
  },
  check(value, { limit: kind, items, terms, each }) {
    if (!isObject(value)) return [];
    const limit = parseTaskSize(value[kind], kind);
    if (limit === undefined) return [];
    const unit = UNIT_NAME[kind];
    const { values, unknown } = collect(value, `${items}[*]`);
    const results: FunctionResult[] = [];

    if (each !== undefined) {
      for (const { value: item, path } of values) {
        if (!isObject(item)) continue;
        const own = parseInteger(item[each]);
        if (own !== undefined && own > limit) {
          results.push({ path: [...path, each], data: { detail: `${each} ${own} ${unit} alone exceeds the task ${kind} of ${limit} ${unit}` } });
        }
      }
    }

    if (unknown) return results;
    let total = 0;
    for (const { value: item, path } of values) {
      if (!isObject(item)) return results;
      const term = terms.find((t) => item[t] !== undefined && item[t] !== null);
      if (term === undefined) continue;
      if (item[term] instanceof Unknown) return results;
      const amount = parseInteger(item[term]);
      if (amount === undefined) return results;
      total += amount;
      if (total > limit) {
        // A container whose own limit is already reported makes the sum's report redundant.
        if (results.some((r) => r.path!.join('/') === [...path, term].join('/'))) break;
        results.push({
          path: [...path, term],
          data: { detail: `${term} ${amount} brings the containers' total to ${total} ${unit}, above the task ${kind} of ${limit} ${unit}` },
        });
        break;
      }
    }
    return results;
  },
};
export default sumWithin;
