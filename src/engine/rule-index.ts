import type { RuleWhen } from '../model/rule';
import type { Target } from '../model/unit';
import { applies, type CompiledRule } from './compile';

/**
 * The rules of one kind of unit, indexed once: by target (the rules whose `when` holds for a target are the
 * same for every unit with the same target facts, so they are found once per distinct target), and by the
 * top-level members their `given` paths go through (a unit without any of them can have no match).
 */
export interface RuleIndex {
  /** The rules that apply to a unit with this target, in their order, each with the members it needs. */
  forTarget(target: Target): readonly IndexedRule[];
}

export interface IndexedRule {
  rule: CompiledRule;
  /** Top-level members of which the unit must have at least one for any selector to match; undefined: no such bound. */
  roots: readonly string[] | undefined;
}

const indexes = new WeakMap<readonly CompiledRule[], RuleIndex>();

export function ruleIndex(rules: readonly CompiledRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = buildIndex(rules);
    indexes.set(rules, index);
  }
  return index;
}

function buildIndex(rules: readonly CompiledRule[]): RuleIndex {
  const indexed: IndexedRule[] = rules.map((rule) => ({ rule, roots: rootsOf(rule) }));
  // The members that some rule's `has` names: the only set members that can change which rules apply.
  const named = new Set<string>();
  for (const rule of rules) collectHas(rule.when, named);
  const hasNames = [...named];
  const byTarget = new Map<string, IndexedRule[]>();
  return {
    forTarget(target) {
      const key = targetKey(target, hasNames);
      let list = byTarget.get(key);
      if (!list) {
        list = indexed.filter((r) => applies(r.rule.when, target));
        byTarget.set(key, list);
      }
      return list;
    },
  };
}

function rootsOf(rule: CompiledRule): string[] | undefined {
  const roots: string[] = [];
  for (const selector of rule.selectors) {
    if (selector.root === undefined) return undefined;
    if (!roots.includes(selector.root)) roots.push(selector.root);
  }
  return roots;
}

function collectHas(when: RuleWhen | undefined, out: Set<string>): void {
  if (!when) return;
  for (const member of when.has ?? []) out.add(member);
  for (const alternative of when.anyOf ?? []) collectHas(alternative, out);
}

/** Every fact of a target that `applies` reads. */
function targetKey(t: Target, hasNames: readonly string[]): string {
  const has = hasNames.map((name) => t.setMembers.has(name));
  return JSON.stringify([t.fargate, t.os, t.networkMode, t.ipcMode, t.form, t.compatibilities?.has('EXTERNAL'), t.compatibilities?.has('MANAGED_INSTANCES'), has]);
}

/** Whether the unit's view has one of the members a rule's selectors start from. */
export function reachable(view: Record<string, unknown>, roots: readonly string[] | undefined): boolean {
  if (roots === undefined) return true;
  for (const root of roots) if (Object.hasOwn(view, root) && view[root] !== undefined) return true;
  return false;
}
