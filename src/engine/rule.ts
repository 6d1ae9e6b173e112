import type { DocsProfile, Preset, Severity } from '../types';

/** When a rule applies, resolved once per task definition. Every listed condition must hold. */
export interface RuleWhen {
  /** FARGATE: requiresCompatibilities has FARGATE. EC2: it is known and has not. EXTERNAL: it has EXTERNAL. */
  compatibility?: 'FARGATE' | 'EC2' | 'EXTERNAL';
  /** LINUX or WINDOWS, from runtimePlatform or an ecs.os-type placement constraint. */
  os?: 'LINUX' | 'WINDOWS';
  /** The effective network mode is one of these (an omitted mode is bridge on Linux, default on Windows). */
  networkMode?: string[];
  /** The effective network mode is none of these. */
  networkModeNot?: string[];
  /** The written ipcMode is one of these; an omitted or unknown ipcMode never matches. */
  ipcMode?: string[];
  /** Each of these task-level members is set; a CloudFormation intrinsic counts as set. */
  has?: string[];
  /** The unit is written in one of these forms (task definitions: api, describe, cloudformation, container-list; services: create-service, update-service, run-task, describe, cloudformation). */
  form?: string[];
  /** At least one of these conditions holds (each as a whole `when`), e.g. Linux or Fargate. */
  anyOf?: RuleWhen[];
}

/** How to check what `given` selects: a JSON-Schema fragment, or a named function from src/functions. */
export interface RuleCheck {
  /** A member of each selected object to check; findings on a missing member point at its would-be place. */
  field?: string;
  schema?: Record<string, unknown>;
  function?: string;
  options?: Record<string, unknown>;
}

/** The kinds of unit a rule can check (src/load/extract.ts). */
export type RuleSubject = 'task-definition' | 'service' | 'cluster' | 'capacity-provider';

/** A rule as written in rules/<id>.yaml. */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** The smallest preset that turns the rule on: recommended ⊂ strict ⊂ all. */
  preset: Preset;
  description: string;
  /** What the rule checks: task definitions (the default), services, clusters or capacity providers. */
  on?: RuleSubject;
  /** Where the constraint is documented (seed line, AWS guide section, API model, peer linter). */
  source: string;
  url?: string;
  when?: RuleWhen;
  /** JSONPath (jsonpath-plus) into the normalised task definition; a list means any of them. */
  given: string | string[];
  then: RuleCheck;
  /** Message template: {{container}}, {{value}}, {{field}}, {{property}} and the function's own data. */
  message: string;
  remediation?: string;
  /** Under `--docs seed` (the default): `enabled: false` for a rule that only the newer AWS docs support. */
  seed?: { enabled: boolean };
  /** What changes under `--docs current` (the newer AWS docs): a different check or message, or the rule off. */
  current?: { enabled?: boolean; when?: RuleWhen; then?: RuleCheck; message?: string };
}

/** A rule after the docs profile is applied. */
export interface ActiveRule extends RuleDefinition {
  docs: DocsProfile;
}

export const PRESET_ORDER: Preset[] = ['recommended', 'strict', 'all'];

export function inPreset(rulePreset: Preset, chosen: Preset): boolean {
  return PRESET_ORDER.indexOf(rulePreset) <= PRESET_ORDER.indexOf(chosen);
}
