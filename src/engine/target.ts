import { Unknown } from '../load/unknown';
import type { TaskDefinitionForm } from '../load/extract';
import type { ServiceForm } from '../load/extract-service';
import type { LaunchType } from '../types';

/** What a task definition runs on, resolved once; `undefined` means it cannot be known statically. */
export interface Target {
  compatibilities: Set<string> | undefined;
  fargate: boolean | undefined;
  os: 'LINUX' | 'WINDOWS' | undefined;
  /** The effective network mode: written, or the default for the OS. */
  networkMode: string | undefined;
  /** The written ipcMode; undefined when omitted or unknown. */
  ipcMode: string | undefined;
  /** Task-level members that are set (not null or empty); an Unknown value counts as set. */
  setMembers: Set<string>;
  /** How the task definition is written; CloudFormation converts scalars to the property's type, the API does not. */
  form?: TaskDefinitionForm | ServiceForm;
}

const WINDOWS_CONSTRAINT = /ecs\.os-(type|family)\s*==\s*['"]?windows/i;

export function resolveTarget(td: Record<string, unknown>, launchType: LaunchType, form?: TaskDefinitionForm): Target {
  const compatibilities = resolveCompatibilities(td, launchType);
  const fargate = compatibilities === undefined ? undefined : compatibilities.has('FARGATE');
  const os = resolveOs(td);
  const ipcMode = typeof td.ipcMode === 'string' ? td.ipcMode : undefined;
  return { compatibilities, fargate, os, networkMode: resolveNetworkMode(td.networkMode, os), ipcMode, setMembers: setMembers(td), ...(form !== undefined ? { form } : {}) };
}

function setMembers(td: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(td)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out.add(key);
  }
  return out;
}

function resolveCompatibilities(td: Record<string, unknown>, launchType: LaunchType): Set<string> | undefined {
  // requiresCompatibilities is what was asked for, and decides. A describe output's `compatibilities` is what
  // ECS found the definition compatible with (["EC2", "FARGATE"] even when only EC2 was required), so it
  // stands in only when requiresCompatibilities is absent.
  const required = td.requiresCompatibilities;
  const lists = [required !== undefined && required !== null ? required : td.compatibilities].filter((v) => v !== undefined && v !== null);
  if (lists.length === 0) return new Set([launchType]);
  const out = new Set<string>();
  let unknown = false;
  for (const list of lists) {
    if (!Array.isArray(list)) {
      unknown = true;
      continue;
    }
    for (const item of list) {
      if (typeof item === 'string') out.add(item);
      else unknown = true;
    }
  }
  if (out.has('FARGATE')) return out;
  if (unknown) return undefined;
  return out.size === 0 ? new Set([launchType]) : out;
}

function resolveOs(td: Record<string, unknown>): Target['os'] {
  const platform = td.runtimePlatform;
  if (platform instanceof Unknown) return undefined;
  if (platform && typeof platform === 'object') {
    const family = (platform as Record<string, unknown>).operatingSystemFamily;
    if (family instanceof Unknown) return undefined;
    if (typeof family === 'string') return family.startsWith('WINDOWS') ? 'WINDOWS' : 'LINUX';
  }
  // Task definitions older than runtimePlatform pin Windows with a placement constraint.
  const constraints = td.placementConstraints;
  if (Array.isArray(constraints)) {
    for (const c of constraints) {
      const expr = c && typeof c === 'object' ? (c as Record<string, unknown>).expression : undefined;
      if (typeof expr === 'string' && WINDOWS_CONSTRAINT.test(expr)) return 'WINDOWS';
    }
  }
  return 'LINUX';
}

function resolveNetworkMode(mode: unknown, os: Target['os']): string | undefined {
  if (typeof mode === 'string') return mode;
  if (mode === undefined || mode === null) return os === 'WINDOWS' ? 'default' : os === 'LINUX' ? 'bridge' : undefined;
  return undefined;
}
