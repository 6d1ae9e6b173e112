import type { RuleFunction } from './types';
import { isObject } from '../model/object';

interface Options {
  /** The string member of each list item that is classified. */
  field: string;
  /** Values of one kind; every other value is of the other kind. */
  group: string[];
  /** Names of the two kinds, for messages. */
  groupName: string;
  otherName: string;
}

/**
 * Reports a list whose items' `field` values are of both kinds (in `group` and not), at the first
 * item whose kind differs from the first item's. Values that are not strings are skipped.
 */
const mixesGroup: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'group', 'groupName', 'otherName'],
    properties: {
      field: { type: 'string', minLength: 1 },
      group: { type: 'array', minItems: 1, items: { type: 'string' } },
      groupName: { type: 'string', minLength: 1 },
      otherName: { type: 'string', minLength: 1 },
    },
  },
  check(value, { field, group, groupName, otherName }) {
    if (!Array.isArray(value)) return [];
    let first: { inGroup: boolean; name: string } | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const v = isObject(item) ? item[field] : undefined;
      if (typeof v !== 'string') continue;
      const inGroup = group.includes(v);
      if (!first) first = { inGroup, name: v };
      else if (first.inGroup !== inGroup) {
        return [{ path: [i, field], data: { first: JSON.stringify(first.name), firstKind: first.inGroup ? groupName : otherName, kind: inGroup ? groupName : otherName } }];
      }
    }
    return [];
  },
};
export default mixesGroup;
