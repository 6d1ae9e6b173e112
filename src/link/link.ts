import type { LaunchType } from '../model/basics';
import { isModuleScope, type LinkedTaskDefinition, type SourceUnit, type TaskDefinitionRef } from '../model/unit';
import { serviceTarget, taskDefinitionTarget, unresolvedTarget } from './target';

/**
 * The link stage. Every unit gets its target (what it runs on); every service gets the task definition it
 * runs, found first among the units of its own scope (one template, one module), then among the task
 * definitions of the whole run by family. A family with more than one candidate (two files, or revisions
 * that do not say which) is ambiguous and stays unlinked: in a monorepo, dev and prod folders often reuse
 * family names, and comparing a service with the wrong task definition would be a false finding.
 */

/** Resolve the targets of a file's task definitions, clusters and capacity providers. */
export function resolveTargets(units: readonly SourceUnit[], launchType: LaunchType): void {
  for (const u of units) {
    if (u.kind === 'task-definition') u.target = taskDefinitionTarget(u.view, launchType, u.form);
    else if (u.kind !== 'service') u.target = unresolvedTarget(u.form);
    if (u.scenarios) resolveTargets(u.scenarios, launchType);
  }
}

/**
 * Link a file's services within their scopes. Returns the services that name a family their scope does
 * not hold, or a Terraform task definition that another file of their module may hold: they wait for the
 * run's task definitions (`linkToRun`, `linkToModule`); the others are ready.
 */
export function linkWithinFile(units: readonly SourceUnit[]): SourceUnit[] {
  const waiting: SourceUnit[] = [];
  for (const service of units) {
    if (service.kind !== 'service') continue;
    const ref = service.taskDefinitionRef;
    const local = units.filter((u) => u.kind === 'task-definition' && u.scope === service.scope);
    if (ref && 'family' in ref && !local.some((u) => u.view.family === ref.family)) {
      waiting.push(service);
      continue;
    }
    const found =
      ref === undefined
        ? []
        : 'resource' in ref
          ? local.filter((u) => (u.form === 'cloudformation' || u.form === 'terraform') && u.name === ref.resource)
          : local.filter((u) => matchesRef(u.view, ref));
    if (ref && 'resource' in ref && found.length === 0 && isModuleScope(service.scope)) {
      waiting.push(service);
      continue;
    }
    link(service, found.length === 1 ? found[0] : undefined);
  }
  return waiting;
}

/** Link a waiting service whose resource reference names a task definition in another file of its module. */
export function linkToModule(service: SourceUnit, candidates: readonly SourceUnit[]): void {
  const ref = service.taskDefinitionRef;
  const found = ref && 'resource' in ref ? candidates.filter((u) => u.kind === 'task-definition' && u.scope === service.scope && u.name === ref.resource) : [];
  link(service, found.length === 1 ? found[0] : undefined);
}

/** The key a Terraform task definition is found by from another file of its module. */
export function moduleKeyOf(unit: SourceUnit): string | undefined {
  return unit.kind === 'task-definition' && isModuleScope(unit.scope) ? `${unit.scope}\0${unit.name}` : undefined;
}

/** The key of the task definition a waiting service references in its module. */
export function moduleRefKey(service: SourceUnit): string | undefined {
  const ref = service.taskDefinitionRef;
  return ref && 'resource' in ref && isModuleScope(service.scope) ? `${service.scope}\0${ref.resource}` : undefined;
}

/** Link a waiting service to the run's task definitions of its family (those that can be found by family). */
export function linkToRun(service: SourceUnit, candidates: readonly SourceUnit[]): void {
  const ref = service.taskDefinitionRef;
  const found = ref && 'family' in ref ? candidates.filter((u) => matchesRef(u.view, ref)) : [];
  link(service, found.length === 1 ? found[0] : undefined);
}

/** A service that could not be linked still gets its target, from its own members. */
export function link(service: SourceUnit, taskDefinition: SourceUnit | undefined): void {
  const linked: LinkedTaskDefinition | undefined =
    taskDefinition?.target !== undefined ? { name: taskDefinition.name, view: taskDefinition.view, target: taskDefinition.target, file: taskDefinition.file.path } : undefined;
  if (linked) service.taskDefinition = linked;
  service.target = serviceTarget(service, linked);
  for (const view of service.scenarios ?? []) {
    // A service scenario runs the task definition's scenario of the same condition values, when there is exactly one.
    // Only within one template: another template's conditions of the same name are other conditions.
    const paired = taskDefinition && view.scenario && taskDefinition.scope === service.scope ? pairedScenario(taskDefinition, view.scenario.conditions) : undefined;
    link(view, paired ?? taskDefinition);
  }
}

/** The one scenario of a task definition whose conditions all have the given values; undefined when none or several. */
function pairedScenario(taskDefinition: SourceUnit, conditions: Readonly<Record<string, boolean>>): SourceUnit | undefined {
  const matches = (taskDefinition.scenarios ?? []).filter((s) => s.scenario && Object.entries(s.scenario.conditions).every(([k, v]) => conditions[k] === v));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The family a task definition can be found by from another file, with its revision when it states one. */
export function familyOf(unit: SourceUnit): { family: string; revision?: number } | undefined {
  if (unit.kind !== 'task-definition') return undefined;
  const family = unit.view.family;
  if (typeof family !== 'string' || family === '') return undefined;
  const revision = unit.view.revision;
  return typeof revision === 'number' ? { family, revision } : { family };
}

function matchesRef(view: Record<string, unknown>, ref: Extract<TaskDefinitionRef, { family: string }>): boolean {
  return view.family === ref.family && (ref.revision === undefined || typeof view.revision !== 'number' || view.revision === ref.revision);
}
