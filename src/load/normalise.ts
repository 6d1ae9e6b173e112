import { isObject, setMember } from '../model/object';
import type { Path } from '../model/path';
import { isPlaceholderString, Unknown } from '../model/unknown';

/**
 * Normalisation turns a unit as written (API camelCase, or CloudFormation PascalCase with intrinsic
 * functions) into the API's camelCase form that rules are written against, and remembers, for every
 * object it makes, which key each member had as written. That record lets a finding on
 * `/containerDefinitions/0/privileged` point at `/Resources/Web/Properties/ContainerDefinitions/0/Privileged`.
 * Template placeholders and intrinsics become `Unknown` values.
 */
export interface Normalised {
  value: Record<string, unknown>;
  /** Map a path in the normalised value to the path as written, relative to the normalised source. */
  toSource(path: Path): string[];
}

/** CloudFormation property names that are not the API name with its first letter upper-cased. */
const CFN_IRREGULAR: Record<string, string> = {
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
  // The API member is spelled with a lower-case f (ECS API model, Volume shape).
  S3FilesVolumeConfiguration: 's3filesVolumeConfiguration',
  FilesystemId: 'fileSystemId',
  IAM: 'iam',
  ProxyConfigurationProperties: 'properties',
  // AWS::ECS::Service: the API member is singular.
  PlacementStrategies: 'placementStrategy',
};
const CFN_IRREGULAR_BACK: Record<string, string> = Object.fromEntries(Object.entries(CFN_IRREGULAR).map(([k, v]) => [v, k]));

/** Members whose keys are the user's own data (labels, driver options), never property names. */
const OPAQUE_MAPS = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);
/** Members written in another language whose names stay as written all the way down: IAM policy documents. */
const VERBATIM = new Set(['policyDocument', 'assumeRolePolicyDocument']);

export type SourceDialect = 'api' | 'cloudformation';

export function cfnToApiName(name: string): string {
  return CFN_IRREGULAR[name] ?? (name.length > 0 ? name[0].toLowerCase() + name.slice(1) : name);
}

export function apiToCfnName(name: string): string {
  return CFN_IRREGULAR_BACK[name] ?? (name.length > 0 ? name[0].toUpperCase() + name.slice(1) : name);
}

/** A CloudFormation intrinsic function in its long form: `{ "Ref": … }`, `{ "Fn::If": … }`. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

function intrinsicLabel(value: Record<string, unknown>): string {
  const key = Object.keys(value)[0];
  const arg = value[key];
  const shown = typeof arg === 'string' ? ` ${arg}` : '';
  return `${key
    .replace(/^Fn::/, '!')
    .replace(/^Ref$/, '!Ref')
    .replace(/^Condition$/, '!Condition')}${shown}`;
}

/** Whether an intrinsic can resolve to `AWS::NoValue`, which removes the member or list item holding it. */
function mayBeNoValue(value: unknown): boolean {
  if (!isIntrinsic(value)) return false;
  const [key, arg] = Object.entries(value as Record<string, unknown>)[0];
  if (key === 'Ref') return arg === 'AWS::NoValue';
  if (key === 'Fn::If') return Array.isArray(arg) && arg.slice(1).some(mayBeNoValue);
  return false;
}

/** How CloudFormation values resolve: the scenario's condition values, and the template's Mappings. */
export interface CfnResolution {
  /** Condition name -> value: `Fn::If` takes its branch. Without it, an `Fn::If` is an unknown value. */
  conditions?: Readonly<Record<string, boolean>>;
  /** The template's Mappings: `Fn::FindInMap` with literal (or resolvable) keys takes the value found there. */
  mappings?: Readonly<Record<string, unknown>>;
}

const NO_VIA: string[] = [];

/** What `Ref: AWS::NoValue` resolves to: the member or list item that holds it is removed. */
const ABSENT = Symbol('absent');

