import type { RuleFunction } from './types';
import { collectNames } from './collect';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';

interface Options {
  /** The member of the selected item that holds its name. */
  key: string;
  /** Member path from the document root to the references, e.g. `containerDefinitions[*].mountPoints[*].sourceVolume`. */
  references: string;
}

/**
 * Reports the selected item (a volume) when nothing refers to it: no reference names it, or it
 * has no name for a reference to use. If any reference cannot be known statically, nothing is
 * reported: it may name the item.
 */
const referencedBy: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key', 'references'],
    properties: {
      key: { type: 'string', minLength: 1 },
      references: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' },
    },
  },
  check(value, { key, references }, ctx) {
    if (!isObject(value)) return [];
    const name = value[key];
    if (name instanceof Unknown) return [];
    if (typeof name !== 'string' || name === '') return [{ data: { problem: `it has no ${key} to refer to it by` } }];
    const { names, unknown } = collectNames(ctx.document, references);
    if (unknown || names.has(name)) return [];
    return [{ data: { problem: `no ${references.slice(references.lastIndexOf('.') + 1)} names it` } }];
  },
};
export default referencedBy;
