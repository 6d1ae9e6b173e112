import type { Preset, Severity } from './basics';
import type { UnitForm, UnitKind } from './unit';

/** When a rule applies, resolved once per unit. Every listed condition must hold. */
export interface RuleWhen {
  /** FARGATE: the task can run on Fargate. EC2: it is known and cannot. EXTERNAL, MANAGED_INSTANCES: it can run there. */
  compatibility?: 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';
  /** LINUX or WINDOWS, from runtimePlatform or an ecs.os-type placement constraint. */
  os?: 'LINUX' | 'WINDOWS';
  /** The effective network mode is one of these (an omitted mode is bridge on Linux, default on Windows). */
  networkMode?: string[];
  /** The effective network mode is none of these. */
  networkModeNot?: string[];
  /** The written ipcMode is one of these; an omitted or unknown ipcMode never matches. */
  ipcMode?: string[];
  /** Each of these top-level members is set; an unknown value counts as set. */
  has?: string[];
  /** The unit is written in one of these forms. */
  form?: UnitForm[];
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

/**
 * A limit of the 2020 seed that AWS has relaxed since. Under the `current` profile the findings that only the
 * seed's limit makes are warnings that say so; under `seed` they are errors.
 */
export interface Relaxation {
  /** When AWS relaxed the limit (YYYY-MM-DD), or the earliest date the documentation shows it. */
  since: string;
  /** Where AWS says so. */
  url: string;
  /** What AWS accepts now, in a few words ("Windows containers on Fargate"). */
  what: string;
}

/**
 * A safe, mechanical fix, made at the finding's path in the dialect the file is written in. `remove` drops the
 * member; `set` writes `value` (with `onlyIfMissing`, only where the member is absent); `rename-key` renames the
 * member to `to` (a template filled from the check's data); `quote-number` writes a number as a string;
 * `enum-case` writes a value with the spelling of the one allowed value (the check's `allowedValues`) that
 * differs from it only in case. `when` narrows where the fix is offered; `ifData` requires values of the check's data.
 */
export interface RuleFix {
  kind: 'remove' | 'set' | 'rename-key' | 'quote-number' | 'enum-case';
  value?: string | number | boolean;
  onlyIfMissing?: boolean;
  to?: string;
  when?: RuleWhen;
  ifData?: Record<string, string>;
}

/** A rule as written in rules/<id>.yaml. */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** The smallest preset that turns the rule on: recommended ⊂ strict ⊂ all. */
  preset: Preset;
  description: string;
  /** What the rule checks: task definitions (the default), services, clusters or capacity providers. */
  on?: UnitKind;
  /** Where the constraint is documented: an AWS document, the API model, the seed (quoted), a peer linter. */
  source: string;
  /** The AWS page that documents the limit (required of built-in rules; a team's own rules may omit it). */
  url?: string;
  when?: RuleWhen;
  /** JSONPath into the normalised unit; a list means any of them. */
  given: string | string[];
  then: RuleCheck;
  /**
   * Message template: {{container}} and {{volume}} (`container "web"`, or `the 2nd container (no name)`), {{value}},
   * {{field}} and {{member}} (as the unit writes them), {{property}}, the check's own data, and member names as
   * {{name:networkMode}}, {{name:/executionRoleArn}} (from the unit) or {{name:$field}} (named by the data), which
   * render in the unit's dialect (src/engine/message.ts).
   */
  message: string;
  /** How to fix it, in one sentence (required of built-in rules). */
  remediation?: string;
  /**
   * How the `seed` profile differs. `then`: the seed's own check, where the seed's limit differs from
   * today's (a stricter limit, or an older list of values). `enabled: false`: the seed has no such rule.
   */
  seed?: { then?: RuleCheck; enabled?: false };
  /** The rule's limit (or, with `seed.then`, the seed's stricter one) is the seed's, and AWS has relaxed it. */
  relaxed?: Relaxation;
  /** A safe, mechanical fix of the finding (`ecslint --fix`, editors' quick fixes). */
  fix?: RuleFix;
}

/** What only documentation reads of a rule (explain, the docs, SARIF's rule list); a lint run needs none of it. */
export const RULE_DOC_FIELDS = ['description', 'source', 'url', 'remediation'] as const;
export type RuleDocs = Pick<RuleDefinition, (typeof RULE_DOC_FIELDS)[number]>;
/** A rule as the engine runs it: its definition without the documentation. */
export type EngineRule = Omit<RuleDefinition, (typeof RULE_DOC_FIELDS)[number]>;

export const PRESET_ORDER: readonly Preset[] = ['recommended', 'strict', 'all'];

export function inPreset(rulePreset: Preset, chosen: Preset): boolean {
  return PRESET_ORDER.indexOf(rulePreset) <= PRESET_ORDER.indexOf(chosen);
}
