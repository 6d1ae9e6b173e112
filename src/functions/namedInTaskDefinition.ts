import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';
import { asBoolean } from './scalar';
import { collect, perDocument } from './collect';

interface Options {
  /** Where the named items are in the task definition, e.g. `containerDefinitions[*].portMappings[*]`. */
  items: string;
  /** The member of an item that holds its name. */
  name: string;
  /** Only items that set this boolean member to true can be named (e.g. configuredAtLaunch). */
  flag?: string;
}

/**
 * The names of the task definition's items that can be named; undefined when one cannot be known statically. Once
 * per task definition and options: a service checks one name per entry against all of them.
 */
export function itemNames(view: Record<string, unknown>, options: Options): ReadonlySet<string> | undefined {
  const { items, name, flag } = options;
  return perDocument(view, `itemNames\0${items}\0${name}\0${flag ?? ''}`, () => namesOf(view, items, name, flag));
}

function namesOf(view: Record<string, unknown>, items: string, name: string, flag: string | undefined): Set<string> | undefined {
  const got = collect(view, items);
  if (got.unknown) return undefined;
  const names = new Set<string>();
  for (const { value: item } of got.values) {
    if (!isObject(item)) continue;
    if (flag !== undefined) {
      if (item[flag] instanceof Unknown) return undefined;
      if (asBoolean(item[flag]) !== true) continue;
    }
    const n = item[name];
    if (n instanceof Unknown) return undefined;
    if (typeof n === 'string') names.add(n);
  }
  return names;
}

export const itemOptionsSchema = {
  items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
  name: { type: 'string', minLength: 1 },
  flag: { type: 'string', minLength: 1 },
};

/**
 * For a service or run-task input: the selected string must name an item of the task definition it runs (a
 * port mapping for Service Connect, a volume configured at launch). Silent when the task definition is not at
 * hand or any of its candidate names cannot be known statically.
 */
const namedInTaskDefinition: RuleFunction<Options> = {
  optionsSchema: { type: 'object', additionalProperties: false, required: ['items', 'name'], properties: itemOptionsSchema },
  check(value, options, ctx) {
    if (typeof value !== 'string' || value === '' || !ctx.taskDefinition) return [];
    const names = itemNames(ctx.taskDefinition.view, options);
    if (names === undefined || names.has(value)) return [];
    const known = names.size > 0 ? knownNames(names) : 'none';
    return [{ data: { taskDefinition: ctx.taskDefinition.name, known } }];
  },
};
export default namedInTaskDefinition;

/** A message names at most this many of the task definition's names. */
const SHOWN_NAMES = 10;

function knownNames(names: ReadonlySet<string>): string {
  const shown = [...names].slice(0, SHOWN_NAMES).map((n) => JSON.stringify(n));
  return names.size > SHOWN_NAMES ? `${shown.join(', ')} and ${names.size - SHOWN_NAMES} more` : shown.join(', ');
}
