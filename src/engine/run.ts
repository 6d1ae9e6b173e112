import type { DocsProfile, Severity } from '../model/basics';
import type { Finding } from '../model/finding';
import { valueAt } from '../model/object';
import { toPointer, unescapeSegment, type Path, type Segment } from '../model/path';
import type { SourceUnit } from '../model/unit';
import { Unknown } from '../model/unknown';
import type { FunctionContext } from '../functions/types';
import { applies, CompiledCheck, CompiledRule } from './compile';
import { fillTemplate } from './message';
import { checkFunction } from './registry';
import type { Match, Selector } from './select';

/** A finding of one check, before it is placed in the file: its path is in the unit's view. */
interface Hit {
  path: Segment[];
  data: Record<string, unknown>;
}

/**
 * Run the rules on one unit and place every finding in its file. The unit's target (and, for a service,
 * its task definition) come from the link stage.
 */
export function lintUnit(unit: SourceUnit, rules: readonly CompiledRule[], docs: DocsProfile): Finding[] {
  const target = unit.target;
  if (!target) throw new Error(`Unit ${unit.name} was not linked before linting.`);
  const findings: Finding[] = [];
  const document = unit.view;
  // Many rules select the same values ($.containerDefinitions[*], $): walk the view once per path.
  const selected = new Map<Selector, Match[]>();
  const ctx: Omit<FunctionContext, 'path'> = { unit, document, target, docs, ...(unit.taskDefinition ? { taskDefinition: unit.taskDefinition } : {}) };
  for (const rule of rules) {
    if (!applies(rule.when, target)) continue;
    let firm: Segment[][] | undefined;
    for (const check of rule.checks) {
      const hits: Hit[] = [];
      for (const selector of rule.selectors) {
        let matches = selected.get(selector);
        if (!matches) selected.set(selector, (matches = selector(document)));
        for (const match of matches) runCheck(check, match, ctx, hits);
      }
      for (const hit of hits) {
        if (reachesUnknown(document, hit.path)) continue;
        if (check.relaxed && firm?.some((p) => overlaps(p, hit.path))) continue;
        if (!check.relaxed) (firm ??= []).push(hit.path);
        findings.push(place(unit, rule, hit, check.relaxed));
      }
    }
  }
  return findings;
}

function runCheck(check: CompiledCheck, match: Match, ctx: Omit<FunctionContext, 'path'>, out: Hit[]): void {
  let value = match.value;
  let path = match.path;
  const field = check.check.field;
  if (field !== undefined) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
    path = [...path, field];
  }
  if (value === undefined || value instanceof Unknown) return;
  if (check.validator) {
    const validate = check.validator;
    if (validate(value)) return;
    const error = (validate.errors ?? []).find((e) => e.keyword !== 'if');
    if (!error) return;
    const rel = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapeSegment);
    // A verdict on a collection's contents (how many items, whether one matches) cannot be drawn when one of
    // its items or members is unknown: `[!If [C, {...}, !Ref AWS::NoValue]]` may be an empty list.
    if (CONTENT_KEYWORDS.has(error.keyword) && holdsUnknown(rel.length === 0 ? value : valueAt(value, rel))) return;
    const params = error.params;
    const property = (params.missingProperty ?? params.additionalProperty ?? params.propertyName) as string | undefined;
    const at = [...path, ...rel, ...(property !== undefined && error.keyword !== 'propertyNames' ? [property] : [])];
    out.push({ path: clampPath(ctx.document, at), data: { property, error: error.message ?? '', ...(params.limit !== undefined ? { limit: String(params.limit) } : {}) } });
    return;
  }
  const fn = checkFunction(check.check.function!);
  for (const r of fn.check(value, check.check.options ?? {}, { ...ctx, path })) {
    out.push({ path: clampPath(ctx.document, [...path, ...(r.path ?? [])]), data: r.data ?? {} });
  }
}

const CONTENT_KEYWORDS = new Set(['minItems', 'maxItems', 'contains', 'minContains', 'maxContains', 'uniqueItems', 'minProperties', 'maxProperties', 'not', 'anyOf', 'oneOf']);

function holdsUnknown(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => v instanceof Unknown);
  return value !== null && typeof value === 'object' && !(value instanceof Unknown) && Object.values(value).some((v) => v instanceof Unknown);
}

function place(unit: SourceUnit, rule: CompiledRule, hit: Hit, relaxed: boolean): Finding {
  const message = fillTemplate(rule.message, { ...baseData(unit.view, hit.path), ...hit.data });
  const severity: Severity = relaxed && rule.severity === 'error' ? 'warning' : rule.severity;
  return {
    ruleId: rule.id,
    severity,
    message: relaxed && rule.relaxation ? relaxedMessage(message, rule) : message,
    path: toPointer(unit.written(hit.path)),
    ...unit.range(hit.path),
    taskDefinition: unit.name,
    ...(unit.documentIndex !== undefined ? { document: unit.documentIndex } : {}),
  };
}

/** A finding that only the seed's limit makes, worded so that it cannot be read as AWS rejecting the value. */
function relaxedMessage(message: string, rule: CompiledRule): string {
  const r = rule.relaxation!;
  return `${message} This is a 2020 seed limit: AWS has accepted ${r.what} since ${r.since}. --docs seed makes it an error; --rule ${rule.id}:off turns it off.`;
}

/** Paths of one rule's findings that say the same thing: one is the other or lies within it. */
function overlaps(a: readonly Segment[], b: readonly Segment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
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

/** True when the path passes through, or ends at, a value that cannot be known statically. */
export function reachesUnknown(document: unknown, path: Path): boolean {
  let node: unknown = document;
  for (const seg of path) {
    if (node instanceof Unknown) return true;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return false;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node instanceof Unknown;
}

/** Placeholders every message may use. */
function baseData(document: Record<string, unknown>, path: Path): Record<string, unknown> {
  const value = valueAt(document, path);
  const data: Record<string, unknown> = { value, field: lastName(path) };
  if (Array.isArray(value)) data.count = String(value.length);
  if (path[0] === 'containerDefinitions' && path.length > 1) {
    const container = valueAt(document, path.slice(0, 2));
    const name = container && typeof container === 'object' ? (container as Record<string, unknown>).name : undefined;
    data.container = name instanceof Unknown ? name.label : typeof name === 'string' && name !== '' ? name : `#${Number(path[1]) + 1}`;
  }
  if (path[0] === 'volumes' && path.length > 1) {
    const volume = valueAt(document, path.slice(0, 2));
    const name = volume && typeof volume === 'object' ? (volume as Record<string, unknown>).name : undefined;
    data.volume = name instanceof Unknown ? JSON.stringify(name.label) : typeof name === 'string' && name !== '' ? JSON.stringify(name) : `#${Number(path[1]) + 1}`;
  }
  return data;
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string' && !/^\d+$/.test(path[i] as string)) return path[i] as string;
  return '';
}
