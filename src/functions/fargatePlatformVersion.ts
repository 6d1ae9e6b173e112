import type { RuleFunction } from './types';

interface Options {
  /** Platform versions AWS accepts for Linux tasks, and for Windows tasks. */
  linux: string[];
  windows: string[];
}

/**
 * Checks a service's platformVersion: only Fargate uses one (a known EC2 or EXTERNAL launch type, or
 * Auto Scaling group providers only, is reported), and it must be one the operating system of the
 * task definition accepts (either list when the task definition is not at hand).
 */
const fargatePlatformVersion: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['linux', 'windows'],
    properties: { linux: { type: 'array', minItems: 1, items: { type: 'string' } }, windows: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  check(value, { linux, windows }, ctx) {
    if (typeof value !== 'string') return [];
    if (ctx.target.fargate === false) return [{ data: { problem: 'is used only by Fargate, and this service does not run on Fargate' } }];
    const os = ctx.target.os;
    const allowed = os === 'WINDOWS' ? windows : os === 'LINUX' ? linux : [...new Set([...linux, ...windows])];
    if (allowed.includes(value)) return [];
    const which = os === 'WINDOWS' ? 'Windows ' : os === 'LINUX' ? 'Linux ' : '';
    return [{ data: { problem: `is not a ${which}Fargate platform version (use ${allowed.join(', ')})` } }];
  },
};
export default fargatePlatformVersion;
