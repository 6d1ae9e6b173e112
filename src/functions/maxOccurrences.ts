import type { RuleFunction } from './types';
import { collect } from './collect';
import { isSet } from './is-set';
import { containerLabel } from './port-mappings';

interface Options {
  /** Member path from the document root to every value of the kind, e.g. `containerDefinitions[*].firelensConfiguration`. */
  of: string;
  /** How many of them a task definition may have. */
  max: number;
}

const samePath = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/**
 * Reports the selected value when at least `max` set values of the same kind come before it in the
 * task definition; values that cannot be known statically are not counted.
 */
const maxOccurrences: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['of', 'max'],
    properties: {
      of: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
      max: { type: 'integer', minimum: 1 },
    },
  },
  check(value, { of, max }, ctx) {
    if (!isSet(value)) return [];
    const before = [];
    for (const v of collect(ctx.document, of).values) {
      if (samePath(v.path, ctx.path)) break;
      if (isSet(v.value)) before.push(v.path);
    }
    if (before.length < max) return [];
    const first = before[0];
    const firstContainer = first[0] === 'containerDefinitions' && typeof first[1] === 'number' ? containerLabel(ctx.document, first[1]) : '';
    return [{ data: { nth: String(before.length + 1), max: String(max), first: firstContainer } }];
  },
};
export default maxOccurrences;
