import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';

interface Options {
  /** Most target groups (entries with targetGroupArn) one service may use. */
  maxTargetGroups: number;
  /** Most Classic Load Balancers (entries with loadBalancerName) one service may use. */
  maxClassic: number;
}

/**
 * Checks a service's loadBalancers list: a Classic Load Balancer entry under the awsvpc network mode
 * (only ALB and NLB target groups work there), more than `maxClassic` Classic Load Balancers, more
 * than `maxTargetGroups` target groups. Entries that cannot be known are not counted.
 */
const loadBalancerTypes: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxTargetGroups', 'maxClassic'],
    properties: { maxTargetGroups: { type: 'integer', minimum: 1 }, maxClassic: { type: 'integer', minimum: 0 } },
  },
  check(value, { maxTargetGroups, maxClassic }, ctx) {
    if (!Array.isArray(value)) return [];
    const out: FunctionResult[] = [];
    let classic = 0;
    let targetGroups = 0;
    value.forEach((item, i) => {
      if (!isObject(item)) return;
      const name = item.loadBalancerName;
      if (name !== undefined && name !== null && name !== '') {
        classic++;
        if (ctx.target.networkMode === 'awsvpc')
          out.push({
            path: [i, 'loadBalancerName'],
            data: { problem: 'a Classic Load Balancer cannot serve tasks that use the awsvpc network mode; use an Application or Network Load Balancer target group' },
          });
        else if (classic > maxClassic) out.push({ path: [i, 'loadBalancerName'], data: { problem: `a service can use at most ${maxClassic} Classic Load Balancer${maxClassic === 1 ? '' : 's'}` } });
      }
      const arn = item.targetGroupArn;
      if (arn !== undefined && arn !== null && arn !== '' && (typeof arn === 'string' || arn instanceof Unknown)) {
        targetGroups++;
        if (targetGroups > maxTargetGroups) out.push({ path: [i, 'targetGroupArn'], data: { problem: `a service can use at most ${maxTargetGroups} target groups` } });
      }
    });
    return out;
  },
};
export default loadBalancerTypes;
