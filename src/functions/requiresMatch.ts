import type { RuleFunction } from './types';
import { collect } from './collect';
import { isSet } from './is-set';

interface Options {
  /** Member path from the document root to the counterpart, e.g. `containerDefinitions[*].firelensConfiguration`. */
  path: string;
  /** The counterpart must equal this value (omitted: it must merely be set). */
  equals?: string | number | boolean;
}

/**
 * Reports the selected value when the task definition has no counterpart for it: nothing at
 * `path` is set (or equals `equals`). If the walk to `path` meets a value that cannot be known
 * statically, a counterpart may be hidden there, and nothing is reported.
 */
const requiresMatch: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
      equals: { type: ['string', 'number', 'boolean'] },
    },
  },
  check(value, { path, equals }, ctx) {
    if (!isSet(value)) return [];
    const { values, unknown } = collect(ctx.document, path);
    if (unknown) return [];
    const found = values.some((v) => (equals === undefined ? isSet(v.value) : v.value === equals));
    return found ? [] : [{}];
  },
};
export default requiresMatch;
