import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';

type Values = Record<string, string[]>;

interface Options {
  /** The member of the selected object that holds the map (`options`); omitted: the selected value is the map. */
  map?: string;
  /** Keys the map must have; reported at their would-be place, also when the whole map is missing. */
  required?: string[];
  /** Values each key may have. */
  allowed?: Values;
  /** Values each key may have when the task can run on Fargate. */
  allowedOnFargate?: Values;
  /** Values each key must not have. */
  forbidden?: Values;
  /** Groups of keys that go together: a map with one of them needs the others. */
  together?: string[][];
  /** A key is only valid when another key has one of the listed values: `{ max-buffer-size: { mode: [non-blocking] } }`. */
  requires?: Record<string, Values>;
  /** Values that keys take when they are left out, for `requires`. */
  defaults?: Record<string, string>;
}

const show = (v: unknown) => JSON.stringify(v);
const list = (vs: string[]) => vs.map(show).join(', ');

/**
 * Checks a map of string options (a log configuration's or a FireLens configuration's `options`):
 * required keys, allowed and forbidden values, keys that go together, and keys that depend on
 * another key's value. Keys whose value cannot be known statically count as present but their
 * value is not judged; a map that cannot be known statically is not checked. Each finding is at
 * the key concerned and carries `key`, `keys` (quoted), `option` ("option" or "options") and
 * `problem` for the message; required keys of a missing map make one finding at the map's place.
 */
const optionMap: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    definitions: {
      values: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', minItems: 1, items: { type: 'string' } } },
    },
    properties: {
      map: { type: 'string', minLength: 1 },
      required: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      allowed: { $ref: '#/definitions/values' },
      allowedOnFargate: { $ref: '#/definitions/values' },
      forbidden: { $ref: '#/definitions/values' },
      together: { type: 'array', minItems: 1, items: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 } } },
      requires: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/definitions/values' } },
      defaults: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  check(value, options, ctx) {
    const holder = options.map === undefined ? undefined : value;
    if (holder !== undefined && !isObject(holder)) return [];
    const raw = holder !== undefined ? holder[options.map!] : value;
    if (raw instanceof Unknown) return [];
    if (raw !== undefined && raw !== null && !isObject(raw)) return [];
    const map: Record<string, unknown> = isObject(raw) ? raw : {};
    const prefix = options.map !== undefined ? [options.map] : [];
    const has = (k: string) => Object.hasOwn(map, k) && map[k] !== undefined && map[k] !== null;
    const out: FunctionResult[] = [];
    const report = (key: string, problem: string) => out.push({ path: [...prefix, key], data: { key, keys: show(key), option: 'option', problem } });

    const missing = (options.required ?? []).filter((k) => !has(k));
    if (missing.length > 0 && holder !== undefined && !isObject(raw)) {
      // Without the map there is no place for each key: one finding at the map's would-be place names them all.
      const keys = missing.map(show).join(' and ');
      out.push({ path: prefix, data: { key: missing[0], keys, option: missing.length > 1 ? 'options' : 'option', problem: `${keys} ${missing.length > 1 ? 'are' : 'is'} required` } });
    } else {
      for (const key of missing) report(key, `"${key}" is required`);
    }

    const judge = (values: Values | undefined, ok: (allowed: string[], v: string) => boolean, problem: (key: string, v: string, listed: string[]) => string) => {
      for (const [key, listed] of Object.entries(values ?? {})) {
        const v = map[key];
        if (typeof v === 'string' && !ok(listed, v)) report(key, problem(key, v, listed));
      }
    };
    judge(
      options.allowed,
      (a, v) => a.includes(v),
      (k, v, a) => `"${k}" is ${show(v)}; it must be one of ${list(a)}`,
    );
    if (ctx.target.fargate === true) {
      judge(
        options.allowedOnFargate,
        (a, v) => a.includes(v),
        (k, v, a) => `"${k}" is ${show(v)}, which Fargate does not support (use ${list(a)})`,
      );
    }
    judge(
      options.forbidden,
      (f, v) => !f.includes(v),
      (k, v) => `"${k}" must not be ${show(v)}`,
    );

    for (const group of options.together ?? []) {
      const present = group.filter(has);
      if (present.length === 0) continue;
      for (const key of group.filter((k) => !has(k))) report(key, `"${key}" is required with "${present[0]}"`);
    }

    for (const [key, conditions] of Object.entries(options.requires ?? {})) {
      if (!has(key)) continue;
      for (const [other, wanted] of Object.entries(conditions)) {
        const given = has(other) ? map[other] : options.defaults?.[other];
        if (given instanceof Unknown) continue;
        if (typeof given === 'string' && wanted.includes(given)) continue;
        if (given !== undefined && typeof given !== 'string') continue;
        const found = given === undefined ? `"${other}" is not set` : `"${other}" is ${show(given)}`;
        report(key, `"${key}" needs "${other}" set to ${list(wanted)} (${found})`);
      }
    }
    return out;
  },
};
export default optionMap;
