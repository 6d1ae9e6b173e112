import type { RuleFunction } from './types';
import { Unknown } from '../model/unknown';

interface Options {
  /** Member path in the linked task definition (e.g. runtimePlatform, cpuArchitecture). */
  path: string[];
  /** Values there that conflict with the selected service setting. */
  values: string[];
}

/**
 * For a service: reports the selected value when the task definition it runs has one of `values`
 * at `path`. Silent when the task definition is not at hand or the value cannot be known.
 */
const taskDefinitionValueIn: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path', 'values'],
    properties: { path: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }, values: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  check(_value, { path, values }, ctx) {
    if (!ctx.taskDefinition) return [];
    let node: unknown = ctx.taskDefinition.view;
    for (const seg of path) {
      if (node === null || typeof node !== 'object' || node instanceof Unknown || Array.isArray(node)) return [];
      node = (node as Record<string, unknown>)[seg];
    }
    return typeof node === 'string' && values.includes(node) ? [{ data: { taskDefinition: ctx.taskDefinition.name, found: node } }] : [];
  },
};
export default taskDefinitionValueIn;
