import type { RuleFunction } from './types';
import { collect } from './collect';
import { isSet } from './is-set';
import { userRegExp } from '../regexp/user-regexp';

interface Feature {
  /** How messages name the feature. */
  name: string;
  /** Where to look: the linked task definition (the default) or the service itself. */
  in?: 'taskDefinition' | 'service';
  /** Member path, `[*]` for every item (see collect). */
  path: string;
  /** Only these values count (otherwise any set value does). */
  values?: Array<string | number>;
  /** Only string values matching this count. */
  pattern?: string;
  /** The oldest Linux platform version that supports it. */
  minimum: string;
}

interface Options {
  /** The version LATEST stands for; without it LATEST is not checked (what it meant has changed over time). */
  latest?: string;
  features: Feature[];
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

function compare(a: string, b: string): number {
  const x = VERSION.exec(a)!.slice(1).map(Number);
  const y = VERSION.exec(b)!.slice(1).map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * For a Linux Fargate service with a written platformVersion: reports it when the task definition
 * (or the service) uses features that need a newer version, naming them. Windows platform versions
 * support every feature from their first version; an omitted or unknown version is not checked.
 */
const platformVersionFeatures: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['features'],
    properties: {
      latest: { type: 'string', pattern: VERSION.source },
      features: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'path', 'minimum'],
          properties: {
            name: { type: 'string', minLength: 1 },
            in: { enum: ['taskDefinition', 'service'] },
            path: { type: 'string', minLength: 1 },
            values: { type: 'array', minItems: 1, items: { type: ['string', 'number'] } },
            pattern: { type: 'string', minLength: 1, format: 'regex' },
            minimum: { type: 'string', pattern: VERSION.source },
          },
        },
      },
    },
  },
  check(value, { latest, features }, ctx) {
    if (typeof value !== 'string' || ctx.target.os === 'WINDOWS') return [];
    const version = value === 'LATEST' ? latest : VERSION.test(value) ? value : undefined;
    if (version === undefined) return [];
    const needs: Array<{ name: string; minimum: string }> = [];
    for (const f of features) {
      if (compare(f.minimum, version) <= 0) continue;
      const root = f.in === 'service' ? ctx.document : ctx.taskDefinition?.view;
      if (!root) continue;
      const re = f.pattern !== undefined ? userRegExp(f.pattern) : undefined;
      const used = collect(root, f.path).values.some(({ value: v }) => {
        if (f.values) return (typeof v === 'string' || typeof v === 'number') && f.values.includes(v);
        if (re) return typeof v === 'string' && re.test(v);
        return isSet(v);
      });
      if (used) needs.push({ name: f.name, minimum: f.minimum });
    }
    if (needs.length === 0) return [];
    const highest = needs.reduce((a, b) => (compare(b.minimum, a.minimum) > 0 ? b : a));
    const shown = value === 'LATEST' ? `LATEST (${latest})` : value;
    return [{ data: { version: shown, minimum: highest.minimum, features: needs.map((n) => `${n.name} (${n.minimum})`).join(', ') } }];
  },
};
export default platformVersionFeatures;
