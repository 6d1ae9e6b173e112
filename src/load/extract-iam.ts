import { isObject } from '../model/object';
import type { RoleUse } from '../model/unit';
import { metadataIgnores, resourceProperties, resourceSourceMap } from './cfn-resource';
import { cfnUnit, type CfnTemplate } from './cfn-units';
import type { UnitSpec } from './unit-spec';

/**
 * The IAM roles of a template that its task definitions use as task or execution role, and the IAM policies
 * attached to those roles (`AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` naming the role in `Roles`, or named in
 * the role's `ManagedPolicyArns`). Each becomes a unit of kind `iam` that knows how it is used, so that rules can
 * judge what the task (or ECS on its behalf) is allowed to do. Roles and policies no task definition uses are not units.
 */
export function cloudFormationIamUnits(template: CfnTemplate): UnitSpec[] {
  const { resources } = template;
  const typeOf = (id: string) => {
    const r = resources[id];
    return isObject(r) && typeof r.Type === 'string' ? r.Type : undefined;
  };
  const uses = new Map<string, RoleUse[]>();
  const add = (id: string, use: RoleUse) => {
    const list = uses.get(id) ?? [];
    if (!list.some((u) => u.role === use.role && u.taskDefinition === use.taskDefinition)) list.push(use);
    uses.set(id, list);
  };

  for (const [id, resource] of Object.entries(resources)) {
    if (typeOf(id) !== 'AWS::ECS::TaskDefinition' || !isObject(resource)) continue;
    const properties = resourceProperties(resource);
    for (const [member, role] of [
      ['TaskRoleArn', 'task'],
      ['ExecutionRoleArn', 'execution'],
    ] as const) {
      for (const ref of referencedIds(properties[member])) if (typeOf(ref) === 'AWS::IAM::Role') add(ref, { role, taskDefinition: id });
    }
  }
  const roles = [...uses.keys()];
  for (const [id, resource] of Object.entries(resources)) {
    const type = typeOf(id);
    if (!isObject(resource)) continue;
    if (type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') {
      // A policy names the roles it is attached to by Ref (the role's name).
      for (const ref of referencedIds(resourceProperties(resource).Roles)) for (const use of roles.includes(ref) ? uses.get(ref)! : []) add(id, use);
    }
  }
  for (const role of roles) {
    const properties = resourceProperties(resources[role] as Record<string, unknown>);
    for (const ref of referencedIds(properties.ManagedPolicyArns)) if (typeOf(ref) === 'AWS::IAM::ManagedPolicy') for (const use of uses.get(role)!) add(ref, use);
  }

  const units: UnitSpec[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    const usedBy = uses.get(id);
    if (!usedBy || !isObject(resource)) continue;
    units.push(
      cfnUnit(template, resource, (n) => ({
        kind: 'iam',
        form: 'cloudformation',
        dialect: 'cloudformation',
        name: id,
        view: n.value,
        toWritten: resourceSourceMap(resource, id, n),
        ignores: metadataIgnores(resource, id),
        usedBy,
      })),
    );
  }
  return units;
}

/**
 * The logical ids a value refers to: `Ref X`, `Fn::GetAtt [X, Arn]` / `X.Arn`, `${X}` and `${X.Arn}` in an `Fn::Sub`,
 * through `Fn::If` branches and lists.
 */
function referencedIds(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 20 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) referencedIds(v, out, depth + 1);
    return out;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) return out;
  const [key, arg] = entries[0];
  if (key === 'Ref' && typeof arg === 'string') out.add(arg);
  else if (key === 'Fn::GetAtt') {
    const target = typeof arg === 'string' ? arg.split('.')[0] : Array.isArray(arg) ? arg[0] : undefined;
    if (typeof target === 'string') out.add(target);
  } else if (key === 'Fn::Sub') {
    const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : '';
    for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) out.add(m[1]);
  } else if (key === 'Fn::If' && Array.isArray(arg)) referencedIds(arg.slice(1), out, depth + 1);
  return out;
}
