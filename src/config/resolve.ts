import * as path from 'path';
import type { DocsProfile, LaunchType, Preset, SeveritySetting } from '../model/basics';
import { DEFAULT_CONFIG, type LintConfig } from '../model/config';
import { ConfigError, findConfig, LoadedConfig, loadConfigFile, matchesAny, RuleSetting } from './load';

/** Settings given on the command line (or to the library); they win over configuration files. */
export interface Overrides {
  preset?: Preset;
  rules?: Record<string, SeveritySetting>;
  launchType?: LaunchType;
  docs?: DocsProfile;
  /** Use this configuration file for every linted file instead of discovering one. */
  configFile?: string;
  /** Ignore configuration files. */
  noConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

export interface FileConfig {
  config: LintConfig;
  /** The file matches the configuration's ignorePatterns. */
  ignored: boolean;
  /** The configuration file that applied, if any. */
  source?: string;
}

/**
 * The configuration for one file, in this precedence (later wins): defaults, the preset the
 * configuration file extends, its rules, its overrides whose globs match the file, the command line.
 */
export function configForFile(filePath: string, overrides: Overrides): FileConfig {
  const loaded = overrides.noConfig ? undefined : overrides.configFile ? explicitConfig(overrides.configFile) : findConfig(path.dirname(path.resolve(filePath)));
  // Without ignore patterns or overrides by glob, every file under a configuration gets the same one: built once.
  const uniform = !loaded || (loaded.ignore.length === 0 && loaded.overrides.length === 0);
  if (!uniform) return build(filePath, overrides, loaded);
  let byLoaded = uniformConfigs.get(overrides);
  if (!byLoaded) uniformConfigs.set(overrides, (byLoaded = new Map()));
  let built = byLoaded.get(loaded);
  if (!built) byLoaded.set(loaded, (built = build(filePath, overrides, loaded)));
  return built;
}

/** The configurations that do not depend on the file, by the settings and the configuration file they come from. */
const uniformConfigs = new WeakMap<Overrides, Map<LoadedConfig | undefined, FileConfig>>();

function build(filePath: string, overrides: Overrides, loaded: LoadedConfig | undefined): FileConfig {
  const config: LintConfig = { ...DEFAULT_CONFIG, rules: {}, ruleOptions: {}, reportUnusedDisableDirectives: overrides.reportUnusedDisableDirectives };
  let ignored = false;
  if (loaded) {
    const rel = path.relative(loaded.dir, path.resolve(filePath));
    ignored = matchesAny(loaded.ignore, rel);
    if (loaded.preset) config.preset = loaded.preset;
    if (loaded.launchType) config.launchType = loaded.launchType;
    if (loaded.docs) config.docs = loaded.docs;
    applyRules(config, loaded.rules);
    for (const o of loaded.overrides) {
      if (!matchesAny(o.files, rel) || matchesAny(o.excludedFiles, rel)) continue;
      applyRules(config, o.rules);
      if (o.launchType) config.launchType = o.launchType;
      if (o.docs) config.docs = o.docs;
    }
    if (loaded.customRules.length > 0) config.customRules = loaded.customRules;
  }
  if (overrides.preset) config.preset = overrides.preset;
  if (overrides.launchType) config.launchType = overrides.launchType;
  if (overrides.docs) config.docs = overrides.docs;
  Object.assign(config.rules, overrides.rules ?? {});
  return { config, ignored, source: loaded?.file };
}

const explicitCache = new Map<string, LoadedConfig>();

function explicitConfig(file: string): LoadedConfig {
  let loaded = explicitCache.get(file);
  if (!loaded) {
    loaded = loadConfigFile(file);
    if (!loaded) throw new ConfigError(file, 1, 1, 'package.json has no "ecslint" key');
    explicitCache.set(file, loaded);
  }
  return loaded;
}

function applyRules(config: LintConfig, rules: Record<string, RuleSetting>): void {
  for (const [id, setting] of Object.entries(rules)) {
    if (setting.severity) config.rules[id] = setting.severity;
    if (setting.options) config.ruleOptions![id] = { ...config.ruleOptions![id], ...setting.options };
  }
}
