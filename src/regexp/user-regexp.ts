/**
 * Every regular expression that comes from a configuration or a team's rule file runs here, on
 * RE2's linear-time engine (re2js, a pure-JavaScript port): a pattern such as `(a+)+$` or
 * `^\s*\s*\s*x$` that would take exponential or polynomial time in JavaScript's backtracking
 * engine takes time proportional to the text. The places are: function options marked
 * `format: "regex"` in their options schema, JSON Schema `pattern`s and `patternProperties` of
 * team rules (through ajv's `code.regExp`), regular expression literals in a team rule's JSONPath
 * filter, and configuration globs.
 *
 * The patterns the project's own rules (rules/*.yaml) give to functions run on JavaScript's engine,
 * which is faster and costs no start-up time: test/hostile-inputs.test.ts shows each of them linear.
 * A user pattern that is the same text as one of them is the same reviewed pattern.
 */
import * as path from 'path';
import type { RE2JS as RE2Type } from 're2js';

/** What every caller needs: `test`, as RegExp has it. */
export interface TextPattern {
  test(text: string): boolean;
  /** `/source/flags`: ajv keys its compiled patterns by this. */
  toString(): string;
}

/** A pattern longer than this is refused: RE2's time is linear in the text, times the pattern's size. */
const MAX_SOURCE = 1000;

/** Flags a user pattern may carry. `g` changes nothing for a test; `y`, `v` and `d` are refused. */
const ALLOWED_FLAGS = /^[gimsu]*$/;

let re2: typeof RE2Type | undefined;
function engine(): typeof RE2Type {
  re2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return re2;
}

let projectPatterns: Set<string> | undefined;
/**
 * Patterns in the project's own rules, listed at build time (scripts/build-rules.ts). While the
 * build itself checks the rules there is no list yet, and every pattern is checked on RE2.
 */
function isProjectPattern(source: string): boolean {
  if (!projectPatterns) {
    try {
      projectPatterns = new Set(require(path.join(__dirname, '..', '..', 'generated', 'rule-patterns.json')) as string[]);
    } catch {
      return false;
    }
  }
  return projectPatterns.has(source);
}

const compiled = new Map<string, TextPattern>();

/** A pattern that cannot be used, with the reason (the message names the pattern). */
export class UserRegExpError extends Error {}

/**
 * Compile a pattern from a rule's options, a team rule or a configuration file. Patterns of the
 * project's own rules run natively; every other runs on RE2. Throws UserRegExpError when the
 * pattern is invalid or needs backtracking (backreferences, lookarounds).
 */
export function userRegExp(source: string, flags = '', whole = false): TextPattern {
  const key = `${whole ? 'whole' : ''}/${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    // `whole`: the pattern must match the whole text (`^(?:…)$`), however it is written.
    const full = whole ? `^(?:${source})$` : source;
    pattern = typeof source === 'string' && isProjectPattern(source) && /^i?$/.test(flags) ? new RegExp(full, flags) : linear(source, full, flags);
    compiled.set(key, pattern);
  }
  return pattern;
}

/** Why a pattern cannot be used (invalid, or beyond a linear-time engine), or undefined when it can. */
export function regExpProblem(source: string, flags = ''): string | undefined {
  try {
    userRegExp(source, flags);
    return undefined;
  } catch (err) {
    if (err instanceof UserRegExpError) return err.message;
    throw err;
  }
}

function linear(source: string, full: string, flags: string): TextPattern {
  if (typeof source !== 'string') throw new UserRegExpError(`a regular expression must be a string`);
  const shown = `/${source.length > 60 ? `${source.slice(0, 59)}…` : source}/${flags}`;
  if (source.length > MAX_SOURCE) throw new UserRegExpError(`regular expression ${shown} is longer than ${MAX_SOURCE} characters`);
  if (!ALLOWED_FLAGS.test(flags)) throw new UserRegExpError(`regular expression ${shown}: only the flags i, m, s (and g, u, which change nothing here) are allowed`);
  try {
    // Written as JavaScript patterns: refuse what JavaScript would refuse, too.
    new RegExp(full, flags.replace('g', ''));
  } catch (err) {
    throw new UserRegExpError(`invalid regular expression ${shown}: ${(err as Error).message}`);
  }
  const RE2 = engine();
  let re: RE2Type;
  try {
    const options = (flags.includes('i') ? RE2.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2.MULTILINE : 0) | (flags.includes('s') ? RE2.DOTALL : 0);
    re = RE2.compile(RE2.translateRegExp(full), options);
  } catch (err) {
    const why = (err as Error).message.replace(/^error parsing regexp: /, '');
    throw new UserRegExpError(`regular expression ${shown} cannot run in linear time (${why}); backreferences and lookarounds are not supported`);
  }
  return { test: (text: string) => re.test(text), toString: () => `/${full}/${flags}` };
}

/**
 * ajv's `code.regExp`: the `pattern` and `patternProperties` of a team rule's JSON Schema run on
 * RE2. ajv asks for the `u` flag, which RE2 does not need.
 */
export const ajvRegExp = Object.assign((source: string, flags: string): TextPattern => userRegExp(source, flags.replace('u', '')), {
  /** How ajv's standalone code would load this engine (ecslint compiles users' schemas at run time only). */
  code: 'require("ecslint/dist/src/regexp/user-regexp").ajvRegExp',
});

/** ajv's `regex` format, which options schemas use to mark their patterns. */
export const regexFormat = { type: 'string' as const, validate: (source: string) => regExpProblem(source) === undefined };

/** A JSON-Schema fragment, as far as finding patterns in a value needs one. */
interface SchemaPart {
  format?: string;
  properties?: Record<string, SchemaPart>;
  items?: SchemaPart | SchemaPart[];
  additionalProperties?: SchemaPart | boolean;
}

/**
 * The strings in `value` at the places its schema marks `format: "regex"` (options of functions),
 * with their paths: what a configuration or a team rule gives to a function as a pattern.
 */
export function patternsIn(schema: SchemaPart | undefined, value: unknown, at: string[] = []): Array<{ source: string; path: string[] }> {
  if (!schema || typeof schema !== 'object') return [];
  if (schema.format === 'regex') return typeof value === 'string' ? [{ source: value, path: at }] : [];
  const out: Array<{ source: string; path: string[] }> = [];
  if (Array.isArray(value)) {
    const items = schema.items;
    value.forEach((v, i) => out.push(...patternsIn(Array.isArray(items) ? items[i] : items, v, [...at, String(i)])));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties && Object.hasOwn(schema.properties, k) ? schema.properties[k] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      out.push(...patternsIn(sub, v, [...at, k]));
    }
  }
  return out;
}

/** The `pattern`s and `patternProperties` keys of a JSON Schema (a team rule's check), with their paths. */
export function schemaPatterns(schema: unknown, at: string[] = []): Array<{ source: string; path: string[] }> {
  const out: Array<{ source: string; path: string[] }> = [];
  // Iterative: a team rule's schema is user data and may be deep.
  const stack: Array<{ node: unknown; at: string[] }> = [{ node: schema, at }];
  while (stack.length > 0) {
    const { node, at: where } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') out.push({ source: v, path: [...where, k] });
      if (k === 'patternProperties' && v !== null && typeof v === 'object') for (const p of Object.keys(v)) out.push({ source: p, path: [...where, k, p] });
      stack.push({ node: v, at: [...where, k] });
    }
  }
  return out;
}
