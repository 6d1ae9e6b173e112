import type { RuleFunction } from './types';
import { isSet } from './is-set';
import { Unknown } from '../model/unknown';

interface Options {
  /** Member path from the selected object (e.g. networkConfiguration, awsvpcConfiguration). */
  path: string[];
  /** Effective network modes that require the member; every other mode forbids it. */
  modes: string[];
}

/**
 * A member that one network mode requires and the others do not allow: reports it missing (at the
 * first missing segment) when the effective network mode is one of `modes`, and present (at its first
 * segment) when the mode is another. An unknown network mode, or an Unknown on the way, says nothing.
 */
const presentForNetworkMode: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'modes'],
    properties: { path: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }, modes: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  check(value, { path, modes }, ctx) {
    const mode = ctx.target.networkMode;
    if (mode === undefined || value === null || typeof value !== 'object') return [];
    // A missing member is reported at the first segment that is missing, so the pointer's parent exists.
    let node: unknown = value;
    let reached = 0;
    for (const seg of path) {
      if (node instanceof Unknown) return [];
      node = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined;
      reached++;
      if (node === undefined || node === null) break;
    }
    if (node instanceof Unknown) return [];
    const via = ctx.taskDefinition ? `task definition "${ctx.taskDefinition.name}" uses` : 'Fargate requires';
    if (modes.includes(mode)) return isSet(node) ? [] : [{ path: path.slice(0, reached), data: { problem: `is required: ${via} the ${mode} network mode` } }];
    const top = (value as Record<string, unknown>)[path[0]];
    return isSet(top) || top instanceof Unknown ? [{ path: [path[0]], data: { problem: `is not allowed: ${via} the ${mode} network mode` } }] : [];
  },
};
export default presentForNetworkMode;
