import { isObject, setMember } from '../../model/object';
import type { Path } from '../../model/path';
import { isPlaceholderString, Unknown } from '../../model/unknown';
import { containerMemberName } from './container-keys';
import { META_ARGUMENTS, type ArgumentName, type BlockNames, type TerraformType } from './names';

/**
 * A Terraform resource, in the shape Terraform's JSON configuration syntax and `terraform show -json` give
 * it (snake_case arguments, each nested block a list of objects, or one object in a .tf.json file), turned
 * into the Amazon ECS API's view with the names table (names.ts), and the way back from every path of
 * that view to the path as written.
 *
 * As the provider and Terraform do: arguments that only steer Terraform, and arguments the table does not
 * know, are not sent; null and "" are unset (the provider's expanders skip zero values); a scalar is
 * converted to its argument's Terraform type; `container_definitions` is the API's list as written in
 * JSON, whose keys Go matches without regard to case (container-keys.ts).
 */
export interface TerraformNormalised {
  value: Record<string, unknown>;
  /** The path as written, from the resource's body (`['volume', '0', 'host_path']`), of a path in `value`. */
  toWritten(path: Path): string[];
  /** Arguments and blocks the provider does not have (as far as the names table knows), with the one likely meant. */
  unknownArguments: UnknownArgument[];
}

export interface UnknownArgument {
  /** Its path as written, from the resource's body. */
  written: string[];
  /** The argument of the block it is most likely a misspelling of. */
  suggestion?: string;
}

/** Where an object or list of the view came from. */
interface Origin {
  /** Its path as written, from the resource's body. */
  written: string[];
  /** The path as written of each member (or item) it has. */
  members: Map<string, string[]>;
  /** For an object made from a block (or an object the API nests deeper than Terraform): the block's names, to place a member it lacks. */
  names?: BlockNames;
  /** For an object the API nests deeper than Terraform (`host` of `host_path`): the API path it stands for within `names`. */
  apiPrefix?: string[];
}

const ABSENT = Symbol('absent');
type Converted = unknown | typeof ABSENT;

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

