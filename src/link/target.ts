import type { LaunchType } from '../model/basics';
import { isObject } from '../model/object';
import type { LinkedTaskDefinition, SourceUnit, Target, UnitForm } from '../model/unit';
import { Unknown } from '../model/unknown';

const WINDOWS_CONSTRAINT = /ecs\.os-(type|family)\s*==\s*['"]?windows/i;

/** What a task definition runs on, resolved once. */
export function taskDefinitionTarget(view: Record<string, unknown>, launchType: LaunchType, form: UnitForm): Target {
  const compatibilities = resolveCompatibilities(view, launchType);
  const fargate = compatibilities === undefined ? undefined : compatibilities.has('FARGATE');
  const os = resolveOs(view);
  const ipcMode = typeof view.ipcMode === 'string' ? view.ipcMode : undefined;
  return { compatibilities, fargate, os, networkMode: resolveNetworkMode(view.networkMode, os, compatibilities), ipcMode, setMembers: setMembers(view), form };
}

/** Clusters and capacity providers run no task: every task-level condition of a rule is unknown for them. */
export function unresolvedTarget(form: UnitForm): Target {
  return { compatibilities: undefined, fargate: undefined, os: undefined, networkMode: undefined, ipcMode: undefined, setMembers: new Set(), form };
}

function setMembers(view: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(view)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out.add(key);
  }
  return out;
}

function resolveCompatibilities(view: Record<string, unknown>, launchType: LaunchType): Set<string> | undefined {
  // requiresCompatibilities is what was asked for, and decides. A describe output's `compatibilities` is what
  // ECS found the definition compatible with (["EC2", "FARGATE"] even when only EC2 was required), so it
  // stands in only when requiresCompatibilities is absent.
  const required = view.requiresCompatibilities;
  const list = required !== undefined && required !== null ? required : view.compatibilities;
  if (list === undefined || list === null) return new Set([launchType]);
  if (!Array.isArray(list)) return undefined;
  const out = new Set<string>();
  let unknown = false;
  for (const item of list) {
    if (typeof item === 'string') out.add(item);
    else unknown = true;
  }
  if (out.has('FARGATE')) return out;
  if (unknown) return undefined;
  return out.size === 0 ? new Set([launchType]) : out;
}

function resolveOs(view: Record<string, unknown>): Target['os'] {
  const platform = view.runtimePlatform;
  if (platform instanceof Unknown) return undefined;
  if (isObject(platform)) {
    const family = platform.operatingSystemFamily;
    if (family instanceof Unknown) return undefined;
    if (typeof family === 'string') return family.startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
  }
  // Task definitions older than runtimePlatform pin Windows with a placement constraint.
  const constraints = view.placementConstraints;
  if (Array.isArray(constraints)) {
    for (const c of constraints) {
      const expr = isObject(c) ? c.expression : undefined;
      if (typeof expr === 'string' && WINDOWS_CONSTRAINT.test(expr)) return 'WINDOWS';
    }
  }
  return 'LINUX';
}

/** An omitted networkMode is awsvpc for a task that runs only on ECS Managed Instances, else the OS's default. */
function resolveNetworkMode(mode: unknown, os: Target['os'], compatibilities: ReadonlySet<string> | undefined): string | undefined {
  if (typeof mode === 'string') return mode;
  if (mode === undefined || mode === null) {
    if (compatibilities?.size === 1 && compatibilities.has('MANAGED_INSTANCES')) return 'awsvpc';
    return os === 'WINDOWS' ? 'default' : os === 'LINUX' ? 'bridge' : undefined;
  }
  return undefined;
}

export const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * What a service runs on. Fargate when `launchType` is FARGATE or a strategy names a Fargate
 * provider; not Fargate for EC2/EXTERNAL or Auto Scaling group providers only; unknown when neither
 * is written (the cluster's default strategy decides) or either is unknown. The operating system
 * and network mode come from the linked task definition; a Fargate service whose task definition is
 * not at hand still uses awsvpc, the only mode Fargate supports.
 */
export function serviceTarget(unit: SourceUnit, linked: LinkedTaskDefinition | undefined): Target {
  const compatibilities = serviceCompatibilities(unit.view);
  const fargate = compatibilities === undefined ? undefined : compatibilities.has('FARGATE');
  const networkMode = linked ? linked.target.networkMode : fargate === true ? 'awsvpc' : undefined;
  const setMembers = new Set(Object.keys(unit.view).filter((k) => unit.view[k] !== undefined && unit.view[k] !== null));
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
    const provider = isObject(item) ? item.capacityProvider : undefined;
    if (typeof provider !== 'string') return undefined;
    out.add(FARGATE_PROVIDERS.has(provider) ? 'FARGATE' : 'EC2');
  }
  return out;
}
