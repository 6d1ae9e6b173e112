import type { DocsProfile, Severity } from '../model/basics';
import type { Finding, Fix } from '../model/finding';
import { isObject, valueAt } from '../model/object';
import { toPointer, unescapeSegment, withoutBranches, type Path, type Segment } from '../model/path';
import type { SourceUnit, Target } from '../model/unit';
import { Unknown } from '../model/unknown';
import type { FunctionContext } from '../functions/types';
import { applies, type CompiledCheck, type CompiledRule } from './compile';
import { fillTemplate, ordinal, showPath, type MemberNamer } from './message';
import { checkFunction, type Validator } from './registry';
import { reachable, ruleIndex } from './rule-index';
import { selectShared, type Match, type Selector } from './select';

/** A finding of one check, before it is placed in the file: its path is in the unit's view. */
interface Hit {
  path: Segment[];
  data: Record<string, unknown>;
  atMost?: Severity;
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
  // Many rules select the same values ($.containerDefinitions[*], $): walk the view once per path and prefix.
  const selected = new Map<Selector, Match[]>();
  // One context for every call of a rule: check functions are pure and synchronous, and only its path changes.
  const base: FunctionContext = { unit, document, target, docs, path: [], ...(unit.taskDefinition ? { taskDefinition: unit.taskDefinition } : {}) };
  const linked = unit.taskDefinition;
  for (const { rule, roots } of ruleIndex(rules).forTarget(target)) {
    if (!reachable(document, roots)) continue;
    // A service's findings say which file supplied its task definition when the rule read it: its own
    // applicability counts, when it reads the target's operating system or network mode from the definition.
    const reads = linked ? readTracker(base, linked.target) : undefined;
    if (reads && !applies(rule.when, reads.ctx.target)) continue;
    const ruleCtx = reads?.ctx ?? base;
    let firm: Segment[][] | undefined;
    for (const check of rule.checks) {
      let hits: Hit[] | undefined;
      for (const selector of rule.selectors) {
        for (const match of selectShared(selector, document, selected)) hits = runCheck(check, match, ruleCtx, hits);
      }
      if (!hits) continue;
      for (const hit of hits) {
        if (reachesUnknown(document, hit.path)) continue;
        if (check.relaxed && firm?.some((p) => overlaps(p, hit.path))) continue;
        if (!check.relaxed) (firm ??= []).push(hit.path);
        const finding = place(unit, rule, hit, check.relaxed);
        findings.push(reads?.read() && linked ? { ...finding, linkedTaskDefinition: linked.file } : finding);
      }
    }
  }
  return findings;
}

/**
 * A context that notes whether a check read the service's linked task definition: the definition itself, or the
 * operating system and network mode of the service's target, which come from it.
 */
function readTracker(ctx: FunctionContext, linkedTarget: Target): { ctx: FunctionContext; read(): boolean } {
  let read = false;
  const target = ctx.target;
  const tracked: Target = {
    ...target,
    get os() {
      if (target.os !== undefined && target.os === linkedTarget.os) read = true;
      return target.os;
    },
    get networkMode() {
      if (target.networkMode !== undefined && target.networkMode === linkedTarget.networkMode) read = true;
      return target.networkMode;
    },
  };
  const taskDefinition = ctx.taskDefinition;
  const tracking: FunctionContext = {
    ...ctx,
    target: tracked,
    get taskDefinition() {
      read = true;
      return taskDefinition;
    },
  };
  return { ctx: tracking, read: () => read };
}