export function normaliseTerraform(body: Record<string, unknown>, names: BlockNames): TerraformNormalised {
  const origins = new WeakMap<object, Origin>();
  const unknownArguments: UnknownArgument[] = [];

  const block = (source: Record<string, unknown>, table: BlockNames, written: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const origin: Origin = { written, members: new Map(), names: table };
    origins.set(out, origin);
    for (const [key, raw] of Object.entries(source)) {
      const spec = Object.hasOwn(table, key) ? table[key] : undefined;
      if (!spec) {
        if (!META_ARGUMENTS.includes(key) && !COMPUTED.has(key) && !key.startsWith('//')) unknownArgument(out, origin, table, key, [...written, key]);
        continue;
      }
      if (spec.api === null) continue;
      const converted = argument(raw, spec, [...written, key]);
      if (converted.value === ABSENT) continue;
      // `host_path` -> host.sourcePath, `network_configuration` -> networkConfiguration.awsvpcConfiguration.
      const apiPath = spec.api.split('.');
      let target = out;
      let targetOrigin = origin;
      for (let i = 0; i < apiPath.length - 1; i++) {
        const seg = apiPath[i];
        let next = target[seg];
        if (!isObject(next)) {
          next = {};
          setMember(target, seg, next);
          targetOrigin.members.set(seg, converted.written);
          origins.set(next as object, { written: converted.written, members: new Map(), names: table, apiPrefix: apiPath.slice(0, i + 1) });
        }
        target = next as Record<string, unknown>;
        targetOrigin = origins.get(target)!;
      }
      const last = apiPath[apiPath.length - 1];
      setMember(target, last, converted.value);
      targetOrigin.members.set(last, converted.written);
    }
    return out;
  };

  /** An argument's value, and the path as written that the API member it makes is placed at. */
  const argument = (raw: unknown, spec: ArgumentName, written: string[]): { value: Converted; written: string[] } => {
    if (raw === null || raw === undefined) return { value: ABSENT, written };
    if (raw instanceof Unknown) return { value: raw, written };
    if (spec.block) return blocks(raw, spec, written);
    switch (spec.convert) {
      case 'json-string':
        return { value: jsonValue(raw, written, spec.api === 'containerDefinitions' ? '/containerDefinitions' : undefined), written };
      case 'enabled-disabled': {
        const b = scalar(raw, 'bool');
        return { value: typeof b === 'boolean' ? (b ? 'ENABLED' : 'DISABLED') : b, written };
      }
      case 'map-to-tag-list':
        return { value: mapToList(raw, written, 'key', 'value'), written };
      case 'map-to-name-value-list':
        return { value: mapToList(raw, written, 'name', 'value'), written };
      default:
        return { value: typed(raw, spec.type, written), written };
    }
  };

  /** A nested block: a list of blocks (one object in .tf.json when written once), dynamic blocks as Unknown items. */
  const blocks = (raw: unknown, spec: ArgumentName, written: string[]): { value: Converted; written: string[] } => {
    if (!Array.isArray(raw) && !isObject(raw)) return { value: raw, written };
    const items: Array<{ value: unknown; written: string[] }> = Array.isArray(raw) ? raw.map((v, i) => ({ value: v, written: [...written, String(i)] })) : [{ value: raw, written }];
    const convert = (item: { value: unknown; written: string[] }): Converted => {
      if (item.value instanceof Unknown) return item.value;
      if (!isObject(item.value)) return item.value;
      return block(item.value, spec.block!, item.written);
    };
    if (spec.shape === 'object') {
      // The provider allows the block once: its first (and only) block is the API's object.
      const first = items[0];
      if (!first) return { value: ABSENT, written };
      return { value: convert(first), written: first.written };
    }
    if (items.length === 0) return { value: ABSENT, written };
    const list: unknown[] = [];
    const origin: Origin = { written, members: new Map() };
    for (const item of items) {
      const v = convert(item);
      if (v === ABSENT) continue;
      origin.members.set(String(list.length), item.written);
      list.push(v);
    }
    origins.set(list, origin);
    return { value: list, written };
  };

  /** A scalar, list or map argument, converted to its Terraform type. */
  const typed = (raw: unknown, type: TerraformType | undefined, written: string[]): Converted => {
    if (type === 'list') {
      if (!Array.isArray(raw)) return raw;
      const list: unknown[] = [];
      const origin: Origin = { written, members: new Map() };
      raw.forEach((item, i) => {
        if (item === null) return;
        origin.members.set(String(list.length), [...written, String(i)]);
        list.push(element(item));
      });
      origins.set(list, origin);
      return list;
    }
    if (type === 'map') {
      if (!isObject(raw)) return raw;
      const map: Record<string, unknown> = {};
      const origin: Origin = { written, members: new Map() };
      for (const [k, v] of Object.entries(raw)) {
        if (v === null) continue;
        setMember(map, k, element(v));
        origin.members.set(k, [...written, k]);
      }
      origins.set(map, origin);
      return map;
    }
    return scalar(raw, type);
  };

  /** A map argument that the API lists as [{ key, value }] or [{ name, value }]. */
  const mapToList = (raw: unknown, written: string[], keyName: string, valueName: string): Converted => {
    if (!isObject(raw)) return raw;
    const list: unknown[] = [];
    const listOrigin: Origin = { written, members: new Map() };
    for (const [k, v] of Object.entries(raw)) {
      if (v === null) continue;
      const at = [...written, k];
      const item: Record<string, unknown> = {};
      setMember(item, keyName, k);
      setMember(item, valueName, element(v));
      origins.set(item, {
        written: at,
        members: new Map([
          [keyName, at],
          [valueName, at],
        ]),
      });
      listOrigin.members.set(String(list.length), at);
      list.push(item);
    }
    origins.set(list, listOrigin);
    return list;
  };

  /** container_definitions (and hook_details): JSON the loader has already read; its members keep their API names. */
  const jsonValue = (raw: unknown, written: string[], pattern: string | undefined): unknown => {
    // Text the loader could not read as JSON (it reported why).
    if (typeof raw === 'string') return new Unknown(raw.length > 40 ? `${raw.slice(0, 39)}…` : raw);
    return json(raw, written, pattern, false);
  };

  /** JSON as the provider decodes it: keys matched to members without regard to case; placeholders unknown. */
  const json = (value: unknown, written: string[], pattern: string | undefined, opaque: boolean): unknown => {
    if (typeof value === 'string') return isPlaceholderString(value) ? new Unknown(value) : value;
    if (value === null || typeof value !== 'object' || value instanceof Unknown) return value;
    const origin: Origin = { written, members: new Map() };
    if (Array.isArray(value)) {
      const list = value.map((v, i) => {
        origin.members.set(String(i), [...written, String(i)]);
        return json(v, [...written, String(i)], pattern === undefined ? undefined : `${pattern}/*`, false);
      });
      origins.set(list, origin);
      return list;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const name = opaque || pattern === undefined ? k : containerMemberName(pattern, k);
      // A key written twice in different cases sets one member: Go keeps the last.
      setMember(out, name, json(v, [...written, k], pattern === undefined || opaque ? undefined : `${pattern}/${name}`, !opaque && OPAQUE_MAPS.has(name)));
      origin.members.set(name, [...written, k]);
    }
    origins.set(out, origin);
    return out;
  };

  /**
   * Record an argument the provider does not have. The member it most likely misspells becomes unknown
   * when it is not set otherwise: `inference_accelerators` may be the accelerators a container names.
   */
  const unknownArgument = (out: Record<string, unknown>, origin: Origin, table: BlockNames, key: string, written: string[]): void => {
    const suggestion = closestArgument(key, table);
    unknownArguments.push({ written, ...(suggestion ? { suggestion } : {}) });
    const api = suggestion ? table[suggestion].api : null;
    if (api && !api.includes('.') && !Object.hasOwn(out, api)) {
      setMember(out, api, new Unknown(`${key} (not an argument of the resource)`, true));
      origin.members.set(api, written);
    }
  };

  const value = block(body, names, []);

  const toWritten = (path: Path): string[] => {
    let node: unknown = value;
    let written: string[] = [];
    // Past the end of what the view holds: the names of the block the path goes on into, and the rest of a nested API path.
    let table: BlockNames | undefined = names;
    let pending: string[] = [];
    for (const segment of path) {
      const seg = String(segment);
      const origin = node !== null && typeof node === 'object' && !(node instanceof Unknown) ? origins.get(node) : undefined;
      if (origin) {
        const member = origin.members.get(seg);
        if (member) {
          written = member;
          node = (node as Record<string, unknown>)[seg];
          table = undefined;
          pending = [];
          continue;
        }
        written = origin.written;
        table = origin.names;
        pending = [];
        if (!table) {
          written = [...written, seg];
          node = undefined;
          continue;
        }
        const found = reverseName(table, [...(origin.apiPrefix ?? []), seg]);
        written = [...written, found?.key ?? snakeCase(seg)];
        table = found?.spec.block;
        pending = found?.rest ?? [];
        node = undefined;
        continue;
      }
      node = undefined;
      if (pending[0] === seg) {
        pending = pending.slice(1);
        continue;
      }
      const found = table ? reverseName(table, [seg]) : undefined;
      written = [...written, found?.key ?? (table ? snakeCase(seg) : seg)];
      table = found?.spec.block;
      pending = found?.rest ?? [];
    }
    return written;
  };

  return { value, toWritten, unknownArguments };
}

