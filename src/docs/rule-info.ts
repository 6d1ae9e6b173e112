/**
 * Everything a reader needs to know about one rule, gathered from its rule file and the examples rendered
 * from its fixtures at build time (scripts/build-rule-docs.ts -> dist/generated/rule-docs.json). Shared by
 * `ecslint rules`, `ecslint explain` and scripts/gen-docs.ts, so the terminal and the docs never disagree;
 * nothing here reads a fixture or lints at run time.
 */
import * as path from 'path';
import { builtInRules } from '../engine/registry';
import { inPreset, PRESET_ORDER, type Relaxation, type RuleDefinition, type RuleWhen } from '../model/rule';
import type { UnitForm, UnitKind as RuleSubject } from '../model/unit';
import type { DocsProfile, LaunchType, Preset, SeveritySetting } from '../model/basics';

/** The package root: rules/ and docs/ live here. */
export const ROOT = path.join(__dirname, '..', '..', '..');

/** A fixture shown as an example, with what ecslint reports on it when it is a bad one. */
export interface Example {
  /** Relative to the package root, with forward slashes. */
  file: string;
  language: 'json' | 'yaml';
  text: string;
  launchType?: LaunchType;
  docs?: DocsProfile;
  findings: Array<{ line: number; column: number; message: string }>;
}

/** A rule's rendered examples, as dist/generated/rule-docs.json holds them by rule id. */
export interface RuleExamples {
  bad?: Example;
  good?: Example;
}

let examples: Record<string, RuleExamples> | undefined;

function examplesOf(id: string): RuleExamples {
  examples ??= require(path.join(__dirname, '..', '..', 'generated', 'rule-docs.json')) as Record<string, RuleExamples>;
  return examples[id] ?? {};
}

export interface RuleInfo {
  rule: RuleDefinition;
  /** The rule's severity in each preset, or off where the preset leaves it out. */
  presets: Record<Preset, SeveritySetting>;
  /** When the rule applies, in words. */
  appliesWhen: string;
  bad?: Example;
  good?: Example;
}

export function presetSeverities(rule: Pick<RuleDefinition, 'preset' | 'severity'>): Record<Preset, SeveritySetting> {
  const out = {} as Record<Preset, SeveritySetting>;
  for (const p of PRESET_ORDER) out[p] = inPreset(rule.preset, p) ? rule.severity : 'off';
  return out;
}

const COMPATIBILITY: Record<NonNullable<RuleWhen['compatibility']>, string> = {
  FARGATE: 'the task can run on Fargate (requiresCompatibilities includes FARGATE, or is omitted and --launch-type is FARGATE)',
  EC2: 'the task cannot run on Fargate (requiresCompatibilities lacks FARGATE, or is omitted and --launch-type is EC2 or EXTERNAL)',
  EXTERNAL: 'the task can run on ECS Anywhere (requiresCompatibilities includes EXTERNAL, or is omitted and --launch-type is EXTERNAL)',
  MANAGED_INSTANCES: 'the task can run on ECS Managed Instances (requiresCompatibilities includes MANAGED_INSTANCES, or is omitted and --launch-type is MANAGED_INSTANCES)',
};

const OS: Record<NonNullable<RuleWhen['os']>, string> = {
  LINUX: 'the task runs on Linux (runtimePlatform.operatingSystemFamily is LINUX, or no Windows platform is set)',
  WINDOWS: 'the task runs on Windows (runtimePlatform.operatingSystemFamily is a WINDOWS_SERVER family, or an ecs.os-type placement constraint says windows)',
};

/** What a rule checks, in words: singular and plural. */
export const SUBJECT_NAMES: Record<RuleSubject, [string, string]> = {
  'task-definition': ['task definition', 'task definitions'],
  service: ['service', 'services'],
  cluster: ['cluster', 'clusters'],
  'capacity-provider': ['capacity provider', 'capacity providers'],
  iam: ['IAM role or policy used by a task definition of the template', 'IAM roles and policies used by task definitions of the template'],
};

