import { isObject } from '../model/object';
import type { Segment } from '../model/path';
import type { RoleUse, SourceUnit } from '../model/unit';

/**
 * Reading IAM policy documents of an `iam` unit (a role's inline policies, a policy's document): the statements that
 * allow something unconditionally, their actions and resources as written, and how the unit is used.
 */

export interface Statement {
  statement: Record<string, unknown>;
  path: Segment[];
}

export interface Written {
  value: string;
  path: Segment[];
}

/** Every statement of the unit's policy documents, with its path in the view. */
export function statements(view: Record<string, unknown>): Statement[] {
  const documents: Array<{ doc: unknown; path: Segment[] }> = [];
  if (Array.isArray(view.policies)) view.policies.forEach((p, i) => isObject(p) && documents.push({ doc: p.policyDocument, path: ['policies', i, 'policyDocument'] }));
  if (view.policyDocument !== undefined) documents.push({ doc: view.policyDocument, path: ['policyDocument'] });
  const out: Statement[] = [];
  for (const { doc, path } of documents) {
    if (!isObject(doc)) continue;
    const s = doc.Statement;
    if (Array.isArray(s)) s.forEach((st, i) => isObject(st) && out.push({ statement: st, path: [...path, 'Statement', i] }));
    else if (isObject(s)) out.push({ statement: s, path: [...path, 'Statement'] });
  }
  return out;
}

/**
 * Whether a statement allows its actions on its resources without a condition. NotAction and NotResource are
 * left out: what they allow depends on everything they do not name.
 */
export function allowsUnconditionally(statement: Record<string, unknown>): boolean {
  return statement.Effect === 'Allow' && statement.Condition === undefined && statement.NotAction === undefined && statement.NotResource === undefined;
}

/** A member that is one string or a list of strings, each with its path; unknown values are skipped. */
export function strings(statement: Statement, member: string): Written[] {
  const value = statement.statement[member];
  if (typeof value === 'string') return [{ value, path: [...statement.path, member] }];
  if (!Array.isArray(value)) return [];
  const out: Written[] = [];
  value.forEach((v, i) => typeof v === 'string' && out.push({ value: v, path: [...statement.path, member, i] }));
  return out;
}

/**
 * Whether an IAM action pattern (`*` and `?` wildcards, case-insensitive) covers an action. Matched by hand rather
 * than through a RegExp built from the pattern: a pattern with many `*` would backtrack exponentially, and the
 * pattern comes from the template. Going back only to the last `*` keeps the work at pattern × action length.
 */
export function covers(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < a.length) {
    if (i < p.length && (p[i] === '?' || p[i] === a[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** The service prefix of an action pattern (`s3` of `s3:Get*`), lower-cased; undefined for `*`. */
export function serviceOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon === -1 ? undefined : action.slice(0, colon).toLowerCase();
}

/** How the unit is used, in words for messages, when one of its uses is `role`; undefined otherwise. */
export function useOf(unit: SourceUnit, role: RoleUse['role']): { noun: string; use: string } | undefined {
  const uses = (unit.usedBy ?? []).filter((u) => u.role === role);
  if (uses.length === 0) return undefined;
  const isRole = Object.hasOwn(unit.view, 'assumeRolePolicyDocument');
  const names = uses.map((u) => `"${u.taskDefinition}"`).join(', ');
  const roleName = role === 'task' ? 'task role' : 'task execution role';
  return { noun: `${isRole ? 'Role' : 'Policy'} "${unit.name}"`, use: `${isRole ? 'the' : 'attached to the'} ${roleName} of task definition ${names}` };
}

/** The AWS managed policy a `managedPolicyArns` item names (`AdministratorAccess`), if it is one. */
export function awsManagedPolicy(arn: string): string | undefined {
  // Split rather than one RegExp: `(?:.*\/)?` before the name retries from every slash, quadratic on a long value.
  const slash = arn.indexOf('/');
  if (slash < 0 || !/^arn:[^:]+:iam::aws:policy$/.test(arn.slice(0, slash))) return undefined;
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return /^[A-Za-z0-9+=,.@_-]+$/.test(name) ? name : undefined;
}

export function managedPolicyArns(view: Record<string, unknown>): Written[] {
  const list = view.managedPolicyArns;
  if (!Array.isArray(list)) return [];
  const out: Written[] = [];
  list.forEach((v, i) => typeof v === 'string' && out.push({ value: v, path: ['managedPolicyArns', i] }));
  return out;
}
