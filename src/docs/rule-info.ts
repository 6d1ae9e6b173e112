/**
 * Everything a reader needs to know about one rule, gathered from its rule file and its fixtures. Shared by
 * `ecslint rules`, `ecslint explain` and scripts/gen-docs.ts, so the terminal and the docs never disagree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../model/config';
import { builtInRules } from '../engine/registry';
import { inPreset, PRESET_ORDER, type Relaxation, type RuleDefinition, type RuleWhen } from '../model/rule';
import type { UnitKind as RuleSubject } from '../model/unit';
import { lintSource } from '../pipeline';
import type { DocsProfile, LaunchType, Preset, SeveritySetting } from '../model/basics';

/** The package root: rules/, fixtures/ and docs/ live here. */
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

/** The `when:` conditions in words; every one must hold. */
export function describeWhen(when: RuleWhen | undefined, on: RuleDefinition['on']): string {
  const parts: string[] = [];
  if (when?.compatibility) parts.push(COMPATIBILITY[when.compatibility]);
  if (when?.os) parts.push(OS[when.os]);
  // An omitted networkMode counts as the OS's default: bridge on Linux, default on Windows.
  if (when?.networkMode) parts.push(`the effective network mode is ${when.networkMode.join(' or ')}`);
  if (when?.networkModeNot) parts.push(`the effective network mode is not ${when.networkModeNot.join(' or ')}`);
  const subject = SUBJECT_NAMES[on ?? 'task-definition'][1];
  if (parts.length === 0) return `all ${subject}`;
  return `${subject} where ${parts.join('; and ')}`;
}

const SIDE_FILE = /\.(findings|options)\.json$/;

/** The first fixture (by name) of a rule's valid/ or invalid/ folder. */
function firstFixture(id: string, kind: 'valid' | 'invalid'): string | undefined {
  const dir = path.join(ROOT, 'fixtures', id, kind);
  if (!fs.existsSync(dir)) return undefined;
  const name = fs
    .readdirSync(dir)
    .filter((f) => !SIDE_FILE.test(f) && /\.(json|ya?ml|template)$/.test(f))
    .sort()[0];
  return name === undefined ? undefined : path.join(dir, name);
}

function example(rule: RuleDefinition, kind: 'valid' | 'invalid'): Example | undefined {
  const file = firstFixture(rule.id, kind);
  if (!file) return undefined;
  const optionsFile = file.replace(/\.(json|ya?ml|template)$/, '.options.json');
  const options = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as { launchType?: LaunchType; docs?: DocsProfile }) : {};
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('utf8');
  let findings: Example['findings'] = [];
  if (kind === 'invalid') {
    // Lint it the way the rule's own test does: this rule alone decides, at its own severity.
    const config = { ...DEFAULT_CONFIG, preset: 'all' as const, rules: { [rule.id]: rule.severity }, launchType: options.launchType ?? 'EC2', docs: options.docs ?? DEFAULT_CONFIG.docs };
    findings = lintSource(text, file, config)!
      .messages.filter((m) => m.ruleId === rule.id)
      .map((m) => ({ line: m.line, column: m.column, message: m.message }));
  }
  return {
    file: path.relative(ROOT, file).split(path.sep).join('/'),
    language: /\.json$/.test(file) || /^\s*[[{]/.test(text) ? 'json' : 'yaml',
    text,
    ...(options.launchType ? { launchType: options.launchType } : {}),
    ...(options.docs ? { docs: options.docs } : {}),
    findings,
  };
}

export function ruleInfo(rule: RuleDefinition): RuleInfo {
  const bad = example(rule, 'invalid');
  const good = example(rule, 'valid');
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
