import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';
import { containerLabel, containerPorts, PortUse, portMappings, protocolOf, showPorts, staticHostPort } from './port-mappings';

interface Options {
  /** Which side of the mappings must not collide: the container's ports, or the static host ports. */
  port: 'container' | 'host';
  /** Which pairs of mappings are compared: in one container, in different containers, or any two. */
  pairs: 'sameContainer' | 'otherContainers' | 'any';
  /** Whether two containerPortRanges that overlap count (false leaves range-with-range overlaps to another rule). */
  rangePairs?: boolean;
}

interface Seen extends PortUse {
  container: number;
  protocol: 'tcp' | 'udp';
}

/**
 * The selected value is a task definition. Reports every port mapping that uses a port (or part of
 * a range) that an earlier mapping already uses with the same protocol, at the later mapping's port
 * member, once. Mappings whose port or protocol cannot be known statically are not compared.
 */
const portConflicts: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['port', 'pairs'],
    properties: {
      port: { enum: ['container', 'host'] },
      pairs: { enum: ['sameContainer', 'otherContainers', 'any'] },
      rangePairs: { type: 'boolean' },
    },
  },
  check(value, { port, pairs, rangePairs = true }, ctx) {
    if (!isObject(value)) return [];
    const seen: Seen[] = [];
    const out: FunctionResult[] = [];
    for (const ref of portMappings(value)) {
      const protocol = protocolOf(ref.mapping);
      const use = port === 'container' ? containerPorts(ref.mapping) : staticHostPort(ref.mapping, ctx.target.networkMode);
      if (!protocol || !use) continue;
      const clash = seen.find(
        (s) =>
          s.protocol === protocol &&
          s.first <= use.last &&
          use.first <= s.last &&
          (rangePairs || !(s.range && use.range)) &&
          (pairs === 'any' || (pairs === 'sameContainer') === (s.container === ref.container)),
      );
      seen.push({ ...use, container: ref.container, protocol });
      if (!clash) continue;
      out.push({
        path: [...ref.path, use.field],
        data: {
          port: showPorts(Math.max(clash.first, use.first), Math.min(clash.last, use.last)),
          protocol,
          other: containerLabel(value, clash.container),
          by: clash.container === ref.container ? 'another of its port mappings' : `container "${containerLabel(value, clash.container)}"`,
          networkMode: ctx.target.networkMode ?? 'unknown',
        },
      });
    }
    return out;
  },
};
export default portConflicts;