/** A CloudFormation value after its conditions and mappings are resolved, and the way into it as written. */
interface Resolved {
  value: unknown;
  /** Segments walked inside the value as written (`Fn::If`, `1`, …) to reach the resolved value. */
  via: string[];
  /** The value was read from Mappings: positions inside it are not in the resource. */
  fromMapping?: boolean;
}

function isNoValue(value: unknown): boolean {
  return isIntrinsic(value) && (value as Record<string, unknown>).Ref === 'AWS::NoValue';
}

/** Resolve `Fn::If` (in a scenario), `Ref: AWS::NoValue` and `Fn::FindInMap` at the top of a value; anything else is as written. */
function resolveCfn(value: unknown, how: CfnResolution, depth = 0): Resolved {
  if (!isIntrinsic(value) || depth > 50) return { value, via: NO_VIA };
  if (isNoValue(value)) return { value: ABSENT, via: NO_VIA };
  const [key, arg] = Object.entries(value as Record<string, unknown>)[0];
  if (key === 'Fn::If' && how.conditions && Array.isArray(arg) && arg.length === 3 && typeof arg[0] === 'string' && Object.hasOwn(how.conditions, arg[0])) {
    const branch = how.conditions[arg[0]] ? 1 : 2;
    const inner = resolveCfn(arg[branch], how, depth + 1);
    return { ...inner, via: ['Fn::If', String(branch), ...inner.via] };
  }
  if (key === 'Fn::FindInMap' && how.mappings) {
    const found = findInMap(arg, how, depth);
    if (found !== undefined) return found;
  }
  return { value, via: NO_VIA };
}

/** `Fn::FindInMap: [map, top, second]` (with an optional `{DefaultValue: …}`) when every key resolves to a literal. */
function findInMap(arg: unknown, how: CfnResolution, depth: number): Resolved | undefined {
  if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) return undefined;
  const keys: string[] = [];
  for (const k of arg.slice(0, 3)) {
    const r = resolveCfn(k, how, depth + 1).value;
    if (typeof r === 'string' || typeof r === 'number') keys.push(String(r));
    else return undefined;
  }
  const map = how.mappings![keys[0]];
  const top = isObject(map) && Object.hasOwn(map, keys[1]) ? map[keys[1]] : undefined;
  const found = isObject(top) && Object.hasOwn(top, keys[2]) ? top[keys[2]] : undefined;
  if (found !== undefined) return { value: found, via: NO_VIA, fromMapping: true };
  const fallback = arg[3];
  if (isObject(fallback) && Object.hasOwn(fallback, 'DefaultValue')) {
    const inner = resolveCfn(fallback.DefaultValue, how, depth + 1);
    return { ...inner, via: ['Fn::FindInMap', '3', 'DefaultValue', ...inner.via] };
  }
  return undefined;
}

/**
 * Normalise a unit. For CloudFormation, `Ref: AWS::NoValue` removes the member or list item that holds it,
 * `Fn::FindInMap` with literal keys takes its value from `how.mappings`, and, given `how.conditions` (one
 * scenario), `Fn::If` takes its branch; `toSource` then maps a path through the `Fn::If` into the branch as
 * written (`…/Privileged/Fn::If/1`) and list indices to the items as written when items were removed.
 */
