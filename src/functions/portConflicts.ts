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
  /** Its place in the order the mappings come in. */
  order: number;
}

/** The earliest mappings of one single port: the first, the first of another container than it, and the first of each container. */
interface PortSlot {
  first: Seen;
  firstOfOtherContainer?: Seen;
  byContainer: Map<number, Seen>;
}

/**
 * Mappings of single ports are found by port; a range has to be compared with each earlier mapping.
 * A hostile file with thousands of ranges would make that quadratic: past this many comparisons,
 * later mappings are not checked.
 */
const COMPARISON_BUDGET = 1_000_000;

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
    const singles = new Map<string, PortSlot>();
    const singlesSeen: Seen[] = [];
    const rangesSeen: Seen[] = [];
    let comparisons = 0;
    const out: FunctionResult[] = [];
    /** Whether an earlier mapping `s` clashes with `use` (same protocol, overlapping ports, a pair the options compare). */
    const clashes = (s: Seen, use: Seen) =>
      s.protocol === use.protocol &&
      s.first <= use.last &&
      use.first <= s.last &&
      (rangePairs || !(s.range && use.range)) &&
      (pairs === 'any' || (pairs === 'sameContainer') === (s.container === use.container));
    /** The first of `list` (in order) that clashes with `use`, within the budget. */
    const firstIn = (list: readonly Seen[], use: Seen): Seen | undefined => {
      for (const s of list) {
        if (++comparisons > COMPARISON_BUDGET) return undefined;
        if (clashes(s, use)) return s;
      }
      return undefined;
    };
    const refs = portMappings(value);
    for (let order = 0; order < refs.length && comparisons <= COMPARISON_BUDGET; order++) {
      const ref = refs[order];
      const protocol = protocolOf(ref.mapping);
      const found = port === 'container' ? containerPorts(ref.mapping) : staticHostPort(ref.mapping, ctx.target.networkMode);
      if (!protocol || !found) continue;
      const use: Seen = { ...found, container: ref.container, protocol, order };
      const key = `${protocol}:${use.first}`;
      let candidates: Array<Seen | undefined>;
      if (!use.range) {
        const slot = singles.get(key);
        const sameAsPort = !slot
          ? undefined
          : pairs === 'any'
            ? slot.first
            : pairs === 'sameContainer'
              ? slot.byContainer.get(use.container)
              : slot.first.container !== use.container
                ? slot.first
                : slot.firstOfOtherContainer;
        candidates = [sameAsPort, firstIn(rangesSeen, use)];
      } else {
        candidates = [firstIn(singlesSeen, use), rangePairs ? firstIn(rangesSeen, use) : undefined];
      }
      const clash = candidates.reduce<Seen | undefined>((a, b) => (b && (!a || b.order < a.order) ? b : a), undefined);
      if (use.range) rangesSeen.push(use);
      else {
        singlesSeen.push(use);
        const slot = singles.get(key);
        if (!slot) singles.set(key, { first: use, byContainer: new Map([[use.container, use]]) });
        else {
          if (!slot.firstOfOtherContainer && use.container !== slot.first.container) slot.firstOfOtherContainer = use;
          if (!slot.byContainer.has(use.container)) slot.byContainer.set(use.container, use);
        }
      }
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
