import type { FunctionResult, RuleFunction } from './types';

interface Options {
  maxTags: number;
  maxKeyLength: number;
  maxValueLength: number;
  /** A key prefix reserved for the provider, compared without regard to case ("aws:"). */
  reservedPrefix?: string;
}

import { isObject } from '../model/object';

/** Lengths count Unicode characters, as AWS's tag limits do. */
const length = (s: string) => [...s].length;

/**
 * Checks a list of `{key, value}` tags: how many, how long each key (1..maxKeyLength) and value
 * (up to maxValueLength), no key twice, and no key with the reserved prefix. Each problem is
 * reported at the tag member it is about; the count at the list.
 */
const tagList: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxTags', 'maxKeyLength', 'maxValueLength'],
    properties: {
      maxTags: { type: 'integer', minimum: 1 },
      maxKeyLength: { type: 'integer', minimum: 1 },
      maxValueLength: { type: 'integer', minimum: 0 },
      reservedPrefix: { type: 'string', minLength: 1 },
    },
  },
  check(value, { maxTags, maxKeyLength, maxValueLength, reservedPrefix }) {
    if (!Array.isArray(value)) return [];
    const out: FunctionResult[] = [];
    if (value.length > maxTags) out.push({ data: { problem: `${value.length} tags, more than the ${maxTags} allowed` } });
    const seen = new Set<string>();
    value.forEach((tag, i) => {
      if (!isObject(tag)) return;
      const key = tag.key;
      if (typeof key === 'string') {
        const n = length(key);
        if (n === 0 || n > maxKeyLength) out.push({ path: [i, 'key'], data: { problem: `the key ${JSON.stringify(key.slice(0, 40))} has ${n} characters; keys have 1 to ${maxKeyLength}` } });
        if (reservedPrefix && key.toLowerCase().startsWith(reservedPrefix.toLowerCase()))
          out.push({ path: [i, 'key'], data: { problem: `the key ${JSON.stringify(key)} starts with "${reservedPrefix}", which is reserved for AWS` } });
        if (seen.has(key)) out.push({ path: [i, 'key'], data: { problem: `the key ${JSON.stringify(key)} is used twice` } });
        seen.add(key);
      }
      const v = tag.value;
      if (typeof v === 'string' && length(v) > maxValueLength)
        out.push({
          path: [i, 'value'],
          data: { problem: `the value of ${JSON.stringify(typeof key === 'string' ? key : `#${i + 1}`)} has ${length(v)} characters; values have at most ${maxValueLength}` },
        });
    });
    return out;
  },
};
export default tagList;
