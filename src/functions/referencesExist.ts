import type { RuleFunction } from './types';
import { collectNames } from './collect';
import { userRegExp } from '../regexp/user-regexp';

interface Options {
  /** Member path from the document root to the names a reference may use, e.g. `containerDefinitions[*].name`. */
  names: string;
  /** What the names name, for messages: "container", "volume", "device". */
  noun: string;
  /** The reference sits inside an item of the `names` list and must not name that item itself. */
  notSelf?: boolean;
  /** A pattern the whole reference must match, and how to describe it in a message. */
  format?: string;
  formatDescription?: string;
  /** The name is the part before the first occurrence of this separator (links are `name:alias`). */
  separator?: string;
}

/**
 * The name of the list item the checked value sits in (for `containerDefinitions[*].name`, the
 * name of the container whose dependsOn or volumesFrom holds it), if it does sit in one.
 */
function ownName(document: Record<string, unknown>, namesPath: string, at: readonly (string | number)[]): unknown {
  const m = /^([A-Za-z0-9]+)\[\*\]\.([A-Za-z0-9]+)$/.exec(namesPath);
  if (!m || at.length < 2 || at[0] !== m[1]) return undefined;
  const list = document[m[1]];
  const item = Array.isArray(list) ? list[Number(at[1])] : undefined;
  return item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[m[2]] : undefined;
}

/**
 * Checks that a string names an item of a list elsewhere in the document (a container, a volume,
 * a device): optionally in a given format, and not the item the reference sits in. When the list,
 * or any name in it, cannot be known statically, a missing name is not reported.
 */
const referencesExist: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['names', 'noun'],
    properties: {
      names: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
      noun: { type: 'string', minLength: 1 },
      notSelf: { type: 'boolean' },
      format: { type: 'string', minLength: 1, format: 'regex' },
      formatDescription: { type: 'string', minLength: 1 },
      separator: { type: 'string', minLength: 1 },
    },
    dependencies: { format: ['formatDescription'] },
  },
  check(value, { names: namesPath, noun, notSelf = false, format, formatDescription, separator }, ctx) {
    // An empty string is an unset reference: the rules on required members report it.
    if (typeof value !== 'string' || value === '') return [];
    if (format !== undefined && !userRegExp(format).test(value)) {
      return [{ data: { name: JSON.stringify(value), problem: `is not in the form ${formatDescription}` } }];
    }
    const name = separator !== undefined && value.includes(separator) ? value.slice(0, value.indexOf(separator)) : value;
    const shown = JSON.stringify(name);
    if (notSelf && ownName(ctx.document, namesPath, ctx.path) === name) {
      return [{ data: { name: shown, problem: `is the ${noun} itself` } }];
    }
    const { names, unknown } = collectNames(ctx.document, namesPath);
    if (unknown || names.has(name)) return [];
    return [{ data: { name: shown, problem: `is not a ${noun} of this task definition` } }];
  },
};
export default referencesExist;
