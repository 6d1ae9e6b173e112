import type { LintConfig } from '../model/config';
import { inPreset, type EngineRule, type RuleDefinition } from '../model/rule';
import type { UnitKind } from '../model/unit';
import { CompiledRule, compileRule } from './compile';
import { builtInValidator, engineRules, checkFunction, Validator } from './registry';
import { errorsText, runtimeValidator } from './runtime-validators';

/** The rules one configuration turns on, compiled and indexed by the kind of unit they check. */
export interface Ruleset {
  docs: LintConfig['docs'];
  /** The compiled rules for one kind of unit, in rule order: the same array each time. */
  rulesFor(kind: UnitKind): readonly CompiledRule[];
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
    // Each rule's options are checked now: a mistake in them stops the run before any file is read. A team's
    // own rules, and rules with options, are compiled now too, so that their schemas and paths are checked
    // as early. The built-in rules as built are compiled the first time a unit of their kind is linted: a run
    // of task definitions never compiles the service and cluster rules (a quarter of them).
    const pending = new Map<UnitKind, Array<CompiledRule | (() => CompiledRule | undefined)>>();
    const custom = new Set<EngineRule>(config.customRules ?? []);
    for (const rule of [...engineRules(), ...(config.customRules ?? [])]) {
      const setting = config.rules[rule.id] ?? (inPreset(rule.preset, config.preset) ? rule.severity : 'off');
      if (setting === 'off') continue;
      const configured = withOptions(rule, config.ruleOptions?.[rule.id]);
      const kind = configured.on ?? 'task-definition';
      const list = pending.get(kind) ?? [];
      pending.set(kind, list);
      if (custom.has(rule) || configured !== rule) {
        const compiled = compileRule(configured, setting, config.docs, customValidator(configured));
        if (compiled) list.push(compiled);
      } else list.push(() => compileRule(configured, setting, config.docs));
    }
    const compiledByKind = new Map<UnitKind, CompiledRule[]>();
    const docs = config.docs;
    ruleset = {
      docs,
      rulesFor(kind) {
        let rules = compiledByKind.get(kind);
        if (!rules) {
          rules = [];
          for (const entry of pending.get(kind) ?? []) {
            const compiled = typeof entry === 'function' ? entry() : entry;
            if (compiled) rules.push(compiled);
          }
          compiledByKind.set(kind, rules);
        }
        return rules;
      },
    };
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
