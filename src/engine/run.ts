import type { Segment } from '../load/normalise';
import { Unknown } from '../load/unknown';
import type { DocsProfile, Severity } from '../types';
import { fillTemplate } from './message';
import { builtInValidator, checkFunction, Validator } from './registry';
import type { RuleCheck, RuleDefinition, RuleSubject, RuleWhen } from './rule';
import { compileSelector, Match, Selector } from './select';
import type { LinkedTaskDefinition } from './service-target';
import type { Target } from './target';

/** A rule ready to run: its docs profile applied, its selectors and validator compiled. */
export interface CompiledRule {
  id: string;
  on: RuleSubject;
  severity: Severity;
  when: RuleWhen | undefined;
  selectors: Selector[];
  check: RuleCheck;
  validator: Validator | undefined;
  message: string;
}

/** A finding before it is placed in the file: the path is in the normalised document. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: Segment[];
}

export function compileRule(rule: RuleDefinition, severity: Severity, docs: DocsProfile, validatorFor: (key: string) => Validator | undefined = builtInValidator): CompiledRule | undefined {
  if (docs === 'seed' && rule.seed?.enabled === false) return undefined;
  const current = docs === 'current' ? rule.current : undefined;
  if (current?.enabled === false) return undefined;
  const check = current?.then ?? rule.then;
  const key = current?.then ? `${rule.id}#current` : rule.id;
  const validator = check.schema ? validatorFor(key) : undefined;
  if (check.schema && !validator) throw new Error(`Rule ${rule.id}: no compiled validator (run the build).`);
  const givens = Array.isArray(rule.given) ? rule.given : [rule.given];
  return {
    id: rule.id,
    on: rule.on ?? 'task-definition',
    severity,
    when: current?.when ?? rule.when,
    selectors: givens.map(compileSelector),
    check,
    validator,
    message: current?.message ?? rule.message,
  };
}

export function applies(when: RuleWhen | undefined, target: Target): boolean {
  if (!when) return true;
  if (when.compatibility === 'FARGATE' && target.fargate !== true) return false;
  if (when.compatibility === 'EC2' && target.fargate !== false) return false;
  if (when.compatibility === 'EXTERNAL' && !target.compatibilities?.has('EXTERNAL')) return false;
  if (when.os && target.os !== when.os) return false;
  if (when.networkMode && (target.networkMode === undefined || !when.networkMode.includes(target.networkMode))) return false;
  if (when.networkModeNot && (target.networkMode === undefined || when.networkModeNot.includes(target.networkMode))) return false;
  if (when.ipcMode && (target.ipcMode === undefined || !when.ipcMode.includes(target.ipcMode))) return false;
  if (when.has && !when.has.every((member) => target.setMembers.has(member))) return false;
  if (when.form && (target.form === undefined || !when.form.includes(target.form))) return false;
  if (when.anyOf && !when.anyOf.some((alternative) => applies(alternative, target))) return false;
  return true;
}

/**
 * Run every rule on one normalised document; a service passes the task definition it runs, when that is known.
 * `sourcePath` maps a path in the document to the path as written, for functions that check names as written.
 */
export function runRules(document: Record<string, unknown>, rules: CompiledRule[], target: Target, docs: DocsProfile, taskDefinition?: LinkedTaskDefinition, sourcePath?: (path: readonly Segment[]) => string[]): RawFinding[] {
  const findings: RawFinding[] = [];
  // Many rules select the same values ($.containerDefinitions[*], $): walk the document once per path.
  const selected = new Map<Selector, Match[]>();
  for (const rule of rules) {
    if (!applies(rule.when, target)) continue;
    for (const selector of rule.selectors) {
      let matches = selected.get(selector);
      if (!matches) selected.set(selector, (matches = selector(document)));
      for (const match of matches) {
        let value = match.value;
        let path = match.path;
        if (rule.check.field !== undefined) {
          const field = rule.check.field;
          value = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
          path = [...path, field];
        }
        if (value === undefined || value instanceof Unknown) continue;
        if (rule.validator) checkSchema(rule, value, path, document, findings);
        else checkWithFunction(rule, value, path, document, target, docs, findings, taskDefinition, sourcePath);
      }
    }
  }
  return findings;
}

