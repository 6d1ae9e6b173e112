import * as path from 'path';
import { cfnToApiName } from '../load/normalise';
import { withoutBranches, type Path, type Segment } from '../model/path';
import { setMember } from '../model/object';
import { Unknown } from '../model/unknown';
import type { FunctionContext, FunctionResult, RuleFunction } from './types';

/**
 * Checks a task definition against AWS's own schema for the form it is written in: the
 * RegisterTaskDefinition request of the ECS API model for API JSON/YAML, describe outputs and
 * container lists; CloudFormation's AWS::ECS::TaskDefinition resource schema (joined with what ECS
 * enforces behind it) for templates. Both are generated from AWS's files by scripts/gen-schemas.ts
 * and compiled at build (scripts/build-aws-schemas.ts). One rule reports one kind of schema error,
 * each at the member it is about.
 */

type Keyword = 'additionalProperties' | 'type' | 'enum' | 'required';

interface Options {
  keyword: Keyword;
  /** Report only at these places: JSON Pointers into the normalised task definition, `*` for any one segment. */
  at?: string[];
  /** Never report at these places (other rules report them). */
  notAt?: string[];
  /** Values not reported at a place (a pointer pattern), because another rule words them: `{"/networkMode": ["default"]}`. */
  exceptValues?: Record<string, string[]>;
  /**
   * Type errors where a YAML file (not a template) has a number at these places: `skip` leaves them to
   * another rule, `only` reports nothing else. Some tools that read YAML task definitions (PipeCD, through
   * sigs.k8s.io/yaml) turn such a number into the string the API wants; the AWS CLI does not.
   */
  yamlNumbers?: { at: string[]; report: 'skip' | 'only' };
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

interface Validate {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

interface SchemaTables {
  properties: Record<string, string[]>;
  enums: Record<string, string[]>;
}

type SchemaName = 'taskDefinitionApi' | 'taskDefinitionCloudFormation';

const GENERATED = path.join(__dirname, '..', '..', 'generated');
const validators = new Map<SchemaName, Validate>();
let tables: Record<SchemaName, SchemaTables> | undefined;

function validator(name: SchemaName): Validate {
  let v = validators.get(name);
  if (!v) {
    v = (require(path.join(GENERATED, `aws-schema-${name}.js`)) as { validate: Validate }).validate;
    validators.set(name, v);
  }
  return v;
}

function table(name: SchemaName): SchemaTables {
  tables ??= require(path.join(GENERATED, 'aws-schema-tables.json')) as Record<SchemaName, SchemaTables>;
  return tables[name];
}

/** One schema error, placed in the normalised task definition. */
interface Problem {
  keyword: string;
  /** The member the error is about (for a missing member: its would-be place). */
  path: Segment[];
  /** The member's name as the author wrote it, or would write it. */
  member: string;
  /** Instance-path pattern of the object holding the member, in the schema's names. */
  parentPattern: string;
  params: Record<string, unknown>;
}

interface Validation {
  schema: SchemaName;
  problems: Problem[];
  /** The written name of every segment of a normalised path (the same names outside CloudFormation and Terraform). */
  written: (path: readonly Segment[]) => string[];
  /** Terraform: the provider reads container definitions with Go's JSON decoder, which drops keys it does not know. */
  terraform?: boolean;
}

import { isObject } from '../model/object';

// Several rules read the same validation of the same document: validate each document once.
const memo = new WeakMap<object, Validation>();

function validate(document: Record<string, unknown>, ctx: FunctionContext): Validation {
  let v = memo.get(document);
  if (!v) {
    v =
      ctx.unit.dialect === 'cloudformation'
        ? validateCloudFormation(document, ctx.unit.written)
        : ctx.unit.dialect === 'terraform'
          ? validateTerraform(document, ctx.unit.written)
          : validateApi(document);
    memo.set(document, v);
  }
  return v;
}

/**
 * A copy without null members: the AWS CLI rejects a null, and the SDKs, the GitHub deploy action
 * and Terraform leave it out, so a null member counts as an absent one (a required one is missing).
 */
function withoutNulls(value: unknown, name: (path: Path, key: string) => string = (_p, k) => k, back?: WeakMap<object, Map<string, string>>, at: Segment[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withoutNulls(v, name, back, [...at, i]));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  const keys = new Map<string, string>();
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    const written = name(at, k);
    keys.set(written, k);
    setMember(out, written, withoutNulls(v, name, back, [...at, k]));
  }
  back?.set(out, keys);
  return out;
}

/**
 * withoutNulls for names as the API writes them: the value itself where it holds no null member (the validator
 * only reads it), a copy of each object or list on the way to one that does.
 */
function withoutApiNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = withoutApiNulls(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (!isObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const v = value[keys[i]];
    const kept = v === null ? undefined : withoutApiNulls(v);
    if (out === undefined) {
      if (v !== null && kept === v) continue;
      out = {};
      for (let j = 0; j < i; j++) setMember(out, keys[j], value[keys[j]]);
    }
    if (v !== null) setMember(out, keys[i], kept);
  }
  return out ?? value;
}

function validateApi(document: Record<string, unknown>): Validation {
  const data = withoutApiNulls(document);
  const validate = validator('taskDefinitionApi');
  validate(data);
  const problems = (validate.errors ?? []).map((e) =>
    problemFrom(
      e,
      data,
      (node, seg) => (Array.isArray(node) ? Number(seg) : seg),
      (name) => name,
    ),
  );
  return { schema: 'taskDefinitionApi', problems, written: (p) => p.map(String) };
}

/**
 * A Terraform resource's view is the API's RegisterTaskDefinition request (the provider sends it), so the
 * API's schema applies; the names in messages are those written: `network_mode`, `host_path`, and the
 * container keys as written in the JSON or HCL.
 */
function validateTerraform(document: Record<string, unknown>, sourcePath: (path: Path) => string[]): Validation {
  const api = validateApi(document);
  const nameOf = (p: readonly Segment[]): string => {
    const w = sourcePath(p);
    for (let i = w.length - 1; i >= 0; i--) if (!/^\d+$/.test(w[i])) return w[i];
    return p.length > 0 ? String(p[p.length - 1]) : '';
  };
  const written = (p: readonly Segment[]) => p.map((seg, i) => (typeof seg === 'number' ? String(seg) : nameOf(p.slice(0, i + 1))));
  const problems = api.problems.map((problem) => {
    let end = problem.path.length;
    while (end > 0 && typeof problem.path[end - 1] === 'number') end--;
    return { ...problem, member: end > 0 ? nameOf(problem.path.slice(0, end)) : problem.member };
  });
  return { schema: 'taskDefinitionApi', problems, written, terraform: true };
}

/**
 * CloudFormation property names are case-sensitive and some are irregular (`FilesystemId` in an EFS
 * volume, `FileSystemId` in an FSx one), which normalisation to the API's names forgets: validate a
 * view of the document keyed by the names as written, then map each error back.
 */
function validateCloudFormation(document: Record<string, unknown>, sourcePath: (path: Path) => string[]): Validation {
  const back = new WeakMap<object, Map<string, string>>();
  // The key as written is the first segment past its parent's: a value taken from an Fn::If branch adds the way into it after the key.
  const parentLength = new WeakMap<Path, number>();
  const written = (at: Path, key: string): string => {
    let n = parentLength.get(at);
    if (n === undefined) parentLength.set(at, (n = sourcePath(at).length));
    return sourcePath([...at, key])[n] ?? key;
  };
  const data = withoutNulls(document, written, back);
  const validate = validator('taskDefinitionCloudFormation');
  validate(data);
  const problems = (validate.errors ?? []).map((e) => problemFrom(e, data, (node, seg) => (Array.isArray(node) ? Number(seg) : (back.get(node as object)?.get(seg) ?? seg)), cfnToApiName));
  const prefix = sourcePath([]).length;
  return { schema: 'taskDefinitionCloudFormation', problems, written: (p) => withoutBranches(sourcePath(p).slice(prefix)) };
}

/**
 * Place an ajv error: walk its instance path through the validated data, turning each written
 * segment into the normalised one (`toKey`) and building the schema pattern of the object.
 */
function problemFrom(e: SchemaError, data: unknown, toKey: (node: unknown, seg: string) => Segment, missingName: (name: string) => string): Problem {
  const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map(unescape);
  const normalised: Segment[] = [];
  const pattern: string[] = [];
  let node: unknown = data;
  let writtenLast = '';
  for (const seg of segments) {
    normalised.push(toKey(node, seg));
    pattern.push(Array.isArray(node) ? '*' : escape(seg));
    if (!Array.isArray(node)) writtenLast = seg;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  }
  const params = e.params;
  if (e.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    return { keyword: e.keyword, path: [...normalised, toKey(node, name)], member: name, parentPattern: '/' + pattern.join('/'), params };
  }
  if (e.keyword === 'required') {
    const name = String(params.missingProperty);
    return { keyword: e.keyword, path: [...normalised, missingName(name)], member: name, parentPattern: '/' + pattern.join('/'), params };
  }
  return { keyword: e.keyword, path: normalised, member: writtenLast, parentPattern: '/' + pattern.slice(0, -1).join('/'), params };
}

function unescape(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escape(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether a normalised path matches a pointer pattern (`*` matches any one segment). */
function matches(pattern: string, p: readonly Segment[]): boolean {
  const parts = pattern === '' || pattern === '/' ? [] : pattern.slice(1).split('/').map(unescape);
  return parts.length === p.length && parts.every((part, i) => part === '*' || part === String(p[i]));
}

function valueAt(root: unknown, p: readonly Segment[]): unknown {
  let node = root;
  for (const seg of p) {
    if (node === null || typeof node !== 'object' || node instanceof Unknown) return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}

/**
 * CloudFormation converts a scalar to the type of the property it is written for: a number or a
 * boolean where a string is expected, "512" where an integer is, "true" where a boolean is (as
 * cfn-lint does; YAML 1.1's yes/no/on/off too, which CloudFormation's YAML reads as booleans).
 */
function cloudFormationConverts(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'integer':
    case 'number':
      if (typeof value === 'number') return true;
      return typeof value === 'string' && (type === 'integer' ? /^\s*[-+]?\d+\s*$/.test(value) : value.trim() !== '' && Number.isFinite(Number(value)));
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|yes|no|on|off)$/i.test(value));
    default:
      return false;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

/**
 * Optimal string alignment distance, case-insensitive. With `max`, a distance above it is returned
 * as `max + 1`: only a band of width 2·max+1 is computed and the work stops once every entry of a
 * row exceeds `max`, so a name of a megabyte costs no more than a short one.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), max);
}

/** Three rows of the table (two back, for transpositions), reused between calls: names are compared by the thousand. */
let rows: [Float64Array, Float64Array, Float64Array] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

function boundedDistance(s: string, t: string, max: number): number {
  const over = max + 1;
  if (Math.abs(s.length - t.length) > max) return over;
  const width = t.length + 1;
  if (rows[0].length < width) rows = [new Float64Array(width), new Float64Array(width), new Float64Array(width)];
  let [before, previous, current] = rows;
  before.fill(over, 0, width);
  for (let j = 0; j < width; j++) previous[j] = j <= max ? j : over;
  const band = Number.isFinite(max) ? max : Infinity;
  for (let i = 1; i <= s.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(t.length, i + band);
    current.fill(over, 0, width);
    current[0] = i <= max ? i : over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s.charCodeAt(i - 1) === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === t.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      current[j] = Math.min(d, over);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[t.length], over);
}

/** Candidates in lower case, computed once per candidate list (the schema's tables are fixed). */
const lowered = new WeakMap<readonly string[], string[]>();

function lowerCase(candidates: readonly string[]): string[] {
  let lower = lowered.get(candidates);
  if (!lower) lowered.set(candidates, (lower = candidates.map((c) => c.toLowerCase())));
  return lower;
}

/** The candidate a misspelt name most likely meant: same letters in another case, a near spelling, or a longer name it starts. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const lowerCandidates = lowerCase(candidates);
  const lower = name.toLowerCase();
  const same = lowerCandidates.indexOf(lower);
  if (same !== -1) return candidates[same];
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  for (let i = 0; i < candidates.length; i++) {
    // A distance above the best so far cannot win: the search is bounded by it.
    const d = boundedDistance(lower, lowerCandidates[i], bestDistance);
    if (d < bestDistance || (d === bestDistance && best === undefined)) {
      best = candidates[i];
      bestDistance = d;
    }
  }
  if (best) return best;
  if (name.length >= 4) {
    let longer: string | undefined;
    for (let i = 0; i < candidates.length; i++) {
      if (lowerCandidates[i].startsWith(lower) && (longer === undefined || candidates[i].length < longer.length)) longer = candidates[i];
    }
    if (longer !== undefined) return longer;
  }
  return undefined;
}

/**
 * The one name a misspelt name can only have meant, for a fix that renames it: the one candidate with the same
 * letters in another case, or the one nearest spelling (no other candidate as near). Undefined when in doubt.
 */
export function onlySuggestion(name: string, candidates: readonly string[]): string | undefined {
  const lowerCandidates = lowerCase(candidates);
  const lower = name.toLowerCase();
  const sameCase = candidates.filter((_, i) => lowerCandidates[i] === lower);
  if (sameCase.length > 0) return sameCase.length === 1 && sameCase[0] !== name ? sameCase[0] : undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let nearest: string[] = [];
  let distance = limit + 1;
  for (let i = 0; i < candidates.length; i++) {
    // Bounded by the limit (not by the best so far, which would hide a tie): a long name costs no more than a short one.
    const d = boundedDistance(lower, lowerCandidates[i], limit);
    if (d < distance) {
      nearest = [candidates[i]];
      distance = d;
    } else if (d === distance && d <= limit) nearest.push(candidates[i]);
  }
  return nearest.length === 1 ? nearest[0] : undefined;
}

/** `the task definition`, `container "web"`, `container "web", logConfiguration`, `volume "data", host`. */
function locationOf(document: Record<string, unknown>, parent: readonly Segment[], written: (p: readonly Segment[]) => string[]): string {
  if (parent.length === 0) return 'the task definition';
  const names = written(parent);
  const dotted = (from: number) =>
    parent
      .slice(from)
      .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : `${i === 0 ? '' : '.'}${names[from + i] ?? seg}`))
      .join('');
  for (const [list, label] of [
    ['containerDefinitions', 'container'],
    ['volumes', 'volume'],
  ] as const) {
    if (parent[0] === list && typeof parent[1] === 'number') {
      const item = valueAt(document, parent.slice(0, 2));
      const name = isObject(item) && typeof item.name === 'string' && item.name !== '' ? JSON.stringify(item.name) : `#${parent[1] + 1}`;
      return parent.length > 2 ? `${label} ${name}, ${dotted(2)}` : `${label} ${name}`;
    }
  }
  return dotted(0);
}

const quoteList = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

function report(problem: Problem, document: Record<string, unknown>, v: Validation, form: string): FunctionResult | undefined {
  // An item of a list is named by the list: `command[1]` in container "web".
  let end = problem.path.length;
  while (end > 0 && typeof problem.path[end - 1] === 'number') end--;
  const location = locationOf(document, problem.path.slice(0, Math.max(0, end - 1)), v.written);
  const member =
    problem.member +
    problem.path
      .slice(end)
      .map((i) => `[${String(i)}]`)
      .join('');
  switch (problem.keyword) {
    case 'additionalProperties': {
      const candidates = table(v.schema).properties[problem.parentPattern === '/' ? '/' : problem.parentPattern] ?? [];
      const suggestion = didYouMean(member, candidates);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      // Terraform's AWS provider decodes container definitions with Go's encoding/json, which ignores a key no field has.
      if (v.terraform) return { path: problem.path, atMost: 'warning', data: { location, member, suggestion: `${hint}: the AWS provider drops it silently, so it has no effect` } };
      // A bare container list may be for Terraform, whose provider matches keys without regard to case; the AWS CLI does not.
      if (form === 'container-list' && suggestion && suggestion.toLowerCase() === member.toLowerCase()) {
        return { path: problem.path, atMost: 'warning', data: { location, member, suggestion: `${hint}: the AWS CLI rejects it, Terraform's AWS provider reads it as "${suggestion}"` } };
      }
      // `suggested`: the name a fix may rename the member to, given only when no other name is as likely.
      const only = member === problem.member ? onlySuggestion(member, candidates) : undefined;
      return { path: problem.path, data: { location, member, suggestion: hint, ...(only ? { suggested: only } : {}) } };
    }
    case 'required':
      return { path: problem.path, data: { location, member } };
    case 'type':
      return {
        path: problem.path,
        data: { location, member, expected: expectedType(problem.params.type), expectedType: String(problem.params.type), found: typeOf(valueAt(document, problem.path)) },
      };
    case 'enum': {
      const allowed = (problem.params.allowedValues as unknown[]).map(String);
      const value = valueAt(document, problem.path);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return { path: problem.path, data: { location, member, allowed: quoteList(allowed), allowedValues: allowed, suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' } };
    }
    default:
      return undefined;
  }
}

const awsSchema: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['keyword'],
    properties: {
      keyword: { enum: ['additionalProperties', 'type', 'enum', 'required'] },
      at: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
      notAt: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
      exceptValues: { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: { type: 'string' } } },
      yamlNumbers: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'report'],
        properties: { at: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } }, report: { enum: ['skip', 'only'] } },
      },
    },
  },
  check(value, options, ctx) {
    if (!isObject(value) || ctx.path.length > 0) return [];
    const v = validate(ctx.document, ctx);
    const results: FunctionResult[] = [];
    for (const problem of v.problems) {
      if (problem.keyword !== options.keyword) continue;
      if (options.at && !options.at.some((p) => matches(p, problem.path))) continue;
      if (options.notAt?.some((p) => matches(p, problem.path))) continue;
      const found = valueAt(ctx.document, problem.path);
      if (typeof found === 'string' && Object.entries(options.exceptValues ?? {}).some(([p, values]) => values.includes(found) && matches(p, problem.path))) continue;
      if (problem.keyword === 'type' && (found === null || (v.schema === 'taskDefinitionCloudFormation' && cloudFormationConverts(found, String(problem.params.type))))) continue;
      if (options.yamlNumbers) {
        const yamlNumber =
          problem.keyword === 'type' &&
          v.schema === 'taskDefinitionApi' &&
          ctx.unit.file.syntax === 'yaml' &&
          typeof found === 'number' &&
          options.yamlNumbers.at.some((p) => matches(p, problem.path));
        if (yamlNumber === (options.yamlNumbers.report === 'skip')) continue;
      }
      // An empty string for an enum is left out by the SDKs' serialisers (Go) and the GitHub deploy action.
      if (problem.keyword === 'enum' && found === '') continue;
      const r = report(problem, ctx.document, v, ctx.target.form);
      if (r) results.push(r);
    }
    return results;
  },
};
export default awsSchema;
