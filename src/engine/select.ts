import { fromPointer, type Segment } from '../model/path';
import { Unknown } from '../model/unknown';

/** One value a `given` path selected, with its path in the normalised document. */
export interface Match {
  value: unknown;
  path: Segment[];
}

export type Selector = (root: unknown) => Match[];

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

function walker(steps: Step[]): Selector {
  return (root) => {
    let current: Match[] = [{ value: root, path: [] }];
    for (const step of steps) {
      const next: Match[] = [];
      for (const m of current) {
        const v = m.value;
        if (!isContainer(v)) continue;
        switch (step.kind) {
          case 'member':
            if (!Array.isArray(v) && Object.hasOwn(v, step.name) && v[step.name] !== undefined) next.push({ value: v[step.name], path: [...m.path, step.name] });
            break;
          case 'index':
            if (Array.isArray(v) && step.index < v.length) next.push({ value: v[step.index], path: [...m.path, step.index] });
            break;
          case 'wildcard':
            if (Array.isArray(v)) v.forEach((item, i) => next.push({ value: item, path: [...m.path, i] }));
            else for (const k of Object.keys(v)) next.push({ value: v[k], path: [...m.path, k] });
            break;
          case 'filter': {
            const visit = (item: unknown, seg: Segment) => {
              if (!isContainer(item) || Array.isArray(item)) return;
              // A nested member (`@.logConfiguration.logDriver`) that passes through an Unknown cannot be compared.
              let got: unknown = item;
              for (const name of step.member) {
                if (got instanceof Unknown) return;
                got = isContainer(got) && !Array.isArray(got) && Object.hasOwn(got, name) ? got[name] : undefined;
              }
              const equal = got === step.literal;
              if (got instanceof Unknown) return;
              if (step.op === '===' ? equal : !equal) next.push({ value: item, path: [...m.path, seg] });
            };
            if (Array.isArray(v)) v.forEach((item, i) => visit(item, i));
            else for (const k of Object.keys(v)) visit(v[k], k);
            break;
          }
        }
      }
      current = next;
    }
    return current;
  };
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