export function normalise(source: Record<string, unknown>, dialect: SourceDialect, how: CfnResolution = {}): Normalised {
  if (dialect === 'api') return normaliseApi(source);
  const cfn = dialect === 'cloudformation';
  const rename = cfn ? cfnToApiName : (k: string) => k;
  const renameBack = cfn ? apiToCfnName : (k: string) => k;
  // For every object this normalisation made: normalised key -> the key as written, or the segments as written when
  // the value was taken through an Fn::If. Lists get an entry only when an item was removed or taken from a branch.
  const origins = new WeakMap<object, Map<string, string | string[]>>();
  // Objects and lists read from Mappings: what lies inside them is not written in the resource.
  const detached = new WeakSet<object>();
  // The way into the value that `convert` last returned, as written (segments through Fn::If); empty for most values.
  let via: string[] = NO_VIA;

  /** A value as written, resolved and converted; ABSENT when it resolves to no value. Sets `via`. */
  const convert = (written: unknown, opaque: boolean, verbatim = false): unknown => {
    if (!cfn || written === null || typeof written !== 'object') {
      const out = convertResolved(written, opaque, verbatim);
      via = NO_VIA;
      return out;
    }
    const r = resolveCfn(written, how);
    if (r.value === ABSENT) {
      via = r.via;
      return ABSENT;
    }
    const out = convertResolved(r.value, opaque, verbatim);
    if (r.fromMapping && out !== null && typeof out === 'object' && !(out instanceof Unknown)) detached.add(out);
    via = r.via;
    return out;
  };

  const convertResolved = (value: unknown, opaque: boolean, verbatim: boolean): unknown => {
    if (typeof value === 'string') return isPlaceholderString(value) ? new Unknown(value) : value;
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Unknown) return value;
    if (cfn && isIntrinsic(value)) return new Unknown(intrinsicLabel(value as Record<string, unknown>), mayBeNoValue(value));
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      let map: Map<string, string | string[]> | undefined;
      value.forEach((v, i) => {
        const item = convert(v, false, verbatim);
        if (item === ABSENT || via.length > 0 || items.length !== i) map ??= new Map();
        if (item === ABSENT) return;
        map?.set(String(items.length), via.length > 0 ? [String(i), ...via] : String(i));
        items.push(item);
      });
      if (map) origins.set(items, map);
      return items;
    }
    const out: Record<string, unknown> = {};
    const keys = new Map<string, string | string[]>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const name = opaque || verbatim ? k : rename(k);
      const member = convert(v, !opaque && !verbatim && OPAQUE_MAPS.has(name), verbatim || VERBATIM.has(name));
      if (member === ABSENT) continue;
      keys.set(name, via.length > 0 ? [k, ...via] : k);
      setMember(out, name, member);
    }
    origins.set(out, keys);
    return out;
  };

  const root = convert(source, false);
  const rootVia = via;
  const value = (root === ABSENT ? {} : root) as Record<string, unknown>;

  const toSource = (path: Path): string[] => {
    const out: string[] = [...rootVia];
    let node: unknown = value;
    let opaque = false;
    for (const segment of path) {
      if (node !== null && typeof node === 'object' && detached.has(node)) break;
      const seg = String(segment);
      const written = origins.get(node as object)?.get(seg) ?? (Array.isArray(node) || opaque ? seg : renameBack(seg));
      if (typeof written === 'string') out.push(written);
      else out.push(...written);
      opaque = !Array.isArray(node) && !opaque && OPAQUE_MAPS.has(seg);
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
    }
    return out;
  };

  return { value, toSource };
}

/**
 * The API form is already in the API's names: only placeholder strings change (into `Unknown` values).
 * Objects and lists that hold none are used as they are, so a document without placeholders is not copied
 * at all; a path in the view is the path as written.
 */
function normaliseApi(source: Record<string, unknown>): Normalised {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'string') return isPlaceholderString(value) ? new Unknown(value) : value;
    if (value === null || typeof value !== 'object' || value instanceof Unknown) return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        const converted = convert(item);
        if (converted !== item && copy === undefined) copy = value.slice(0, i);
        copy?.push(converted);
      }
      return copy ?? value;
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    let copy: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const member = object[keys[i]];
      const converted = convert(member);
      if (converted !== member && copy === undefined) {
        copy = {};
        for (let j = 0; j < i; j++) setMember(copy, keys[j], object[keys[j]]);
      }
      if (copy) setMember(copy, keys[i], converted);
    }
    return copy ?? object;
  };
  return { value: convert(source) as Record<string, unknown>, toSource: (path) => path.map(String) };
}