/** Run one check on one match; returns the hits so far (created on the first one). */
function runCheck(check: CompiledCheck, match: Match, ctx: FunctionContext, hits: Hit[] | undefined): Hit[] | undefined {
  let value = match.value;
  let path = match.path;
  const field = check.check.field;
  if (field !== undefined) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
    path = [...path, field];
  }
  if (value === undefined || value instanceof Unknown) return hits;
  if (check.validator) {
    const validate = check.validator;
    if (validate(value)) return hits;
    // One finding per place: ajv (allErrors) may fail one value on several keywords (type and enum).
    const places = new Set<string>();
    for (const error of reportableErrors(validate.errors ?? [])) {
      const rel = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapeSegment);
      // A verdict on a collection's contents (how many items, whether one matches) cannot be drawn when one of
      // its items or members is unknown: `[!If [C, {...}, !Ref AWS::NoValue]]` may be an empty list.
      if (CONTENT_KEYWORDS.has(error.keyword) && holdsUnknown(rel.length === 0 ? value : valueAt(value, rel))) continue;
      const params = error.params;
      const property = (params.missingProperty ?? params.additionalProperty ?? params.propertyName) as string | undefined;
      const at = clampPath(ctx.document, [...path, ...rel, ...(property !== undefined ? [property] : [])]);
      const key = toPointer(at);
      if (places.has(key)) continue;
      places.add(key);
      (hits ??= []).push({ path: at, data: { property, error: error.message ?? '', ...(params.limit !== undefined ? { limit: String(params.limit) } : {}) } });
    }
    return hits;
  }
  const fn = checkFunction(check.check.function!);
  // The context is the rule's, kept for every call (a tracking context keeps its getters): only the path is set.
  ctx.path = path;
  for (const r of fn.check(value, check.check.options ?? EMPTY, ctx)) {
    (hits ??= []).push({ path: clampPath(ctx.document, [...path, ...(r.path ?? [])]), data: r.data ?? {}, ...(r.atMost ? { atMost: r.atMost } : {}) });
  }
  return hits;
}

const EMPTY: Record<string, unknown> = Object.freeze({});

const CONTENT_KEYWORDS = new Set(['minItems', 'maxItems', 'contains', 'minContains', 'maxContains', 'uniqueItems', 'minProperties', 'maxProperties', 'not', 'anyOf', 'oneOf']);

function holdsUnknown(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => v instanceof Unknown);
  return value !== null && typeof value === 'object' && !(value instanceof Unknown) && Object.values(value).some((v) => v instanceof Unknown);
}

type SchemaError = NonNullable<Validator['errors']>[number];

const instanceWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(outer + '/');

/**
 * The errors of a schema check that each make a finding. Validators report every error (allErrors), and
 * ajv also says why each alternative of a failed anyOf/oneOf failed, why each item failed a `contains`,
 * and adds an `if` error after its `then`'s. Kept: of an anyOf/oneOf, the errors of its first failing
 * alternative (they say what is missing for the first way of being valid); a `contains` or `propertyNames`
 * error itself, not its items'; never `if`.
 */
export function reportableErrors(errors: readonly SchemaError[]): SchemaError[] {
  const within = (e: SchemaError, outer: SchemaError) => e !== outer && e.schemaPath.startsWith(outer.schemaPath + '/') && instanceWithin(e.instancePath, outer.instancePath);
  const groups = errors.filter((e) => ['anyOf', 'oneOf', 'contains', 'propertyNames'].includes(e.keyword));
  const branchOf = (e: SchemaError, group: SchemaError) => e.schemaPath.slice(group.schemaPath.length + 1).split('/')[0];
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    for (const group of groups) {
      if (!within(e, group)) continue;
      if (group.keyword === 'contains' || group.keyword === 'propertyNames') return false;
      const first = errors.find((x) => within(x, group))!;
      if (branchOf(e, group) !== branchOf(first, group)) return false;
    }
    // A failed alternative says more than "must match a schema in anyOf"; a oneOf that several match has none.
    return !((e.keyword === 'anyOf' || e.keyword === 'oneOf') && errors.some((x) => within(x, e)));
  });
}

