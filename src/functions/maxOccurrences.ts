import type { RuleFunction } from './types';
import { collect, pathKey, perDocument } from './collect';
import { isSet } from './is-set';
import { containerLabel } from './port-mappings';

interface Options {
  /** Member path from the document root to every value of the kind, e.g. `containerDefinitions[*].firelensConfiguration`. */
  of: string;
  /** How many of them a task definition may have. */
  max: number;
}

/** The values at a member path in document order: how many set ones come before each place, and the first set one. */
function occurrences(document: Record<string, unknown>, of: string) {
  return perDocument(document, `maxOccurrences\0${of}`, () => {
    const { values } = collect(document, of);
    const setBefore: number[] = [0];
    const position = new Map<string, number>();
    let firstSet: number | undefined;
    values.forEach((v, i) => {
      const set = isSet(v.value);
      if (set && firstSet === undefined) firstSet = i;
      setBefore.push(setBefore[i] + (set ? 1 : 0));
      position.set(pathKey(v.path), i);
    });
    return { values, setBefore, position, firstSet };
  });
}

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
    const index = occurrences(ctx.document, of);
    const own = index.position.get(pathKey(ctx.path)) ?? index.values.length;
    const before = index.setBefore[own];
    if (before < max) return [];
    const first = index.values[index.firstSet!].path;
    const firstContainer = first[0] === 'containerDefinitions' && typeof first[1] === 'number' ? containerLabel(ctx.document, first[1]) : '';
    return [{ data: { nth: String(before + 1), max: String(max), first: firstContainer } }];
  },
};
export default maxOccurrences;
