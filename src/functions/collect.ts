import type { Segment } from '../model/path';
import { Unknown } from '../model/unknown';

/** Values a member path reached, and whether an unknowable value stood in the way. */
export interface Collected {
  values: Array<{ value: unknown; path: Segment[] }>;
  /**
   * True when the walk met an Unknown (a CloudFormation intrinsic, a placeholder, a member that a
   * bare container list leaves to Terraform): what it stands for may add or change values, so
   * conclusions such as "no item has this name" cannot be drawn.
   */
  unknown: boolean;
}

const steps = new Map<string, string[]>();

/** `containerDefinitions[*].mountPoints[*].sourceVolume` -> members and `*` (every array item). */
function parse(path: string): string[] {
  let s = steps.get(path);
  if (!s) {
    s = path
      .replace(/\[\*\]/g, '.*')
      .split('.')
      .filter((p) => p.length > 0);
    steps.set(path, s);
  }
  return s;
}

/**
 * Facts derived from a document, computed once per document and key. Many rules call a function
 * once per container (or per reference) and each call looks at every container: without this, a
 * document of n containers would cost n² (documents are not changed once loaded, so this is safe).
 */
const derived = new WeakMap<object, Map<string, unknown>>();

export function perDocument<T>(root: object, key: string, compute: () => T): T {
  let byKey = derived.get(root);
  if (!byKey) derived.set(root, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/** A path as a map key: `["containerDefinitions", 0, "name"]` and `["containerDefinitions", "0", "name"]` are the same place. */
export function pathKey(path: readonly unknown[]): string {
  return JSON.stringify(path.map(String));
}

/**
 * Collect the values at a member path (members separated by dots, `[*]` for every array item),
 * starting at `root`. Missing members and non-arrays under `[*]` simply yield nothing. The result
 * is shared between calls on the same document: do not change it.
 */
export function collect(root: unknown, path: string): Collected {
  if (root === null || typeof root !== 'object') return walk(root, path);
  return perDocument(root, `collect\0${path}`, () => walk(root, path));
}

function walk(root: unknown, path: string): Collected {
  let current: Array<{ value: unknown; path: Segment[] }> = [{ value: root, path: [] }];
  let unknown = false;
  for (const step of parse(path)) {
    const next: typeof current = [];
    for (const { value, path: at } of current) {
      if (value instanceof Unknown) {
        unknown = true;
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (step === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ value: item, path: [...at, i] }));
      } else if (!Array.isArray(value) && Object.hasOwn(value, step)) {
        const member = (value as Record<string, unknown>)[step];
        if (member !== undefined) next.push({ value: member, path: [...at, step] });
      }
    }
    current = next;
  }
  const values = current.filter((m) => {
    if (m.value instanceof Unknown) unknown = true;
    return !(m.value instanceof Unknown);
  });
  return { values, unknown };
}

/** The string values at a path (the names a reference may point at); `unknown` as for `collect`. */
export function collectNames(root: unknown, path: string): { names: ReadonlySet<string>; unknown: boolean } {
  const compute = () => {
    const got = collect(root, path);
    const names = new Set<string>();
    for (const { value } of got.values) if (typeof value === 'string') names.add(value);
    return { names, unknown: got.unknown };
  };
  return root !== null && typeof root === 'object' ? perDocument(root, `names\0${path}`, compute) : compute();
}
