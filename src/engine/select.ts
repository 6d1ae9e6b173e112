import { fromPointer, type Segment } from '../model/path';
import { Unknown } from '../model/unknown';
import { regExpProblem, userRegExp } from '../regexp/user-regexp';

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
    const { JSONPath } = jsonPathLibrary();
    // A filter that fails on some value (a member of undefined) selects nothing there; the rule file
    // was checked when it was loaded (filterProblem).
    const results = JSONPath({ path, json: root as object, resultType: 'all', eval: linearScript(), ignoreEvalErrors: true }) as Array<{ value: unknown; pointer: string }>;
    return results.filter((r) => r.value !== undefined).map((r) => ({ value: r.value, path: fromPointer(r.pointer) }));
  };
}

function jsonPathLibrary(): typeof import('jsonpath-plus') {
  return require('jsonpath-plus') as typeof import('jsonpath-plus');
}

interface AstNode {
  type: string;
  [key: string]: unknown;
}

interface SafeScript {
  ast: AstNode;
  runInNewContext(context: object): unknown;
}

/**
 * What a filter expression may call. A string method that takes a pattern (match, search, replace,
 * split…) would compile it with JavaScript's backtracking engine, and repeat or padStart can build
 * strings of any size: only these, and `test` on a regular expression literal, which runs on RE2.
 */
const FILTER_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd']);

/** jsonpath-plus's own (jsep-based, eval-free) expression reader, for its syntax tree. */
function parseScript(code: string): SafeScript {
  const Script = (jsonPathLibrary().JSONPath as unknown as { prototype: { safeVm: { Script: new (code: string) => SafeScript } } }).prototype.safeVm.Script;
  return new Script(code);
}

/** Why a filter's syntax tree is refused, or undefined; with the regular expression literals it may use. */
function scriptProblem(ast: AstNode): { problem?: string; literals: AstNode[] } {
  const literals: AstNode[] = [];
  const allowed = new Set<AstNode>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as AstNode;
    if (n.type === 'Literal' && n.value instanceof RegExp) literals.push(n);
    if (n.type === 'CallExpression') {
      const callee = n.callee as AstNode;
      const property = callee?.type === 'MemberExpression' ? (callee.property as AstNode) : undefined;
      const name = property === undefined ? undefined : callee.computed ? (property.type === 'Literal' && typeof property.value === 'string' ? property.value : undefined) : (property.name as string);
      const object = callee?.object as AstNode | undefined;
      if (name === 'test' && object?.type === 'Literal' && object.value instanceof RegExp) allowed.add(object);
      else if (name === undefined || !FILTER_METHODS.has(name)) {
        return { problem: `calls ${name ?? 'a computed function'}(); a filter may call only ${[...FILTER_METHODS].join(', ')}, and test on a /regular expression/`, literals };
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'value') stack.push(v);
  }
  if (literals.some((l) => !allowed.has(l))) return { problem: 'uses a regular expression other than as /…/.test(value)', literals };
  for (const l of literals) {
    const re = l.value as RegExp;
    const problem = regExpProblem(re.source, re.flags);
    if (problem) return { problem, literals };
  }
  return { literals };
}

/** `@.x` and friends as jsonpath-plus rewrites them before evaluating (its _eval). */
function asScript(code: string): string {
  return code
    .replaceAll('@parentProperty', '_$_parentProperty')
    .replaceAll('@parent', '_$_parent')
    .replaceAll('@property', '_$_property')
    .replaceAll('@root', '_$_root')
    .replaceAll('@path', '_$_path')
    .replaceAll(/@([.\s)[])/gu, '_$_v$1');
}

/**
 * Why a JSONPath (a team rule's `given`) is refused, or undefined: a filter or script expression
 * that calls a method other than the few string tests, or whose regular expression cannot run in linear time.
 */
export function filterProblem(path: string): string | undefined {
  if (parseSimplePath(path)) return undefined;
  let parts: string[];
  try {
    parts = jsonPathLibrary().JSONPath.toPathArray(path);
  } catch (err) {
    return `cannot read the JSONPath ${path}: ${(err as Error).message}`;
  }
  for (const part of parts) {
    const m = /^\??\(([\s\S]*)\)$/.exec(part);
    if (!m) continue;
    let ast: AstNode;
    try {
      ast = parseScript(asScript(m[1])).ast;
    } catch (err) {
      return `cannot read the filter ${part}: ${(err as Error).message}`;
    }
    const { problem } = scriptProblem(ast);
    if (problem) return `the filter ${part} ${problem}`;
  }
  return undefined;
}

let scriptClass: (new (code: string) => { runInNewContext(context: object): unknown }) | undefined;

/**
 * The evaluator handed to jsonpath-plus: its safe evaluator, with each regular expression literal
 * replaced by the same pattern on RE2. An expression that filterProblem refuses selects nothing.
 */
function linearScript() {
  scriptClass ??= class LinearScript {
    private readonly script: SafeScript | undefined;
    constructor(code: string) {
      const script = parseScript(code);
      const { problem, literals } = scriptProblem(script.ast);
      if (problem) return;
      for (const l of literals) {
        const re = l.value as RegExp;
        l.value = userRegExp(re.source, re.flags);
      }
      this.script = script;
    }
    runInNewContext(context: object): unknown {
      return this.script ? this.script.runInNewContext(context) : false;
    }
  };
  return scriptClass;
}
