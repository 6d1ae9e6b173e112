import type { Segment } from '../model/path';
import type { FunctionResult, RuleFunction } from './types';
import { isObject } from '../model/object';

interface Edge {
  /** The member of an item that lists what the item depends on. */
  member: string;
  /** The member of each list entry holding the name; omitted when the entries are the names themselves. */
  ref?: string;
  /** The name is the part of the entry before the first occurrence of this separator (links: `name:alias`). */
  separator?: string;
}

interface Options {
  /** The member of each item that holds its name. */
  key: string;
  /** The kinds of dependency between items, e.g. dependsOn, links and volumesFrom between containers. */
  edges: Edge[];
}

/**
 * Dependency graphs this small (a task holds at most ten containers) have few elementary cycles,
 * but a hostile document could hold thousands of densely linked items: the search stops after
 * this many steps, reporting the cycles found so far.
 */
const STEP_BUDGET = 100_000;

/** A cycle longer than this is shown by its first items and a count: its message stays short. */
const SHOWN_ITEMS = 10;

/** `"a" -> "b" -> "a"`; a long cycle as `"a" -> … (n more) -> "a"`. */
function describeCycle(trail: readonly number[], nameOf: (i: number) => string): string {
  const shown = trail.length > SHOWN_ITEMS ? trail.slice(0, SHOWN_ITEMS) : trail;
  const more = trail.length - shown.length;
  return [...shown.map(nameOf), ...(more > 0 ? [`… (${more} more)`] : []), nameOf(trail[0])].join(' -> ');
}

interface Arc {
  to: number;
  /** Where the dependency is written, relative to the checked list. */
  path: Segment[];
}

/**
 * Reports each elementary dependency cycle among the items of the selected list once, at the
 * first dependency of its earliest item, naming the items in order. A reference that cannot be
 * resolved statically, or that names the item itself (the rules on the reference report that),
 * adds no dependency.
 */
const noCycles: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key', 'edges'],
    properties: {
      key: { type: 'string', minLength: 1 },
      edges: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['member'],
          properties: { member: { type: 'string', minLength: 1 }, ref: { type: 'string', minLength: 1 }, separator: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
  check(value, { key, edges }) {
    if (!Array.isArray(value)) return [];
    const items = value;
    const index = new Map<string, number>();
    items.forEach((item, i) => {
      const name = isObject(item) ? item[key] : undefined;
      if (typeof name === 'string' && !index.has(name)) index.set(name, i);
    });

    const arcs: Arc[][] = items.map((item, i) => {
      const out: Arc[] = [];
      if (!isObject(item)) return out;
      const seen = new Set<number>();
      for (const edge of edges) {
        const list = item[edge.member];
        if (!Array.isArray(list)) continue;
        list.forEach((entry, j) => {
          let name = edge.ref === undefined ? entry : isObject(entry) ? entry[edge.ref] : undefined;
          if (typeof name !== 'string') return;
          if (edge.separator !== undefined && name.includes(edge.separator)) name = name.slice(0, name.indexOf(edge.separator));
          const to = index.get(name);
          if (to === undefined || to === i || seen.has(to)) return;
          seen.add(to);
          out.push({ to, path: [i, edge.member, j, ...(edge.ref === undefined ? [] : [edge.ref])] });
        });
      }
      return out;
    });

    const results: FunctionResult[] = [];
    const nameOf = (i: number) => JSON.stringify((items[i] as Record<string, unknown>)[key]);
    let steps = 0;
    // Each cycle is found once: from its lowest-index item, visiting only higher-index items.
    // The depth-first search keeps its own stack: a chain of thousands of items must not exhaust the call stack.
    for (let start = 0; start < items.length && steps <= STEP_BUDGET; start++) {
      const trail: number[] = [start];
      /** For each item on the trail, the index of the next arc to follow from it. */
      const nextArc: number[] = [0];
      const onTrail = new Set<number>([start]);
      let firstArc: Arc | undefined;
      while (trail.length > 0) {
        const depth = trail.length - 1;
        const node = trail[depth];
        const i = nextArc[depth]++;
        if (i >= arcs[node].length) {
          trail.pop();
          nextArc.pop();
          if (depth > 0) onTrail.delete(node);
          continue;
        }
        if (++steps > STEP_BUDGET) break;
        const arc = arcs[node][i];
        if (arc.to === start) {
          results.push({ path: firstArc!.path, data: { cycle: describeCycle(trail, nameOf) } });
        } else if (arc.to > start && !onTrail.has(arc.to)) {
          if (depth === 0) firstArc = arc;
          trail.push(arc.to);
          nextArc.push(0);
          onTrail.add(arc.to);
        }
      }
    }
    return results;
  },
};
export default noCycles;
