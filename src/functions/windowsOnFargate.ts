import type { RuleFunction } from './types';

/**
 * Reports where a Windows task is made to run on Fargate: its requiresCompatibilities; in a describe
 * output without it, the `compatibilities` ECS recorded; otherwise the would-be place of
 * requiresCompatibilities, when --launch-type chose Fargate.
 */
const windowsOnFargate: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value) {
    const td = value as Record<string, unknown>;
    const field = td.requiresCompatibilities !== undefined && td.requiresCompatibilities !== null ? 'requiresCompatibilities' : 'compatibilities';
    const list = td[field];
    if (Array.isArray(list) && list.includes('FARGATE')) return [{ path: [field], data: { field } }];
    return [{ path: ['requiresCompatibilities'], data: { field: 'launch type', value: 'FARGATE' } }];
  },
};
export default windowsOnFargate;