function checkSchema(rule: CompiledRule, value: unknown, path: Segment[], document: Record<string, unknown>, out: RawFinding[]): void {
  const validate = rule.validator!;
  if (validate(value)) return;
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const error = errors[0];
  if (!error) return;
  const rel = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
  const params = error.params;
  const property = (params.missingProperty ?? params.additionalProperty ?? params.propertyName) as string | undefined;
  const findingPath: Segment[] = clampPath(document, [...path, ...rel, ...(property !== undefined && error.keyword !== 'propertyNames' ? [property] : [])]);
  if (reachesUnknown(document, findingPath)) return;
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    message: fillTemplate(rule.message, { ...baseData(document, findingPath), property, error: error.message ?? '' }),
    path: findingPath,
  });
}

function checkWithFunction(rule: CompiledRule, value: unknown, path: Segment[], document: Record<string, unknown>, target: Target, docs: DocsProfile, out: RawFinding[], taskDefinition?: LinkedTaskDefinition, sourcePath?: (path: readonly Segment[]) => string[]): void {
  const fn = checkFunction(rule.check.function!);
  const results = fn.check(value, rule.check.options ?? {}, { document, path, target, docs, ...(taskDefinition ? { taskDefinition } : {}), ...(sourcePath ? { sourcePath } : {}) });
  for (const r of results) {
    const findingPath = clampPath(document, [...path, ...(r.path ?? [])]);
    if (reachesUnknown(document, findingPath)) continue;
    out.push({
      ruleId: rule.id,
      severity: rule.severity,
      message: fillTemplate(rule.message, { ...baseData(document, findingPath), ...r.data }),
      path: findingPath,
    });
  }
}

/**
 * A member can only be missing from an object. When a path names a member of a list or of a scalar
 * (the file has the wrong type there), the finding belongs on that wrongly typed value instead.
 */
export function clampPath(document: unknown, path: Segment[]): Segment[] {
  let node: unknown = document;
  for (let i = 0; i < path.length; i++) {
    if (node === undefined) return path;
    if (node === null || typeof node !== 'object' || node instanceof Unknown) return path.slice(0, i);
    const seg = path[i];
    if (Array.isArray(node) && !/^\d+$/.test(String(seg))) return path.slice(0, i);
    node = Object.hasOwn(node, seg as string) ? (node as Record<string, unknown>)[seg as string] : undefined;
  }
  return path;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** True when the path passes through, or ends at, a value that cannot be known statically. */
export function reachesUnknown(document: unknown, path: readonly Segment[]): boolean {
  let node: unknown = document;
  for (const seg of path) {
    if (node instanceof Unknown) return true;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return false;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node instanceof Unknown;
}

function valueAt(document: unknown, path: readonly Segment[]): unknown {
  let node: unknown = document;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}

/** Placeholders every message may use. */
function baseData(document: Record<string, unknown>, path: readonly Segment[]): Record<string, unknown> {
  const value = valueAt(document, path);
  const data: Record<string, unknown> = { value, field: lastName(path) };
  if (Array.isArray(value)) data.count = String(value.length);
  if (path[0] === 'containerDefinitions' && path.length > 1) {
    const container = valueAt(document, path.slice(0, 2));
    const name = container && typeof container === 'object' ? (container as Record<string, unknown>).name : undefined;
    data.container = typeof name === 'string' && name !== '' ? name : `#${Number(path[1]) + 1}`;
  }
  if (path[0] === 'volumes' && path.length > 1) {
    const volume = valueAt(document, path.slice(0, 2));
    const name = volume && typeof volume === 'object' ? (volume as Record<string, unknown>).name : undefined;
    data.volume = typeof name === 'string' && name !== '' ? JSON.stringify(name) : `#${Number(path[1]) + 1}`;
  }
  return data;
}

function lastName(path: readonly Segment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string' && !/^\d+$/.test(path[i] as string)) return path[i] as string;
  return '';
}
