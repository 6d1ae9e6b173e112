import type { LintConfig } from '../model/config';
import { inPreset, type EngineRule, type RuleDefinition } from '../model/rule';
import type { UnitKind } from '../model/unit';
import { CompiledRule, compileRule } from './compile';
import { builtInValidator, engineRules, checkFunction, Validator } from './registry';
import { errorsText, runtimeValidator } from './runtime-validators';

/** The rules one configuration turns on, compiled and indexed by the kind of unit they check. */
export interface Ruleset {
  docs: LintConfig['docs'];
  byKind: ReadonlyMap<UnitKind, CompiledRule[]>;
}

/** A rule option that does not fit the rule's function: a configuration mistake, reported with the rule's id. */
export class RuleOptionsError extends Error {
  constructor(
    readonly ruleId: string,
    reason: string,
  ) {
    super(reason);
  }
}

const cache = new Map<string, Ruleset>();
const customCache = new WeakMap<RuleDefinition[], Map<string, Ruleset>>();

/**
 * The ruleset of a configuration, compiled once per distinct configuration: severities from the preset
 * and the overrides, options merged, the docs profile applied.
 */
export function rulesetFor(config: LintConfig): Ruleset {
  // A run gives the same configuration object to every file it applies to: found without building its key.
  const known = byObject.get(config);
  if (known) return known;
  const ruleset = compiledRuleset(config);
  byObject.set(config, ruleset);
  return ruleset;
}

const byObject = new WeakMap<LintConfig, Ruleset>();

function compiledRuleset(config: LintConfig): Ruleset {
  const key = JSON.stringify([config.preset, config.docs, config.rules, config.ruleOptions ?? {}]);
  let byConfig = cache;
  if (config.customRules) {
    byConfig = customCache.get(config.customRules) ?? new Map();
    customCache.set(config.customRules, byConfig);
  }
  let ruleset = byConfig.get(key);
  if (!ruleset) {
    const byKind = new Map<UnitKind, CompiledRule[]>();
    const custom = new Set<EngineRule>(config.customRules ?? []);
    for (const rule of [...engineRules(), ...(config.customRules ?? [])]) {
      const setting = config.rules[rule.id] ?? (inPreset(rule.preset, config.preset) ? rule.severity : 'off');
      if (setting === 'off') continue;
      const configured = withOptions(rule, config.ruleOptions?.[rule.id]);
      const validatorFor = custom.has(rule) || configured !== rule ? customValidator(configured) : undefined;
      const compiled = compileRule(configured, setting, config.docs, validatorFor);
      if (!compiled) continue;
      const list = byKind.get(compiled.on) ?? [];
      list.push(compiled);
      byKind.set(compiled.on, list);
    }
    ruleset = { docs: config.docs, byKind };
    byConfig.set(key, ruleset);
  }
  return ruleset;
}

/** A rule with options from the configuration merged over its own, checked against its function's options schema. */
function withOptions(rule: EngineRule, options: Record<string, unknown> | undefined): EngineRule {
  if (!options) return rule;
  if (!rule.then.function) throw new RuleOptionsError(rule.id, `rule ${rule.id} takes no options: it is a schema check`);
  const fn = checkFunction(rule.then.function);
  const merge = (then: EngineRule['then']) => {
    const merged = { ...then.options, ...options };
    const v = runtimeValidator(fn.optionsSchema);
    if (!v(merged)) throw new RuleOptionsError(rule.id, `options for rule ${rule.id}: ${errorsText(v)}`);
    return { ...then, options: merged };
  };
  const seedThen = rule.seed?.then?.function === rule.then.function ? merge(rule.seed.then) : rule.seed?.then;
  return { ...rule, then: merge(rule.then), ...(rule.seed ? { seed: { ...rule.seed, ...(seedThen ? { then: seedThen } : {}) } } : {}) };
}

function customValidator(rule: EngineRule): (key: string) => Validator | undefined {
  return (key) => {
    const schema = key.endsWith('#seed') ? rule.seed?.then?.schema : rule.then.schema;
    return schema ? runtimeValidator(schema) : builtInValidator(key);
  };
}
