import type { RuleFunction } from './types';
import { isObject } from '../model/object';

/**
 * Reports where a Windows task is made to run on Fargate: its requiresCompatibilities; in a describe
 * output without it, the `compatibilities` ECS recorded; otherwise the would-be place of
 * requiresCompatibilities, when --launch-type chose Fargate. A written list without FARGATE is not
 * Fargate, whatever the launch type.
 */
const windowsOnFargate: RuleFunction = {
  optionsSchema: { type: 'object', additionalProperties: false },
  check(value) {
    if (!isObject(value)) return [];
    const field = value.requiresCompatibilities !== undefined && value.requiresCompatibilities !== null ? 'requiresCompatibilities' : 'compatibilities';
    const list = value[field];
    if (Array.isArray(list)) return list.includes('FARGATE') ? [{ path: [field], data: { field } }] : [];
    return [{ path: ['requiresCompatibilities'], data: { field: 'launch type', value: 'FARGATE' } }];
  },
};
export default windowsOnFargate;
