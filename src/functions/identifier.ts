import type { RuleFunction } from './types';
import { collect, pathKey, perDocument } from './collect';
import { containerLabel } from './port-mappings';
import { userRegExp } from '../regexp/user-regexp';

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

/** The names at a member path in document order, where each first occurs, and where each place is in the order. */
function nameIndex(document: Record<string, unknown>, path: string) {
  return perDocument(document, `identifier\0${path}`, () => {
    const { values } = collect(document, path);
    const first = new Map<unknown, number>();
    const position = new Map<string, number>();
    values.forEach((v, i) => {
      if (!first.has(v.value)) first.set(v.value, i);
      position.set(pathKey(v.path), i);
    });
    return { values, first, position };
  });
}

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
      pattern: { type: 'string', minLength: 1, format: 'regex' },
      patternDescription: { type: 'string', minLength: 1 },
      uniqueAmong: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
    },
    dependencies: { pattern: ['patternDescription'] },
  },
  check(value, { maxLength, pattern, patternDescription, uniqueAmong }, ctx) {
    if (typeof value !== 'string') return [];
    const problems: string[] = [];
    if (maxLength !== undefined && value.length > maxLength) problems.push(`is longer than ${maxLength} characters`);
    if (pattern !== undefined && !userRegExp(pattern).test(value)) problems.push(`must be ${patternDescription}`);
    if (uniqueAmong !== undefined) {
      // The first earlier name that is the same: the first occurrence of the name, if it comes before this one.
      const index = nameIndex(ctx.document, uniqueAmong);
      const own = index.position.get(pathKey(ctx.path)) ?? Infinity;
      const first = index.first.get(value);
      if (first !== undefined && first < own) {
        const path = index.values[first].path;
        const where = path[0] === 'containerDefinitions' && typeof path[1] === 'number' ? ` by container "${containerLabel(ctx.document, path[1])}"` : '';
        problems.push(`is already used${where}`);
      }
    }
    // The report keeps one finding per place, so the problems of one name are joined.
    return problems.length > 0 ? [{ data: { problem: problems.join(', and ') } }] : [];
  },
};
export default identifier;
