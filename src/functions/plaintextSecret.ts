import type { Segment } from '../model/path';
import { Unknown } from '../model/unknown';
import type { FunctionResult, RuleFunction } from './types';
import { TextPattern, userRegExp } from '../regexp/user-regexp';

interface Options {
  /** Word sequences (upper case, space-separated, e.g. "API KEY") that mark a name as a secret's. */
  words: string[];
  /** Names (case-insensitive) that always hold a secret, whatever their words. */
  names?: string[];
  /** Names (case-insensitive) that never do, though their words say so (PWD is the working directory). */
  ignoreNames?: string[];
  /** A name ending in one of these words refers to or describes a secret (SECRET_ARN, TOKEN_URL, PASSWORD_FILE). */
  referenceWords?: string[];
  /** A name with one of these words anywhere is not a secret (PUBLIC_KEY). */
  exceptWords?: string[];
  /** Values (case-insensitive, whole value) that cannot be secrets: flags, references. */
  ignoreValues?: string;
  /** Also report any value that is a URL with a password in it, whatever its name. */
  credentialUrls?: boolean;
}

// scheme://user:password@host, with a non-empty password.
const CREDENTIAL_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:[^/?#@\s]+@/i;

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Split a variable or option name into upper-case words: DB_PASSWORD, dbPassword, splunk-token, APIKey.
 * Words are runs of ASCII letters and digits, also split before an upper-case letter that follows a
 * lower-case letter or digit (dbPassword) and before the last capital of a run followed by a
 * lower-case letter (APIKey). One pass: regular expressions for the same split backtrack
 * quadratically on a long run of capitals.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : -1;
    const wordChar = isUpper(c) || isLower(c) || isDigit(c);
    if (!wordChar) {
      if (start !== -1) words.push(name.slice(start, i).toUpperCase());
      start = -1;
      continue;
    }
    if (start === -1) {
      start = i;
      continue;
    }
    const before = name.charCodeAt(i - 1);
    const boundary = isUpper(c) && (isLower(before) || isDigit(before) || (isUpper(before) && isLower(name.charCodeAt(i + 1))));
    if (boundary) {
      words.push(name.slice(start, i).toUpperCase());
      start = i;
    }
  }
  return words;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

/** Decide whether a name is a secret's, with the options' word lists turned into sets once per rule. */
const compiledOptions = new WeakMap<Options, (name: string) => boolean>();
const ignoreValueCache = new WeakMap<Options, TextPattern | undefined>();

function compiled(options: Options): (name: string) => boolean {
  let fn = compiledOptions.get(options);
  if (fn) return fn;
  const sequences = options.words.map((w) => w.split(' '));
  const always = new Set((options.names ?? []).map((n) => n.toUpperCase()));
  const never = new Set((options.ignoreNames ?? []).map((n) => n.toUpperCase()));
  const reference = new Set(options.referenceWords ?? []);
  const except = new Set(options.exceptWords ?? []);
  const verdicts = new Map<string, boolean>();
  fn = (name: string): boolean => {
    let verdict = verdicts.get(name);
    if (verdict !== undefined) return verdict;
    const upper = name.toUpperCase();
    if (always.has(upper)) verdict = true;
    else if (never.has(upper)) verdict = false;
    else {
      const words = nameWords(name);
      verdict = !(words.length === 0 || reference.has(words[words.length - 1]) || words.some((w) => except.has(w))) && sequences.some((s) => containsSequence(words, s));
    }
    // Names repeat across files (DB_PASSWORD, PORT); the cache is bounded so that hostile input cannot grow it.
    if (verdicts.size < 10_000) verdicts.set(name, verdict);
    return verdict;
  };
  compiledOptions.set(options, fn);
  return fn;
}

function ignoreValueRe(options: Options): TextPattern | undefined {
  if (!ignoreValueCache.has(options)) ignoreValueCache.set(options, options.ignoreValues ? userRegExp(options.ignoreValues, 'i', true) : undefined);
  return ignoreValueCache.get(options);
}

/**
 * Reports plain-text values that look like secrets: in an environment list (`[{name, value}]`) at
 * the item's value, in a string map (log driver options) at the key. A name looks secret when it
 * contains one of `words` and neither ends in a reference word nor contains an exception word.
 * Values that are not literal strings (intrinsics, placeholders, template markers) are filled in
 * elsewhere, not written here in plain text, and are skipped.
 */
const plaintextSecret: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['words'],
    properties: {
      words: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z0-9]+( [A-Z0-9]+)*$' } },
      names: { type: 'array', items: { type: 'string', minLength: 1 } },
      ignoreNames: { type: 'array', items: { type: 'string', minLength: 1 } },
      referenceWords: { type: 'array', items: { type: 'string', pattern: '^[A-Z0-9]+$' } },
      exceptWords: { type: 'array', items: { type: 'string', pattern: '^[A-Z0-9]+$' } },
      ignoreValues: { type: 'string', minLength: 1, format: 'regex' },
      credentialUrls: { type: 'boolean' },
    },
  },
  check(value, options) {
    const secretName = compiled(options);
    const ignoreValue = ignoreValueRe(options);

    const inspect = (name: unknown, raw: unknown, path: Segment[]): FunctionResult[] => {
      // CloudFormation turns a YAML number (a numeric password) into the string the container sees.
      const v = typeof raw === 'number' ? String(raw) : raw;
      if (typeof name !== 'string' || typeof v !== 'string' || v === '') return [];
      if (options.credentialUrls && CREDENTIAL_URL.test(v)) return [{ path, data: { name: JSON.stringify(name), why: 'holds a URL with a password in plain text' } }];
      if (ignoreValue?.test(v)) return [];
      return secretName(name) ? [{ path, data: { name: JSON.stringify(name), why: 'looks like a secret in plain text' } }] : [];
    };

    if (Array.isArray(value)) {
      return value.flatMap((item, i) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
        const entry = item as Record<string, unknown>;
        return inspect(entry.name, entry.value, [i, 'value']);
      });
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Unknown)) {
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => inspect(k, v, [k]));
    }
    return [];
  },
};
export default plaintextSecret;