function place(unit: SourceUnit, rule: CompiledRule, hit: Hit, relaxed: boolean): Finding {
  const message = fillTemplate(rule.message, { ...baseData(unit, hit.path), ...hit.data }, memberNamer(unit, hit.path));
  const severity: Severity = atMost(relaxed && rule.severity === 'error' ? 'warning' : rule.severity, hit.atMost);
  return {
    ruleId: rule.id,
    severity,
    message: relaxed && rule.relaxation ? relaxedMessage(message, rule) : message,
    path: toPointer(unit.written(hit.path)),
    ...unit.range(hit.path),
    taskDefinition: unit.name,
    ...(unit.documentIndex !== undefined ? { document: unit.documentIndex } : {}),
    ...fixOf(unit, rule, hit),
  };
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** The lower of a severity and a cap. */
function atMost(severity: Severity, cap: Severity | undefined): Severity {
  return cap !== undefined && RANK[cap] < RANK[severity] ? cap : severity;
}

/** The rule's fix as an edit of this finding, when the rule declares one (fix.ts is loaded only then). */
function fixOf(unit: SourceUnit, rule: CompiledRule, hit: Hit): { fix?: Fix } {
  if (!rule.fix) return {};
  const { fixFor } = require('./fix') as typeof import('./fix');
  const fix = fixFor(unit, rule.fix, hit.path, hit.data);
  return fix ? { fix } : {};
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

/**
 * Member names in the unit's own dialect. A relative name is a member of the innermost object on the finding's
 * path that has it (the container for `linuxParameters.devices`, the task for `networkMode`); when none has it
 * (a missing member), of the innermost object on the path. The name is then written as the unit writes it.
 */
export function memberNamer(unit: SourceUnit, at: Path): MemberNamer {
  return (member, fromRoot) => {
    const segments = member.split('.');
    let anchor: Path = [];
    if (!fromRoot) {
      let innermost: Path | undefined;
      for (let n = at.length; n >= 0; n--) {
        const node = valueAt(unit.view, at.slice(0, n));
        if (!isObject(node)) continue;
        innermost ??= at.slice(0, n);
        if (Object.hasOwn(node, segments[0])) {
          innermost = at.slice(0, n);
          break;
        }
      }
      anchor = innermost ?? [];
    }
    return writtenTail(unit, [...anchor, ...segments], segments.length);
  };
}

/** The last `count` segments of a path as the unit writes them, for a message. */
function writtenTail(unit: SourceUnit, path: Path, count: number): string {
  if (unit.dialect === 'terraform') return showPath(terraformTail(unit, path, count));
  const written = withoutBranches(unit.written(path).map(String));
  return showPath(written.length >= count ? written.slice(written.length - count) : path.slice(path.length - count).map(String));
}

/**
 * Terraform's names do not map one to one onto the API's (`host_path` is host.sourcePath, a block written
 * once is a list of one, `network_configuration` is networkConfiguration.awsvpcConfiguration): each API
 * segment is named by the last name written for the path up to it, and a name the segment before already
 * gave is not repeated.
 */
function terraformTail(unit: SourceUnit, path: Path, count: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, path.length - count); i < path.length; i++) {
    const seg = String(path[i]);
    if (/^\d+$/.test(seg)) {
      out.push(seg);
      continue;
    }
    const written = unit.written(path.slice(0, i + 1));
    let name = seg;
    for (let j = written.length - 1; j >= 0; j--) {
      if (!/^\d+$/.test(written[j])) {
        name = written[j];
        break;
      }
    }
    if (out[out.length - 1] !== name) out.push(name);
  }
  return out;
}

/** The list items that messages name: containers and volumes, by their name or else by their place. */
const NAMED_ITEMS: Record<string, string> = { containerDefinitions: 'container', volumes: 'volume' };

/** `container "web"`, or `the 2nd container (no Name)` with the member named as the unit writes it. */
function itemPhrase(unit: SourceUnit, item: Path, noun: string): string {
  const value = valueAt(unit.view, item);
  const name = isObject(value) ? value.name : undefined;
  if (name instanceof Unknown) return `${noun} "${name.label}"`;
  if (typeof name === 'string' && name !== '') return noun === 'container' ? `${noun} "${name}"` : `${noun} ${JSON.stringify(name)}`;
  return `the ${ordinal(Number(item[item.length - 1]) + 1)} ${noun} (no ${writtenTail(unit, [...item, 'name'], 1)})`;
}

/** Placeholders every message may use. */
function baseData(unit: SourceUnit, path: Path): Record<string, unknown> {
  const document = unit.view;
  const value = valueAt(document, path);
  const field = lastName(path);
  const data: Record<string, unknown> = { value, field: field === '' ? '' : writtenTail(unit, path.slice(0, lastNameIndex(path) + 1), 1) };
  if (Array.isArray(value)) data.count = String(value.length);
  const list = String(path[0]);
  if (Object.hasOwn(NAMED_ITEMS, list) && path.length > 1 && /^\d+$/.test(String(path[1]))) {
    data[NAMED_ITEMS[list]] = itemPhrase(unit, path.slice(0, 2), NAMED_ITEMS[list]);
    // The member within its container or volume, as written: PortMappings[0].HostPort.
    if (path.length > 2) data.member = writtenTail(unit, path, path.length - 2);
  } else if (path.length > 0) data.member = writtenTail(unit, path, path.length);
  return data;
}

function lastNameIndex(path: Path): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string' && !/^\d+$/.test(path[i] as string)) return i;
  return -1;
}

function lastName(path: Path): string {
  const i = lastNameIndex(path);
  return i < 0 ? '' : (path[i] as string);
}