const FORMS: Record<UnitForm, string> = {
  api: 'a RegisterTaskDefinition request (JSON or YAML)',
  describe: 'a describe output',
  cloudformation: 'a CloudFormation template',
  'container-list': 'a list of container definitions (Terraform container_definitions)',
  terraform: 'Terraform',
  'create-service': 'a CreateService request',
  'update-service': 'an UpdateService request',
  'run-task': 'a RunTask request',
  'create-cluster': 'a CreateCluster request',
  'update-cluster-settings': 'an UpdateClusterSettings request',
  'create-capacity-provider': 'a CreateCapacityProvider request',
};

const or = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
const and = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Each condition of a `when:` in words; every one must hold. */
function conditions(when: RuleWhen): string[] {
  const parts: string[] = [];
  if (when.compatibility) parts.push(COMPATIBILITY[when.compatibility]);
  if (when.os) parts.push(OS[when.os]);
  // The effective network mode: an omitted one counts as awsvpc for a task that runs only on ECS Managed
  // Instances, else as the OS's default (bridge on Linux, default on Windows).
  const omitted = 'an omitted networkMode counts as bridge on Linux, default on Windows, awsvpc on ECS Managed Instances alone';
  if (when.networkMode) parts.push(`the effective network mode is ${or(when.networkMode)} (${omitted})`);
  if (when.networkModeNot) parts.push(`the effective network mode is not ${or(when.networkModeNot)} (${omitted})`);
  if (when.ipcMode) parts.push(`ipcMode is written as ${or(when.ipcMode)}`);
  if (when.has) parts.push(`${and(when.has)} ${when.has.length === 1 ? 'is' : 'are'} set`);
  if (when.form) parts.push(`it is written as ${or(when.form.map((f) => FORMS[f] ?? f))}`);
  if (when.anyOf) parts.push(`at least one of these holds: ${when.anyOf.map((alt, i) => `(${i + 1}) ${conditions(alt).join(', and ') || 'always'}`).join('; ')}`);
  return parts;
}

/** The `when:` conditions in words; every one must hold. */
export function describeWhen(when: RuleWhen | undefined, on: RuleDefinition['on']): string {
  const parts = when ? conditions(when) : [];
  const subject = SUBJECT_NAMES[on ?? 'task-definition'][1];
  if (parts.length === 0) return `all ${subject}`;
  return `${subject} where ${parts.join('; and ')}`;
}

export function ruleInfo(rule: RuleDefinition): RuleInfo {
  const { bad, good } = examplesOf(rule.id);
  return {
    rule,
    presets: presetSeverities(rule),
    appliesWhen: describeWhen(rule.when, rule.on),
    ...(bad ? { bad } : {}),
    ...(good ? { good } : {}),
  };
}

/** How the rule differs under `--docs seed` (the 2020 cheat sheet); undefined when it does not. */
export interface SeedVariant {
  /** The seed has no such rule. */
  off: boolean;
  /** The seed's own check, where its limit differs from today's. */
  check?: CheckDescription;
  /** The limit is the seed's and AWS has relaxed it: under `current` its findings are warnings. */
  relaxed?: Relaxation;
}

export function describeSeed(rule: RuleDefinition): SeedVariant | undefined {
  if (!rule.seed && !rule.relaxed) return undefined;
  if (rule.seed?.enabled === false) return { off: true };
  return {
    off: false,
    ...(rule.seed?.then ? { check: describeCheck({ ...rule, then: rule.seed.then }) } : {}),
    ...(rule.relaxed ? { relaxed: rule.relaxed } : {}),
  };
}

/** How the rule checks what it selects: the JSONPath, then a JSON Schema or a named function with its options. */
export interface CheckDescription {
  given: string[];
  field?: string;
  schema?: Record<string, unknown>;
  fn?: string;
  options?: Record<string, unknown>;
}

export function describeCheck(rule: Pick<RuleDefinition, 'given' | 'then'>): CheckDescription {
  const t = rule.then;
  return {
    given: Array.isArray(rule.given) ? rule.given : [rule.given],
    ...(t.field ? { field: t.field } : {}),
    ...(t.schema ? { schema: t.schema } : {}),
    ...(t.function ? { fn: t.function } : {}),
    ...(t.options ? { options: t.options } : {}),
  };
}

/** All built-in rules, sorted by id. */
export function allRules(): RuleDefinition[] {
  return [...builtInRules()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
