import type { RuleFunction } from './types';
import { collect, perDocument } from './collect';
import { isObject } from '../model/object';
import { isSet } from './is-set';
import { Unknown } from '../model/unknown';

interface Options {
  /**
   * Member path from the document root to a member that marks the containers to wait for, e.g.
   * `containerDefinitions[*].firelensConfiguration` (the log router).
   */
  targets: string;
  /** dependsOn conditions that make the selected container wait long enough. */
  conditions: string[];
  /**
   * The platform orders the containers itself unless a target has a dependsOn of its own (the ECS
   * agent adds START dependencies on the FireLens router then): report only in that case.
   */
  implicitUnlessTargetDepends?: boolean;
}

/**
 * The selected value is a container. Reports it (at dependsOn) when the task has containers marked
 * by `targets` (other than itself) and its dependsOn names none of them with one of `conditions`.
 * When the marked containers, their names or the dependsOn list cannot be known statically, nothing
 * is reported.
 */
/** A message names at most this many containers to wait for. */
const SHOWN_TARGETS = 5;

interface Marked {
  name: string | undefined;
  /** Its name is not a string, or its dependsOn cannot be known statically. */
  blocked: boolean;
  /** It has a dependsOn of its own. */
  depends: boolean;
}

/**
 * The containers marked by `targets`, once per document (each container's check would otherwise look
 * at every container); undefined when the marks cannot be known statically.
 */
function markedContainers(document: Record<string, unknown>, targets: string) {
  return perDocument(document, `dependsOnContainer\0${targets}`, () => {
    const got = collect(document, targets);
    if (got.unknown) return undefined;
    const containers = document.containerDefinitions as unknown[];
    const list: Marked[] = [];
    const byIndex = new Map<unknown, Marked>();
    const names = new Map<string, number>();
    let blocked = 0;
    let depending = 0;
    for (const m of got.values) {
      if (!isSet(m.value)) continue;
      const c = containers[m.path[1] as number];
      const name = isObject(c) && typeof c.name === 'string' ? c.name : undefined;
      const entry: Marked = {
        name,
        blocked: name === undefined || (isObject(c) && c.dependsOn instanceof Unknown),
        depends: isObject(c) && isSet(c.dependsOn),
      };
      list.push(entry);
      byIndex.set(m.path[1], entry);
      if (entry.blocked) blocked++;
      if (entry.depends) depending++;
      if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
    }
    return { list, byIndex, names, blocked, depending };
  });
}

const dependsOnContainer: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['targets', 'conditions'],
    properties: {
      targets: { type: 'string', pattern: '^containerDefinitions\\[\\*\\](\\.[A-Za-z][A-Za-z0-9]*)+$' },
      conditions: { type: 'array', minItems: 1, items: { type: 'string' } },
      implicitUnlessTargetDepends: { type: 'boolean' },
    },
  },
  check(value, { targets, conditions, implicitUnlessTargetDepends = false }, ctx) {
    if (!isObject(value)) return [];
    const self = ctx.path[1];
    const marked = markedContainers(ctx.document, targets);
    if (marked === undefined) return [];
    const own = marked.byIndex.get(self);
    // A marked container other than this one whose name or dependsOn cannot be known: nothing to conclude.
    if (marked.blocked - (own?.blocked ? 1 : 0) > 0) return [];
    const count = marked.list.length - (own ? 1 : 0);
    const targetDepends = marked.depending - (own?.depends ? 1 : 0) > 0;
    if (count === 0 || (implicitUnlessTargetDepends && !targetDepends)) return [];
    const isTarget = (name: string) => (marked.names.get(name) ?? 0) - (own?.name === name ? 1 : 0) > 0;
    const deps = value.dependsOn;
    if (deps instanceof Unknown) return [];
    if (deps !== undefined && deps !== null && !Array.isArray(deps)) return [];
    for (const d of (deps as unknown[] | undefined | null) ?? []) {
      if (!isObject(d)) return [];
      const { containerName, condition } = d;
      if (containerName instanceof Unknown) return [];
      if (typeof containerName === 'string' && isTarget(containerName)) {
        if (condition instanceof Unknown || (typeof condition === 'string' && conditions.includes(condition))) return [];
      }
    }
    // The first few others by name (not a copy of the whole list: this runs once per container).
    const shown: string[] = [];
    for (let i = 0; i < marked.list.length && shown.length < SHOWN_TARGETS; i++) if (marked.list[i] !== own) shown.push(JSON.stringify(marked.list[i].name));
    const target = shown.join(' or ') + (count > SHOWN_TARGETS ? ` or ${count - SHOWN_TARGETS} more` : '');
    return [{ path: ['dependsOn'], data: { target, conditions: conditions.join(' or ') } }];
  },
};
export default dependsOnContainer;
