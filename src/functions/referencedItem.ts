import type { RuleFunction } from './types';
import { collect, perDocument } from './collect';
import { isObject } from '../model/object';
import { isSet } from './is-set';
import { Unknown } from '../model/unknown';
import { asBoolean } from './scalar';

interface Options {
  /** Member path from the document root to the list of items that references name, e.g. `containerDefinitions`. */
  items: string;
  /** The member of each item that holds its name. */
  key: string;
  /** The member of the selected object that holds the reference. */
  ref: string;
  /** What the named item must have: `field` equal to `equals` (an omitted field is not equal), or `field` set. */
  require: { field: string; equals?: string | number | boolean; set?: true };
  /** The member of the selected object to report at (default: `ref`). */
  at?: string;
}

/**
 * Checks that the item a reference names meets a requirement: a dependsOn COMPLETE target must
 * be essential: false, a HEALTHY target must have a healthCheck. A reference to no item, to the
 * item it sits in, or to a name several items share is left to the rules about those; an item
 * whose required field cannot be known statically is not reported.
 */
const referencedItem: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'key', 'ref', 'require'],
    properties: {
      items: { type: 'string', minLength: 1 },
      key: { type: 'string', minLength: 1 },
      ref: { type: 'string', minLength: 1 },
      at: { type: 'string', minLength: 1 },
      require: {
        type: 'object',
        additionalProperties: false,
        required: ['field'],
        properties: {
          field: { type: 'string', minLength: 1 },
          equals: { type: ['string', 'number', 'boolean'] },
          set: { const: true },
        },
        oneOf: [{ required: ['equals'] }, { required: ['set'] }],
      },
    },
  },
  check(value, { items, key, ref, require, at }, ctx) {
    if (!isObject(value)) return [];
    const name = value[ref];
    if (typeof name !== 'string' || name === '') return [];
    const { values, unknown } = collect(ctx.document, `${items}[*]`);
    if (unknown) return [];
    // The items by name, once per document: a reference is looked up, not searched for.
    const byName = perDocument(ctx.document, `referencedItem\0${items}\0${key}`, () => {
      const map = new Map<unknown, Array<Record<string, unknown>>>();
      for (const { value: item } of values) {
        if (!isObject(item)) continue;
        const list = map.get(item[key]);
        if (list) list.push(item);
        else map.set(item[key], [item]);
      }
      return map;
    });
    const named = byName.get(name) ?? [];
    if (named.length !== 1) return [];
    // A reference to its own item is reported by the rule on the reference itself.
    const own = ctx.path[0] === items && ctx.path.length > 1 ? values[Number(ctx.path[1])]?.value : undefined;
    if (named[0] === own) return [];
    const got = named[0][require.field];
    if (got instanceof Unknown) return [];
    const met = require.set ? isSet(got) : (typeof require.equals === 'boolean' ? asBoolean(got) : got) === require.equals;
    if (met) return [];
    return [{ path: [at ?? ref], data: { target: JSON.stringify(name), field: require.field } }];
  },
};
export default referencedItem;
