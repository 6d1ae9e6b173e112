import { fromPointer, type Segment } from '../model/path';
import { Unknown } from '../model/unknown';

/** One value a `given` path selected, with its path in the normalised document. */
export interface Match {
  value: unknown;
  path: Segment[];
}

/**
 * Evaluates a `given` path on a unit's view. `root` is the top-level member that every match passes through
 * (`containerDefinitions` for `$.containerDefinitions[*].image`), when there is one: a unit without that
 * member can have no match, so the engine skips the rule without walking.
 */
export interface Selector {
  (root: unknown): Match[];
  readonly root?: string;
}

type Step = { kind: 'member'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' } | { kind: 'filter'; member: string[]; op: '===' | '!=='; literal: string | number | boolean };

const cache = new Map<string, Selector>();

/**
 * Compile a JSONPath once. The subset every built-in rule uses (members, indexes, wildcards and
 * equality filters on a member or a nested member) is compiled to a direct walk; anything else is evaluated by
 * jsonpath-plus, loaded only then.
 */
export function compileSelector(path: string): Selector {
  let selector = cache.get(path);
  if (!selector) {
    const steps = parseSimplePath(path);
    selector = steps ? walker(steps) : jsonPathPlus(path);
    cache.set(path, selector);
  }
  return selector;
}

const isContainer = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !(v instanceof Unknown);

/** Whether a filter step keeps an item: its member (`@.type`, `@.logConfiguration.logDriver`) compared to the literal. */
function kept(step: Extract<Step, { kind: 'filter' }>, item: unknown): boolean {
  if (!isContainer(item) || Array.isArray(item)) return false;
  // A nested member (`@.logConfiguration.logDriver`) that passes through an Unknown cannot be compared.
  let got: unknown = item;
  for (const name of step.member) {
    if (got instanceof Unknown) return false;
    got = isContainer(got) && !Array.isArray(got) && Object.hasOwn(got, name) ? got[name] : undefined;
  }
  if (got instanceof Unknown) return false;
  const equal = got === step.literal;
  return step.op === '===' ? equal : !equal;
}

/**
 * A depth-first walk with one path stack: a match's path is copied once, when it is reached, rather than
 * at every step. Depth-first order is the order of the step-by-step definition (each step keeps the order
 * of the matches before it), so matches come out in document order as before.
 */
function walker(steps: Step[]): Selector {
  const last = steps.length;
  const select = (root: unknown): Match[] => {
    const out: Match[] = [];
    const path: Segment[] = [];
    const visit = (v: unknown, i: number): void => {
      if (i === last) {
        out.push({ value: v, path: path.slice() });
        return;
      }
      if (!isContainer(v)) return;
      const step = steps[i];
      switch (step.kind) {
        case 'member':
          if (!Array.isArray(v) && Object.hasOwn(v, step.name) && v[step.name] !== undefined) descend(v[step.name], step.name, i);
          break;
        case 'index':
          if (Array.isArray(v) && step.index < v.length) descend(v[step.index], step.index, i);
          break;
        case 'wildcard':
          if (Array.isArray(v)) {
            for (let k = 0; k < v.length; k++) if (k in v) descend(v[k], k, i);
          } else for (const k of Object.keys(v)) descend(v[k], k, i);
          break;
        case 'filter':
          if (Array.isArray(v)) {
            for (let k = 0; k < v.length; k++) if (k in v && kept(step, v[k])) descend(v[k], k, i);
          } else for (const k of Object.keys(v)) if (kept(step, v[k])) descend(v[k], k, i);
          break;
      }
    };
    const descend = (value: unknown, seg: Segment, i: number): void => {
      path.push(seg);
      visit(value, i + 1);
      path.pop();
    };
    visit(root, 0);
    return out;
  };
  const first = steps[0];
  return first?.kind === 'member' ? Object.assign(select, { root: first.name }) : select;
}

const IDENT = /^[A-Za-z_$][\w$-]*/;

/** Parse the compiled subset; `undefined` for anything outside it. */
export function parseSimplePath(path: string): Step[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if (rest.startsWith('..')) return undefined;
    if (rest.startsWith('.*')) {
      steps.push({ kind: 'wildcard' });
      rest = rest.slice(2);
    } else if (rest.startsWith('.') && (m = IDENT.exec(rest.slice(1)))) {
      steps.push({ kind: 'member', name: m[0] });
      rest = rest.slice(1 + m[0].length);
    } else if (rest.startsWith('[*]')) {
      steps.push({ kind: 'wildcard' });
      rest = rest.slice(3);
    } else if ((m = /^\[(\d+)\]/.exec(rest))) {
      steps.push({ kind: 'index', index: Number(m[1]) });
      rest = rest.slice(m[0].length);
    } else if ((m = /^\['([^'\\]*)'\]/.exec(rest))) {
      steps.push({ kind: 'member', name: m[1] });
      rest = rest.slice(m[0].length);
    } else if ((m = /^\[\?\(@((?:\.[A-Za-z_$][\w$]*)+)\s*(===|!==|==|!=)\s*(?:'([^'\\]*)'|"([^"\\]*)"|(-?\d+(?:\.\d+)?)|(true|false))\s*\)\]/.exec(rest))) {
      const literal = m[3] ?? m[4] ?? (m[5] !== undefined ? Number(m[5]) : m[6] === 'true');
      steps.push({ kind: 'filter', member: m[1].slice(1).split('.'), op: m[2].startsWith('!') ? '!==' : '===', literal });
      rest = rest.slice(m[0].length);
    } else {
      return undefined;
    }
  }
  return steps;
}

function jsonPathPlus(path: string): Selector {
  return (root) => {
    const { JSONPath } = require('jsonpath-plus') as typeof import('jsonpath-plus');
    const results = JSONPath({ path, json: root as object, resultType: 'all', eval: 'safe' }) as Array<{ value: unknown; pointer: string }>;
    return results.filter((r) => r.value !== undefined).map((r) => ({ value: r.value, path: fromPointer(r.pointer) }));
  };
}