/** Attributes the provider computes: Terraform refuses to set them, with its own message, and never sends them. */
const COMPUTED = new Set(['id', 'arn', 'arn_without_revision', 'revision']);

/** The argument of a block a name most likely misspells: another case, a plural, or one or two letters off. */
export function closestArgument(name: string, table: BlockNames): string | undefined {
  const lower = name.toLowerCase();
  const candidates = Object.keys(table);
  const exact = candidates.find((c) => c.toLowerCase() === lower || `${c}s` === lower || c === lower.replace(/s$/, ''));
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 4));
  for (const c of candidates) {
    const d = distance(lower, c);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** Members whose keys are the user's own data (labels, driver and log options), never member names. */
const OPAQUE_MAPS = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);

/** An element of a list or map of strings: Terraform converts numbers and bools to their text. */
function element(raw: unknown): unknown {
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'string' && isPlaceholderString(raw)) return new Unknown(raw);
  return raw;
}

/** A scalar as Terraform converts it to the argument's type; "" and null are unset. */
function scalar(raw: unknown, type: TerraformType | undefined): Converted {
  if (raw === null || raw === undefined) return ABSENT;
  if (raw instanceof Unknown) return raw;
  // A template left in a string (.tf.json, where every string is a template; a placeholder in a plan's value).
  if (typeof raw === 'string' && isPlaceholderString(raw)) return new Unknown(raw);
  switch (type) {
    case 'number':
      return typeof raw === 'string' && NUMBER.test(raw) ? Number(raw) : raw;
    case 'bool':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case undefined:
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      return raw === '' ? ABSENT : raw;
    default:
      return raw;
  }
}

/** A member the block's table does not name, as Terraform would spell it: cpuArchitecture -> cpu_architecture. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? c.toLowerCase() : `_${c.toLowerCase()}`));
}

/** The Terraform argument of a block whose API path starts with `api`, and the API segments it goes on with. */
function reverseName(table: BlockNames, api: readonly string[]): { key: string; spec: ArgumentName; rest: string[] } | undefined {
  let best: { key: string; spec: ArgumentName; parts: string[] } | undefined;
  for (const [key, spec] of Object.entries(table)) {
    if (!spec.api) continue;
    const parts = spec.api.split('.');
    if (parts.length < api.length || !api.every((s, i) => parts[i] === s)) continue;
    if (!best || parts.length < best.parts.length) best = { key, spec, parts };
  }
  return best ? { key: best.key, spec: best.spec, rest: best.parts.slice(api.length) } : undefined;
}
