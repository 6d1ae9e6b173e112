import { setMember } from '../model/object';
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

export function normalise(source: Record<string, unknown>, dialect: SourceDialect): Normalised {
  if (dialect === 'api') return normaliseApi(source);
  const rename = dialect === 'cloudformation' ? cfnToApiName : (k: string) => k;
  const renameBack = dialect === 'cloudformation' ? apiToCfnName : (k: string) => k;
  // For every object this normalisation made: normalised key -> key as written.
  const origins = new WeakMap<object, Map<string, string>>();

  const convert = (value: unknown, opaque: boolean): unknown => {
    if (typeof value === 'string') return isPlaceholderString(value) ? new Unknown(value) : value;
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Unknown) return value;
    if (dialect === 'cloudformation' && isIntrinsic(value)) return new Unknown(intrinsicLabel(value as Record<string, unknown>), mayBeNoValue(value));
    if (Array.isArray(value)) return value.map((v) => convert(v, false));
    const out: Record<string, unknown> = {};
    const keys = new Map<string, string>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const name = opaque ? k : rename(k);
      keys.set(name, k);
      setMember(out, name, convert(v, !opaque && OPAQUE_MAPS.has(name)));
    }
    origins.set(out, keys);
    return out;
  };

  const value = convert(source, false) as Record<string, unknown>;

  const toSource = (path: Path): string[] => {
    const out: string[] = [];
    let node: unknown = value;
    let opaque = false;
    for (const segment of path) {
      const seg = String(segment);
      const written = Array.isArray(node) ? seg : (origins.get(node as object)?.get(seg) ?? (opaque ? seg : renameBack(seg)));
      out.push(written);
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
