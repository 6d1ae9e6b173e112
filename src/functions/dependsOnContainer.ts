import type { RuleFunction } from './types';
import { collect } from './collect';
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
    const marked = collect(ctx.document, targets);
    if (marked.unknown) return [];
    const containers = ctx.document.containerDefinitions as unknown[];
    const names: string[] = [];
    let targetDepends = false;
    for (const m of marked.values) {
      if (!isSet(m.value) || m.path[1] === self) continue;
      const c = containers[m.path[1] as number];
      const name = isObject(c) ? c.name : undefined;
      if (typeof name !== 'string') return [];
      if (isObject(c) && c.dependsOn instanceof Unknown) return [];
      if (isObject(c) && isSet(c.dependsOn)) targetDepends = true;
      names.push(name);
    }
    if (names.length === 0 || (implicitUnlessTargetDepends && !targetDepends)) return [];
    const deps = value.dependsOn;
    if (deps instanceof Unknown) return [];
    if (deps !== undefined && deps !== null && !Array.isArray(deps)) return [];
    for (const d of (deps as unknown[] | undefined | null) ?? []) {
      if (!isObject(d)) return [];
      const { containerName, condition } = d;
      if (containerName instanceof Unknown) return [];
      if (typeof containerName === 'string' && names.includes(containerName)) {
        if (condition instanceof Unknown || (typeof condition === 'string' && conditions.includes(condition))) return [];
      }
    }
    return [{ path: ['dependsOn'], data: { target: names.map((n) => JSON.stringify(n)).join(' or '), conditions: conditions.join(' or ') } }];
  },
};
export default dependsOnContainer;
