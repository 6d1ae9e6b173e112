import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { numeric } from './numeric';

interface Options {
  /** The maximumPercent a DAEMON service should keep. */
  daemonMaximum: number;
}

/**
 * Checks a service's deploymentConfiguration: minimumHealthyPercent above maximumPercent (no
 * deployment could make progress), and, for a DAEMON service, a maximumPercent other than
 * `daemonMaximum`. Values that are not numbers are skipped.
 */
const deploymentPercentages: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['daemonMaximum'],
    properties: { daemonMaximum: { type: 'integer', minimum: 0 } },
  },
  check(value, { daemonMaximum }, ctx) {
    if (!isObject(value)) return [];
    const out: FunctionResult[] = [];
    const min = numeric(value.minimumHealthyPercent);
    const max = numeric(value.maximumPercent);
    if (min !== undefined && max !== undefined && min > max) {
      out.push({ path: ['minimumHealthyPercent'], data: { problem: `minimumHealthyPercent ${min} is above maximumPercent ${max}` } });
    }
    if (ctx.document.schedulingStrategy === 'DAEMON' && max !== undefined && max !== daemonMaximum) {
      out.push({ path: ['maximumPercent'], data: { problem: `a DAEMON service should keep maximumPercent at ${daemonMaximum} (found ${max})` } });
    }
    return out;
  },
};
export default deploymentPercentages;
