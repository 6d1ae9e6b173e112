import type { FunctionResult, RuleFunction } from './types';
import { userRegExp } from '../regexp/user-regexp';

interface Options {
  /** The member of each selected element that holds key/value entries (e.g. systemControls). */
  list: string;
  /** The entry member naming the setting (e.g. namespace). */
  key: string;
  /** The entry member holding its value (e.g. value). */
  value: string;
  /** Only keys matching this pattern are compared (e.g. `^net\.` for settings a task shares). */
  keyPattern?: string;
}

/**
 * The selected value is a list of elements (containers) that each set key/value entries which, in
 * fact, apply to all of them together. Reports every entry that gives a key another element
 * already gave a different value, at that entry's value. Keys that are not plain strings, and
 * values that are neither strings nor numbers, are skipped: they cannot be compared.
 */
const conflictingEntries: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['list', 'key', 'value'],
    properties: {
      list: { type: 'string', minLength: 1 },
      key: { type: 'string', minLength: 1 },
      value: { type: 'string', minLength: 1 },
      keyPattern: { type: 'string', minLength: 1, format: 'regex' },
    },
  },
  check(selected, { list, key, value, keyPattern }) {
    if (!Array.isArray(selected)) return [];
    const pattern = keyPattern !== undefined ? userRegExp(keyPattern) : undefined;
    const first = new Map<string, { element: number; value: string }>();
    const out: FunctionResult[] = [];
    for (let i = 0; i < selected.length; i++) {
      const element = selected[i];
      if (element === null || typeof element !== 'object' || Array.isArray(element)) continue;
      const entries = (element as Record<string, unknown>)[list];
      if (!Array.isArray(entries)) continue;
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j];
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
        const k = (entry as Record<string, unknown>)[key];
        const raw = (entry as Record<string, unknown>)[value];
        if (typeof k !== 'string' || (typeof raw !== 'string' && typeof raw !== 'number') || (pattern && !pattern.test(k))) continue;
        const v = String(raw);
        const seen = first.get(k);
        if (!seen) first.set(k, { element: i, value: v });
        else if (seen.element !== i && seen.value !== v) {
          const name = (selected[seen.element] as Record<string, unknown>).name;
          out.push({ path: [i, list, j, value], data: { key: k, other: typeof name === 'string' ? name : `#${seen.element + 1}`, otherValue: JSON.stringify(seen.value) } });
        }
      }
    }
    return out;
  },
};
export default conflictingEntries;
