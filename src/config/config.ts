import type { RuleDefinition } from '../engine/rule';
import type { DocsProfile, LaunchType, Preset, SeveritySetting } from '../types';

/** Everything that decides which rules run and how, after files, flags and overrides are merged. */
export interface LintConfig {
  preset: Preset;
  /** Per-rule severity overrides; 'off' turns a rule off. */
  rules: Record<string, SeveritySetting>;
  /** Per-rule options, merged over the options the rule file gives its function. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** What a task definition without requiresCompatibilities targets (AWS's default is EC2). */
  launchType: LaunchType;
  /** `seed` follows the cheat sheet the project was created from; `current` follows the newer AWS docs. */
  docs: DocsProfile;
  /** Declarative rules from the configuration's rulesDirectories. */
  customRules?: RuleDefinition[];
  /** Report `ecslint-disable` comments that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export const DEFAULT_CONFIG: LintConfig = { preset: 'recommended', rules: {}, launchType: 'EC2', docs: 'seed' };
