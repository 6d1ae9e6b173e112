import { isObject } from '../model/object';
import { ConditionModel, conditionsUsedIn, SCENARIO_CAP } from './cfn-conditions';
import { normalise, type Normalised } from './normalise';
import { resourceProperties } from './cfn-resource';
import type { UnitSpec } from './unit-spec';
import { MAX_NODES } from './parsed';

/**
 * The values that the scenario views of one template may hold in all. Each scenario is normalised and linted like
 * a unit of its own, so a template's scenarios cost as much as a file of this many values; the file itself is
 * refused above MAX_NODES, and its scenarios are held to the same bound.
 */
export const SCENARIO_VALUES = MAX_NODES;

/** What every resource of one template resolves against: its Conditions and Mappings. */
export interface CfnTemplate {
  resources: Record<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: ConditionModel;
  /** What is left of SCENARIO_VALUES for the template's units still to be extracted. */
  scenarioValues: { left: number };
}

export function cfnTemplate(root: Record<string, unknown>): CfnTemplate {
  return {
    resources: isObject(root.Resources) ? root.Resources : {},
    mappings: isObject(root.Mappings) ? root.Mappings : {},
    conditions: new ConditionModel(root),
    scenarioValues: { left: SCENARIO_VALUES },
  };
}

/**
 * The unit of one resource: its view with `Fn::If` values unknown, and, when its Properties use `Fn::If`, one
 * view per scenario of the conditions they use (those in which the resource's own Condition holds). Above the
 * cap the unit keeps only the first view and says so. `build` makes the unit from a normalisation of the
 * Properties; it is called once per view. `linked` is the resource a service runs (its task definition).
 */
export function cfnUnit(template: CfnTemplate, resource: Record<string, unknown>, build: (n: Normalised) => UnitSpec, linked?: Record<string, unknown>): UnitSpec {
  const properties = resourceProperties(resource);
  const base = build(normalise(properties, 'cloudformation', { mappings: template.mappings }));
  const used = conditionsUsedIn(properties);
  // A service's scenarios also cover the conditions of the task definition it runs from the same template, so that
  // each is checked with the task definition's branch of the same condition values.
  if (linked) conditionsUsedIn(resourceProperties(linked), used);
  if (used.size === 0) return base;
  const own = typeof resource.Condition === 'string' ? resource.Condition : undefined;
  const set = template.conditions.scenariosFor(used, own);
  if (set.kind === 'capped') return { ...base, scenariosCapped: { cap: set.cap, conditions: [...used].sort() } };
  if (set.kind === 'never') return base;
  const cost = set.scenarios.length * countValues(properties, template.scenarioValues.left);
  if (cost > template.scenarioValues.left) return { ...base, scenariosCapped: { cap: SCENARIO_CAP, conditions: [...used].sort(), values: SCENARIO_VALUES } };
  template.scenarioValues.left -= cost;
  const scenarios = set.scenarios.map((scenario) => ({ ...build(normalise(properties, 'cloudformation', { conditions: scenario.conditions, mappings: template.mappings })), scenario }));
  return { ...base, scenarios };
}

/** The objects, arrays and scalars in a value, counted up to just past `limit`. */
function countValues(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (v !== null && typeof v === 'object') for (const member of Object.values(v)) stack.push(member);
  }
  return count;
}
