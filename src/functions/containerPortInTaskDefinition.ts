import type { RuleFunction } from './types';
import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';
import { parsePortRange, portNumber } from './port-mappings';

interface Options {
  /** Members of the selected object naming the container and its port. */
  containerField: string;
  portField: string;
}

/**
 * For a service's load balancer (or registry) entry: reports a container name that the linked task
 * definition does not define, or a container port that none of that container's port mappings
 * (containerPort or containerPortRange) gives. Silent when the task definition is not at hand or
 * any part of it that could hold the name or port is unknown.
 */
const containerPortInTaskDefinition: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['containerField', 'portField'],
    properties: { containerField: { type: 'string', minLength: 1 }, portField: { type: 'string', minLength: 1 } },
  },
  check(value, { containerField, portField }, ctx) {
    if (!isObject(value) || !ctx.taskDefinition) return [];
    const name = value[containerField];
    if (typeof name !== 'string') return [];
    const containers = ctx.taskDefinition.view.containerDefinitions;
    if (!Array.isArray(containers)) return [];
    const taskDefinition = ctx.taskDefinition.name;
    let container: Record<string, unknown> | undefined;
    for (const c of containers) {
      if (!isObject(c) || c.name instanceof Unknown) return [];
      if (c.name === name) container = c;
    }
    if (!container) {
      const known = containers.map((c) => (c as Record<string, unknown>).name).filter((n): n is string => typeof n === 'string');
      return [{ path: [containerField], data: { taskDefinition, problem: `no container named ${JSON.stringify(name)} (it has ${known.map((n) => JSON.stringify(n)).join(', ') || 'none'})` } }];
    }
    const port = portNumber(value[portField]);
    if (port === undefined) return [];
    const mappings = container.portMappings;
    if (mappings instanceof Unknown) return [];
    const ports: string[] = [];
    for (const m of Array.isArray(mappings) ? mappings : []) {
      if (!isObject(m)) return [];
      if (m.containerPort instanceof Unknown || m.containerPortRange instanceof Unknown) return [];
      const p = portNumber(m.containerPort);
      const range = parsePortRange(m.containerPortRange);
      if (p === port || (range && port >= range.first && port <= range.last)) return [];
      if (p !== undefined) ports.push(String(p));
      if (range) ports.push(`${range.first}-${range.last}`);
    }
    return [{ path: [portField], data: { taskDefinition, problem: `no port mapping for container port ${port} in container ${JSON.stringify(name)} (it maps ${ports.join(', ') || 'no ports'})` } }];
  },
};
export default containerPortInTaskDefinition;
