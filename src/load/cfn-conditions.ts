import { isObject } from '../model/object';

/**
 * A CloudFormation template's `Conditions`, read so that every branch that can deploy is checked. The
 * atoms of the conditions are what the stack's parameters decide:
 * - `Fn::Equals` of one `Ref` and a literal is "parameter P has value v". At most one such atom is true per
 *   parameter; when the parameter lists `AllowedValues`, exactly one of them is (values it cannot take never are).
 * - `Fn::Equals` of two literals is a constant.
 * - Anything else (`Fn::Equals` of two references, an unknown intrinsic, a condition that names no condition) is an
 *   opaque atom: true or false independently of the others; equal expressions are one atom.
 * `Fn::And`, `Fn::Or`, `Fn::Not` and `Condition` combine them, so a condition's value implies the values of the
 * conditions that it references. A unit's scenarios are the distinct assignments of the conditions it uses,
 * among the consistent assignments of the atoms in which its resource's own `Condition` holds.
 */

/** Condition name -> value, for the conditions a unit uses. */
export type ConditionValues = Record<string, boolean>;

export interface Scenario {
  /** For reports: `IsDev=true, UseSpot=false`. */
  name: string;
  conditions: ConditionValues;
}

export type ScenarioSet =
  | { kind: 'scenarios'; scenarios: Scenario[] }
  /** More distinct scenarios than the cap, or more atom assignments than can be tried. */
  | { kind: 'capped'; cap: number }
  /** The resource's own Condition can never hold: nothing of it deploys. */
  | { kind: 'never' };

/** Scenarios per unit; above this a unit is checked once, with branch values unknown. */
export const SCENARIO_CAP = 64;
/** Atom assignments tried per unit. Each parameter's domain is small, so this is reached only by many independent atoms. */
const ASSIGNMENT_LIMIT = 4096;
/**
 * Expression nodes evaluated per unit (assignments times the nodes of the conditions it uses): a few conditions
 * of a handful of nodes each stay far below it; a template that buries its atoms in huge expressions is capped.
 */
const EVALUATION_LIMIT = 2_000_000;

type Expr =
  | { kind: 'const'; value: boolean }
  | { kind: 'eq'; variable: string; value: string }
  | { kind: 'atom'; variable: string }
  | { kind: 'not'; arg: Expr }
  | { kind: 'and' | 'or'; args: Expr[] }
  | { kind: 'ref'; name: string };

/** A value a parameter can take that no condition compares it with. */
const OTHER = '\u0000other';

/** One variable of the enumeration: a parameter (its domain is its compared values, and maybe "any other") or an opaque atom. */
interface Variable {
  domain: string[];
}

export class ConditionModel {
  readonly #raw: Record<string, unknown>;
  readonly #parameters: Record<string, unknown>;
  readonly #parsed = new Map<string, Expr>();

  constructor(template: Record<string, unknown>) {
    this.#raw = isObject(template.Conditions) ? template.Conditions : {};
    this.#parameters = isObject(template.Parameters) ? template.Parameters : {};
  }

