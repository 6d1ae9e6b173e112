import type { DocsProfile, LaunchType, Preset, SeveritySetting } from './basics';
import type { RuleDefinition } from './rule';

/** Everything that decides which rules run and how, for one file, after files, flags and overrides are merged. */
export interface LintConfig {
  preset: Preset;
  /** Per-rule severity overrides; 'off' turns a rule off. */
  rules: Record<string, SeveritySetting>;
  /** Per-rule options, merged over the options the rule file gives its function. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** What a task definition without requiresCompatibilities targets (AWS's default is EC2). */
  launchType: LaunchType;
  /** `current` follows AWS's documentation as it stands; `seed` the 2020 cheat sheet, as errors. */
  docs: DocsProfile;
  /** Declarative rules from the configuration's rulesDirectories. */
  customRules?: RuleDefinition[];
  /** Report `ecslint-disable` comments and Metadata ignores that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
}

export const DEFAULT_CONFIG: LintConfig = { preset: 'recommended', rules: {}, launchType: 'EC2', docs: 'current' };
