import type { FunctionContext, FunctionResult, RuleFunction } from './types';
import type { Segment } from '../model/path';
import { isObject } from '../model/object';
import { collect } from './collect';
import { isCertainlySet } from './is-set';
import { ordinal } from '../model/text';
import { Unknown } from '../model/unknown';

/** One listed member, as a fact table gives it. */
interface Entry {
  /** Its name for messages: the documentation's parameter name, or the feature it stands for. */
  parameter?: string;
  feature?: string;
  /** Where it sits, as JSONPaths from the unit's root (`$.containerDefinitions[*].links`). */
  paths: string[];
  /** Only these values are reported (otherwise any value that is set). */
  values?: Array<string | number | boolean>;
  /** Only string values that match this pattern are reported. */
  pattern?: string;
  /** Only for tasks on this operating system. */
  os?: 'LINUX' | 'WINDOWS';
  /** Only for this kind of input (`task-definition`, `service`). */
  appliesTo?: string;
}

interface Options {
  entries: Entry[];
  /** Check only the entries for this kind of input. */
  appliesTo?: string;
  /** Check only the entries with these names. */
  only?: string[];
}

const nameOf = (e: Entry) => e.parameter ?? e.feature ?? e.paths[0];

/**
 * Who sets the member, for messages, the way the engine names containers and volumes: `Container "web"`,
 * `The 2nd container (no Name)` (the name member as the unit writes it), `Volume "data"`, else `The task`
 * or `The service`.
 */
function subjectOf(ctx: FunctionContext, path: readonly Segment[], appliesTo: string | undefined): string {
  const noun = path[0] === 'containerDefinitions' ? 'container' : path[0] === 'volumes' ? 'volume' : undefined;
  if (noun === undefined || typeof path[1] !== 'number') return appliesTo === 'service' ? 'The service' : 'The task';
  const list = ctx.document[path[0] as string];
  const item = Array.isArray(list) ? list[path[1]] : undefined;
  const name = isObject(item) ? item.name : undefined;
  const Noun = noun === 'container' ? 'Container' : 'Volume';
  if (name instanceof Unknown) return `${Noun} "${name.label}"`;
  if (typeof name === 'string' && name !== '') return `${Noun} ${JSON.stringify(name)}`;
  const nameMember = ctx.unit.written([path[0], path[1], 'name']).pop() ?? 'name';
  return `The ${ordinal(path[1] + 1)} ${noun} (no ${nameMember})`;
}

/**
 * Reports the members a list names (a fact table of unsupported parameters) wherever the unit sets them:
 * each value at an entry's paths that is certainly set, or, when the entry lists values or a pattern,
 * that matches them. Values that cannot be known statically are not reported.
 */
const listedMembers: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['entries'],
    properties: {
      entries: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['paths'],
          anyOf: [{ required: ['parameter'] }, { required: ['feature'] }],
          properties: {
            parameter: { type: 'string', minLength: 1 },
            feature: { type: 'string', minLength: 1 },
            paths: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\$\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\*\\])?)*$' } },
            values: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
            pattern: { type: 'string', minLength: 1 },
            os: { enum: ['LINUX', 'WINDOWS'] },
            appliesTo: { type: 'string', minLength: 1 },
          },
        },
      },
      appliesTo: { type: 'string', minLength: 1 },
      only: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
  check(value, { entries, appliesTo, only }, ctx) {
    if (!isObject(value) || ctx.path.length > 0) return [];
    const out: FunctionResult[] = [];
    for (const entry of entries) {
      if (appliesTo !== undefined && entry.appliesTo !== undefined && entry.appliesTo !== appliesTo) continue;
      if (only !== undefined && !only.includes(nameOf(entry))) continue;
      if (entry.os !== undefined && ctx.target.os !== entry.os) continue;
      const pattern = entry.pattern === undefined ? undefined : new RegExp(entry.pattern);
      for (const p of entry.paths) {
        for (const found of collect(value, p.slice(2)).values) {
          const reported = entry.values ? entry.values.includes(found.value as string) : pattern ? typeof found.value === 'string' && pattern.test(found.value) : isCertainlySet(found.value);
          if (reported) out.push({ path: found.path, data: { parameter: nameOf(entry), subject: subjectOf(ctx, found.path, appliesTo) } });
        }
      }
    }
    return out;
  },
};
export default listedMembers;