  /** Whether the template defines a condition of this name. */
  has(name: string): boolean {
    return Object.hasOwn(this.#raw, name);
  }

  /**
   * The distinct assignments of `used` in which `resourceCondition` (the resource's own Condition, when it has
   * one) holds, at most `cap` of them.
   */
  scenariosFor(used: Iterable<string>, resourceCondition: string | undefined, cap = SCENARIO_CAP): ScenarioSet {
    const names = [...new Set(used)].sort();
    const exprs = names.map((n) => this.#condition(n));
    const guard = resourceCondition === undefined ? undefined : this.#condition(resourceCondition);
    const variables = new Map<string, Variable>();
    const literals = new Map<string, Set<string>>();
    const seen = new Set<string>();
    let size = 0;
    const collect = (e: Expr): void => {
      size++;
      switch (e.kind) {
        case 'eq':
          if (!literals.has(e.variable)) literals.set(e.variable, new Set());
          literals.get(e.variable)!.add(e.value);
          return;
        case 'atom':
          variables.set(e.variable, { domain: ['true', 'false'] });
          return;
        case 'not':
          return collect(e.arg);
        case 'and':
        case 'or':
          return e.args.forEach(collect);
        case 'ref':
          if (seen.has(e.name)) return;
          seen.add(e.name);
          return collect(this.#condition(e.name));
      }
    };
    exprs.forEach(collect);
    if (guard) collect(guard);
    for (const [parameter, values] of literals) variables.set(`param:${parameter}`, { domain: this.#domain(parameter, values) });

    const order = [...variables.keys()];
    let total = 1;
    for (const v of order) total *= variables.get(v)!.domain.length;
    if (total > ASSIGNMENT_LIMIT || total * size > EVALUATION_LIMIT) return { kind: 'capped', cap };

    const distinct = new Map<string, ConditionValues>();
    const assignment = new Map<string, string>();
    const visit = (i: number): boolean => {
      if (i === order.length) {
        const memo = new Map<string, boolean>();
        if (guard && !this.#evaluate(guard, assignment, memo, new Set())) return true;
        const values: ConditionValues = {};
        exprs.forEach((e, k) => (values[names[k]] = this.#evaluate(e, assignment, memo, new Set())));
        const key = names.map((n) => (values[n] ? '1' : '0')).join('');
        if (!distinct.has(key)) distinct.set(key, values);
        return distinct.size <= cap;
      }
      for (const value of variables.get(order[i])!.domain) {
        assignment.set(order[i], value);
        if (!visit(i + 1)) return false;
      }
      return true;
    };
    if (!visit(0)) return { kind: 'capped', cap };
    if (distinct.size === 0) return { kind: 'never' };
    const scenarios = [...distinct.values()].map((conditions) => ({ name: scenarioName(conditions), conditions }));
    return { kind: 'scenarios', scenarios };
  }

  /** The values a parameter is compared with that it can take, and "another value" when it can take one. */
  #domain(parameter: string, compared: Set<string>): string[] {
    const declared = this.#parameters[parameter];
    const allowed = isObject(declared) && Array.isArray(declared.AllowedValues) && declared.AllowedValues.length > 0 ? declared.AllowedValues.map(literal) : undefined;
    if (!allowed || allowed.some((v) => v === undefined)) return [...compared, OTHER];
    const allowedSet = new Set(allowed as string[]);
    const domain = [...compared].filter((v) => allowedSet.has(v));
    if ([...allowedSet].some((v) => !compared.has(v))) domain.push(OTHER);
    return domain;
  }

  #condition(name: string): Expr {
    let e = this.#parsed.get(name);
    if (!e) {
      e = Object.hasOwn(this.#raw, name) ? parse(this.#raw[name]) : { kind: 'atom', variable: `undefined:${name}` };
      this.#parsed.set(name, e);
    }
    return e;
  }

  #evaluate(e: Expr, assignment: Map<string, string>, memo: Map<string, boolean>, stack: Set<string>): boolean {
    switch (e.kind) {
      case 'const':
        return e.value;
      case 'eq':
        return assignment.get(`param:${e.variable}`) === e.value;
      case 'atom':
        return assignment.get(e.variable) === 'true';
      case 'not':
        return !this.#evaluate(e.arg, assignment, memo, stack);
      case 'and':
        return e.args.every((a) => this.#evaluate(a, assignment, memo, stack));
      case 'or':
        return e.args.some((a) => this.#evaluate(a, assignment, memo, stack));
      case 'ref': {
        const known = memo.get(e.name);
        if (known !== undefined) return known;
        // A cycle of conditions is rejected by CloudFormation; read the repeated reference as false.
        if (stack.has(e.name)) return false;
        stack.add(e.name);
        const value = this.#evaluate(this.#condition(e.name), assignment, memo, stack);
        stack.delete(e.name);
        memo.set(e.name, value);
        return value;
      }
    }
  }
}

/** A condition written in the template, as an expression over atoms. */
function parse(value: unknown): Expr {
  const opaque = (): Expr => ({ kind: 'atom', variable: `expr:${JSON.stringify(value)}` });
  if (typeof value === 'boolean') return { kind: 'const', value };
  if (!isObject(value)) return opaque();
  const keys = Object.keys(value);
  if (keys.length !== 1) return opaque();
  const arg = value[keys[0]];
  switch (keys[0]) {
    case 'Condition':
      return typeof arg === 'string' ? { kind: 'ref', name: arg } : opaque();
    case 'Fn::Not':
      return Array.isArray(arg) && arg.length === 1 ? { kind: 'not', arg: parse(arg[0]) } : opaque();
    case 'Fn::And':
    case 'Fn::Or':
      return Array.isArray(arg) && arg.length > 0 ? { kind: keys[0] === 'Fn::And' ? 'and' : 'or', args: arg.map(parse) } : opaque();
    case 'Fn::Equals': {
      if (!Array.isArray(arg) || arg.length !== 2) return opaque();
      const [a, b] = arg.map(literal);
      if (a !== undefined && b !== undefined) return { kind: 'const', value: a === b };
      const ref = a === undefined ? refName(arg[0]) : refName(arg[1]);
      const other = a === undefined ? b : a;
      if (ref !== undefined && other !== undefined) return { kind: 'eq', variable: ref, value: other };
      return opaque();
    }
    default:
      return opaque();
  }
}

/** A literal as CloudFormation compares it: as a string. */
function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function refName(value: unknown): string | undefined {
  return isObject(value) && Object.keys(value).length === 1 && typeof value.Ref === 'string' ? value.Ref : undefined;
}

function scenarioName(conditions: ConditionValues): string {
  return Object.entries(conditions)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** The condition names that `Fn::If` uses anywhere in a value as written (a resource's Properties). */
export function conditionsUsedIn(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (value === null || typeof value !== 'object' || depth > 200) return out;
  if (Array.isArray(value)) {
    for (const v of value) conditionsUsedIn(v, out, depth + 1);
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'Fn::If' && Array.isArray(v) && typeof v[0] === 'string') out.add(v[0]);
    conditionsUsedIn(v, out, depth + 1);
  }
  return out;
}
