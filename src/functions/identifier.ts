import type { RuleFunction } from './types';
import { collect } from './collect';
import { containerLabel } from './port-mappings';

interface Options {
  maxLength?: number;
  /** A pattern the whole name must match, and how to describe it in a message. */
  pattern?: string;
  patternDescription?: string;
  /**
   * A member path from the document root to every name of the same kind
   * (`containerDefinitions[*].portMappings[*].name`): the name must differ from all earlier ones.
   */
  uniqueAmong?: string;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)));
  return re;
}

const samePath = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));

/**
 * Checks a name string: its length, its form, and that no earlier name of the same kind in the task
 * definition is the same (the later one is reported). All problems of a name make one finding. Names that cannot be known statically take
 * no part in the comparison.
 */
const identifier: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      maxLength: { type: 'integer', minimum: 1 },
      pattern: { type: 'string', minLength: 1 },
      patternDescription: { type: 'string', minLength: 1 },
      uniqueAmong: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
    },
    dependencies: { pattern: ['patternDescription'] },
  },
  check(value, { maxLength, pattern, patternDescription, uniqueAmong }, ctx) {
    if (typeof value !== 'string') return [];
    const problems: string[] = [];
    if (maxLength !== undefined && value.length > maxLength) problems.push(`is longer than ${maxLength} characters`);
    if (pattern !== undefined && !compiled(pattern).test(value)) problems.push(`must be ${patternDescription}`);
    if (uniqueAmong !== undefined) {
      for (const { value: other, path } of collect(ctx.document, uniqueAmong).values) {
        if (samePath(path, ctx.path)) break;
        if (other === value) {
          const where = path[0] === 'containerDefinitions' && typeof path[1] === 'number' ? ` by container "${containerLabel(ctx.document, path[1])}"` : '';
          problems.push(`is already used${where}`);
          break;
        }
      }
    }
    // The report keeps one finding per place, so the problems of one name are joined.
    return problems.length > 0 ? [{ data: { problem: problems.join(', and ') } }] : [];
  },
};
export default identifier;
