import type { FunctionResult, RuleFunction } from './types';

interface Options {
  /** Members of the selected object that hold lists of objects, checked together in this order. */
  lists: string[];
  /** The member of each list item that must be unique across all the lists. */
  key: string;
}

/**
 * Reports every list item whose `key` repeats one seen earlier in the same or an earlier list,
 * at that item's key. Items whose key is not a plain string (an intrinsic, a placeholder) are
 * skipped: they cannot be compared; so are empty keys, which are a different problem.
 */
const uniqueAcrossLists: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['lists', 'key'],
    properties: {
      lists: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
      key: { type: 'string', minLength: 1 },
    },
  },
  check(value, { lists, key }) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    const obj = value as Record<string, unknown>;
    const seen = new Map<string, string>();
    const out: FunctionResult[] = [];
    for (const list of lists) {
      const items = obj[list];
      if (!Array.isArray(items)) continue;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const k = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : undefined;
        if (typeof k !== 'string' || k === '') continue;
        const first = seen.get(k);
        if (first === undefined) seen.set(k, list);
        else out.push({ path: [list, i, key], data: { duplicate: JSON.stringify(k), list, first } });
      }
    }
    return out;
  },
};
export default uniqueAcrossLists;
