import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';

interface Options {
  /** The launch type the service asks for, and the compatibility its task definition must then list. */
  compatibility: string;
  /** Capacity providers that run that launch type (FARGATE, FARGATE_SPOT). */
  providers: string[];
}

/**
 * For a service (the selected object) that runs on `compatibility` by its launchType or a capacity
 * provider: reports when the linked task definition's requiresCompatibilities (or, in a describe
 * output, compatibilities) does not list it, at the launchType or the provider. A task definition that
 * omits requiresCompatibilities registers for EC2 only. Silent when the list cannot be known.
 */
const taskDefinitionCompatibility: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['compatibility', 'providers'],
    properties: { compatibility: { type: 'string', minLength: 1 }, providers: { type: 'array', items: { type: 'string' } } },
  },
  check(value, { compatibility, providers }, ctx) {
    if (!isObject(value) || !ctx.taskDefinition) return [];
    const td = ctx.taskDefinition.view;
    const listed: string[] = [];
    for (const field of ['requiresCompatibilities', 'compatibilities']) {
      const list = td[field];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) return [];
      for (const item of list) {
        if (typeof item !== 'string') return [];
        listed.push(item);
      }
    }
    if (listed.includes(compatibility)) return [];
    const data = { taskDefinition: ctx.taskDefinition.name, compatibility, listed: listed.length > 0 ? listed.join(', ') : 'EC2 only (requiresCompatibilities omitted)' };
    if (value.launchType === compatibility) return [{ path: ['launchType'], data }];
    const strategy = value.capacityProviderStrategy;
    if (!Array.isArray(strategy)) return [];
    const i = strategy.findIndex((item) => isObject(item) && typeof item.capacityProvider === 'string' && providers.includes(item.capacityProvider));
    return i === -1 || strategy[i] instanceof Unknown ? [] : [{ path: ['capacityProviderStrategy', i, 'capacityProvider'], data }];
  },
};
export default taskDefinitionCompatibility;
