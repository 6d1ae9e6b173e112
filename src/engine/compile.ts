import type { DocsProfile, Severity } from '../model/basics';
import type { EngineRule, Relaxation, RuleCheck, RuleFix, RuleWhen } from '../model/rule';
import type { Target, UnitKind } from '../model/unit';
import { builtInValidator, Validator } from './registry';
import { compileSelector, Selector } from './select';

/** One check of a rule, ready to run. */
export interface CompiledCheck {
  check: RuleCheck;
  validator: Validator | undefined;
  /** Its findings are the seed's limit that AWS has relaxed: warnings that say so, under the current profile. */
  relaxed: boolean;
}

/** A rule ready to run: its docs profile applied, its selectors and validators compiled. */
export interface CompiledRule {
  id: string;
  on: UnitKind;
  severity: Severity;
  when: RuleWhen | undefined;
  selectors: Selector[];
  checks: CompiledCheck[];
  message: string;
  relaxation?: Relaxation;
  fix?: RuleFix;
}

/**
 * Apply the docs profile. Under `seed` a rule runs the seed's check (`seed.then`, or its only check) and
 * every finding has the rule's severity. Under `current` it runs today's check; a relaxed rule also runs the
 * seed's stricter check, whose extra findings are warnings that name the seed's limit.
 */
export function compileRule(rule: EngineRule, severity: Severity, docs: DocsProfile, validatorFor: (key: string) => Validator | undefined = builtInValidator): CompiledRule | undefined {
  if (docs === 'seed' && rule.seed?.enabled === false) return undefined;
  const seedCheck = rule.seed?.then;
  const plan: Array<{ check: RuleCheck; key: string; relaxed: boolean }> = [];
  if (docs === 'seed') plan.push(seedCheck ? { check: seedCheck, key: `${rule.id}#seed`, relaxed: false } : { check: rule.then, key: rule.id, relaxed: false });
  else if (rule.relaxed && !seedCheck) plan.push({ check: rule.then, key: rule.id, relaxed: true });
  else {
    plan.push({ check: rule.then, key: rule.id, relaxed: false });
    if (rule.relaxed && seedCheck) plan.push({ check: seedCheck, key: `${rule.id}#seed`, relaxed: true });
  }
  const checks = plan.map(({ check, key, relaxed }) => {
    const validator = check.schema ? validatorFor(key) : undefined;
    if (check.schema && !validator) throw new Error(`Rule ${rule.id}: no compiled validator for ${key} (run the build).`);
    return { check, validator, relaxed };
  });
  const givens = Array.isArray(rule.given) ? rule.given : [rule.given];
  return {
    id: rule.id,
    on: rule.on ?? 'task-definition',
    severity,
    when: rule.when,
    selectors: givens.map(compileSelector),
    checks,
    message: rule.message,
    ...(rule.relaxed ? { relaxation: rule.relaxed } : {}),
    ...(rule.fix ? { fix: rule.fix } : {}),
  };
}

export function applies(when: RuleWhen | undefined, target: Target): boolean {
  if (!when) return true;
  if (when.compatibility === 'FARGATE' && target.fargate !== true) return false;
  if (when.compatibility === 'EC2' && target.fargate !== false) return false;
  if ((when.compatibility === 'EXTERNAL' || when.compatibility === 'MANAGED_INSTANCES') && !target.compatibilities?.has(when.compatibility)) return false;
  if (when.os && target.os !== when.os) return false;
  if (when.networkMode && (target.networkMode === undefined || !when.networkMode.includes(target.networkMode))) return false;
  if (when.networkModeNot && (target.networkMode === undefined || when.networkModeNot.includes(target.networkMode))) return false;
  if (when.ipcMode && (target.ipcMode === undefined || !when.ipcMode.includes(target.ipcMode))) return false;
  if (when.has && !when.has.every((member) => target.setMembers.has(member))) return false;
  if (when.form && !when.form.includes(target.form)) return false;
  if (when.anyOf && !when.anyOf.some((alternative) => applies(alternative, target))) return false;
  return true;
}
