import type { LintConfig } from '../config/config';
import { builtInRules, builtInValidator, checkFunction, Validator } from './registry';
import { inPreset, RuleDefinition } from './rule';
import { CompiledRule, compileRule } from './run';
import { errorsText, runtimeValidator } from './runtime-validators';

type Kind = CompiledRule['on'];

const compiledCache = new Map<string, Map<Kind, CompiledRule[]>>();
const customCache = new WeakMap<RuleDefinition[], Map<string, Map<Kind, CompiledRule[]>>>();

/**
 * The rules a configuration turns on for one kind of document, compiled once per distinct
 * configuration: severities from the preset and the overrides, options merged, the docs profile applied.
 */
export function activeRules(config: LintConfig, kind: Kind): CompiledRule[] {
  const key = JSON.stringify([config.preset, config.docs, config.rules, config.ruleOptions ?? {}]);
  let cache = compiledCache;
  if (config.customRules) {
    cache = customCache.get(config.customRules) ?? new Map();
    customCache.set(config.customRules, cache);
  }
  let byKind = cache.get(key);
  if (!byKind) {
    byKind = new Map();
    const custom = new Set(config.customRules ?? []);
    for (const rule of [...builtInRules(), ...(config.customRules ?? [])]) {
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
    cache.set(key, byKind);
  }
  return byKind.get(kind) ?? [];
}

/** A rule with options from the configuration merged over its own, checked against its function's options schema. */
function withOptions(rule: RuleDefinition, options: Record<string, unknown> | undefined): RuleDefinition {
  if (!options) return rule;
  if (!rule.then.function) throw new Error(`Rule ${rule.id} takes no options: it is a schema check.`);
  const merged = { ...rule.then.options, ...options };
  const v = runtimeValidator(checkFunction(rule.then.function).optionsSchema);
  if (!v(merged)) throw new Error(`Options for rule ${rule.id}: ${errorsText(v)}.`);
  return { ...rule, then: { ...rule.then, options: merged } };
}

function customValidator(rule: RuleDefinition): (key: string) => Validator | undefined {
  return (key) => {
    const schema = key.endsWith('#current') ? rule.current?.then?.schema : rule.then.schema;
    return schema ? runtimeValidator(schema) : builtInValidator(key);
  };
}
