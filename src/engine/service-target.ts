import type { ServiceUnit, TaskDefinitionRef } from '../load/extract-service';
import type { TaskDefinitionUnit } from '../load/extract';
import { Unknown } from '../load/unknown';
import type { LaunchType } from '../types';
import { resolveTarget, Target } from './target';

/** The task definition a service runs, found in the same template or among the files of the run. */
export interface LinkedTaskDefinition {
  /** Family or CloudFormation logical id, for messages. */
  name: string;
  document: Record<string, unknown>;
  target: Target;
}

/** A task definition another file of the run may link to, indexed by family. */
export interface IndexedTaskDefinition {
  family: string;
  /** Known for describe-task-definition outputs only; registration assigns it otherwise. */
  revision?: number;
  document: Record<string, unknown>;
}

/** Task definitions of the whole run, by family (see `lintFiles`). */
export type TaskDefinitionIndex = ReadonlyMap<string, IndexedTaskDefinition[]>;

export const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/** The task definitions of one document that can be found by family from another file. */
export function indexable(units: readonly TaskDefinitionUnit[]): IndexedTaskDefinition[] {
  const out: IndexedTaskDefinition[] = [];
  for (const u of units) {
    const family = u.document.family;
    if (typeof family !== 'string' || family === '') continue;
    const revision = u.document.revision;
    out.push({ family, ...(typeof revision === 'number' ? { revision } : {}), document: u.document });
  }
  return out;
}

export function addToIndex(index: Map<string, IndexedTaskDefinition[]>, entries: readonly IndexedTaskDefinition[]): void {
  for (const e of entries) {
    const list = index.get(e.family) ?? [];
    list.push(e);
    index.set(e.family, list);
  }
}

/**
 * Find the task definition a service runs: a logical id in the same template, else a family among the
 * task definitions of the same document, else in the run's index. A family with more than one
 * candidate (two files, or revisions that do not say which) is ambiguous and stays unresolved, so
 * that no cross-resource check compares against the wrong definition.
 */
export function linkTaskDefinition(
  ref: TaskDefinitionRef | undefined,
  sameDocument: readonly TaskDefinitionUnit[],
  runIndex: TaskDefinitionIndex | undefined,
  launchType: LaunchType,
): LinkedTaskDefinition | undefined {
  if (!ref) return undefined;
  const link = (name: string, document: Record<string, unknown>): LinkedTaskDefinition => ({ name, document, target: resolveTarget(document, launchType) });
  if ('logicalId' in ref) {
    const unit = sameDocument.find((u) => u.form === 'cloudformation' && u.name === ref.logicalId);
    return unit ? link(unit.name, unit.document) : undefined;
  }
  const matches = (doc: Record<string, unknown>) => doc.family === ref.family && (ref.revision === undefined || typeof doc.revision !== 'number' || doc.revision === ref.revision);
  const local = sameDocument.filter((u) => matches(u.document));
  if (local.length > 0) return local.length === 1 ? link(ref.family, local[0].document) : undefined;
  const found = (runIndex?.get(ref.family) ?? []).filter((e) => matches(e.document));
  return found.length === 1 ? link(ref.family, found[0].document) : undefined;
}

/** True when the service names a task definition by family that neither its document nor an index can supply yet. */
export function awaitsRunIndex(ref: TaskDefinitionRef | undefined, sameDocument: readonly TaskDefinitionUnit[]): boolean {
  return ref !== undefined && 'family' in ref && !sameDocument.some((u) => u.document.family === ref.family);
}

/**
 * What a service runs on. Fargate when `launchType` is FARGATE or a strategy names a Fargate
 * provider; not Fargate for EC2/EXTERNAL or Auto Scaling group providers only; unknown when neither
 * is written (the cluster's default strategy decides) or either is an intrinsic. The operating system
 * and network mode come from the linked task definition; a Fargate service whose task definition is
 * not at hand still uses awsvpc, the only mode Fargate supports.
 */
export function resolveServiceTarget(unit: ServiceUnit, linked: LinkedTaskDefinition | undefined): Target {
  const compatibilities = serviceCompatibilities(unit.document);
  const fargate = compatibilities === undefined ? undefined : compatibilities.has('FARGATE');
  const networkMode = linked ? linked.target.networkMode : fargate === true ? 'awsvpc' : undefined;
  const setMembers = new Set(Object.keys(unit.document).filter((k) => unit.document[k] !== undefined && unit.document[k] !== null));
  return { compatibilities, fargate, os: linked?.target.os, networkMode, ipcMode: undefined, setMembers, form: unit.form };
}

function serviceCompatibilities(service: Record<string, unknown>): Set<string> | undefined {
  const launchType = service.launchType;
  if (typeof launchType === 'string') return new Set([launchType]);
  if (launchType !== undefined && launchType !== null) return undefined;
  const strategy = service.capacityProviderStrategy;
  if (!Array.isArray(strategy) || strategy.length === 0) return undefined;
  const out = new Set<string>();
  for (const item of strategy) {
    const provider = item !== null && typeof item === 'object' && !(item instanceof Unknown) ? (item as Record<string, unknown>).capacityProvider : undefined;
    if (typeof provider !== 'string') return undefined;
    out.add(FARGATE_PROVIDERS.has(provider) ? 'FARGATE' : 'EC2');
  }
  return out;
}

/** A service's target and the task definition it runs, from its own document or the run's index. */
export function serviceContext(
  unit: ServiceUnit,
  sameDocument: readonly { kind: string }[],
  runIndex: TaskDefinitionIndex | undefined,
  launchType: LaunchType,
): { target: Target; taskDefinition: LinkedTaskDefinition | undefined } {
  const tds = sameDocument.filter((u): u is TaskDefinitionUnit => u.kind === 'task-definition');
  const taskDefinition = linkTaskDefinition(unit.taskDefinitionRef, tds, runIndex, launchType);
  return { target: resolveServiceTarget(unit, taskDefinition), taskDefinition };
}
