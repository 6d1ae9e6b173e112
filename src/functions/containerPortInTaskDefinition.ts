import type { RuleFunction } from './types';
import { perDocument } from './collect';
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
/** A message lists at most this many names or ports. */
const SHOWN = 10;

function shortList(items: readonly string[], quoted = true): string {
  const shown = items.slice(0, SHOWN).map((s) => (quoted ? JSON.stringify(s) : s));
  return shown.join(', ') + (items.length > SHOWN ? ` and ${items.length - SHOWN} more` : '');
}

/**
 * The task definition's containers by name (the last of a repeated name, as ECS would read it),
 * once per task definition: each load balancer entry is looked up, not searched for. Undefined when
 * a container or its name cannot be known statically.
 */
function containersByName(document: Record<string, unknown>) {
  return perDocument(document, 'containerPortInTaskDefinition', () => {
    const containers = document.containerDefinitions;
    if (!Array.isArray(containers)) return undefined;
    const byName = new Map<string, Record<string, unknown>>();
    const names: string[] = [];
    for (const c of containers) {
      if (!isObject(c) || c.name instanceof Unknown) return undefined;
      if (typeof c.name === 'string') {
        byName.set(c.name, c);
        names.push(c.name);
      }
    }
    return { byName, names };
  });
}

/** The container ports a container's mappings give, once per container; undefined when one cannot be known statically. */
function mappedPorts(container: Record<string, unknown>) {
  return perDocument(container, 'containerPortInTaskDefinition\0ports', () => {
    const mappings = container.portMappings;
    if (mappings instanceof Unknown) return undefined;
    const ports = new Set<number>();
    const ranges: Array<[number, number]> = [];
    const shown: string[] = [];
    for (const m of Array.isArray(mappings) ? mappings : []) {
      if (!isObject(m)) return undefined;
      if (m.containerPort instanceof Unknown || m.containerPortRange instanceof Unknown) return undefined;
      const p = portNumber(m.containerPort);
      const range = parsePortRange(m.containerPortRange);
      if (p !== undefined) {
        ports.add(p);
        shown.push(String(p));
      }
      if (range) {
        if (range.first <= range.last) ranges.push([range.first, range.last]);
        shown.push(`${range.first}-${range.last}`);
      }
    }
    // Ranges merged and sorted, so that a port is found by binary search.
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    const has = (port: number): boolean => {
      if (ports.has(port)) return true;
      let lo = 0;
      let hi = merged.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (port < merged[mid][0]) hi = mid - 1;
        else if (port > merged[mid][1]) lo = mid + 1;
        else return true;
      }
      return false;
    };
    return { has, shown };
  });
}

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
    const containers = containersByName(ctx.taskDefinition.view);
    if (!containers) return [];
    const taskDefinition = ctx.taskDefinition.name;
    const container = containers.byName.get(name);
    if (!container) {
      return [{ path: [containerField], data: { taskDefinition, problem: `no container named ${JSON.stringify(name)} (it has ${shortList(containers.names) || 'none'})` } }];
    }
    const port = portNumber(value[portField]);
    if (port === undefined) return [];
    const mapped = mappedPorts(container);
    if (!mapped || mapped.has(port)) return [];
    return [
      {
        path: [portField],
        data: { taskDefinition, problem: `no port mapping for container port ${port} in container ${JSON.stringify(name)} (it maps ${shortList(mapped.shown, false) || 'no ports'})` },
      },
    ];
  },
};
export default containerPortInTaskDefinition;
