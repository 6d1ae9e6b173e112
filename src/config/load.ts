import * as fs from 'fs';
import * as path from 'path';
import type { RuleDefinition } from '../engine/rule';
import { locate } from '../load/locate';
import { LineIndex } from '../load/line-index';
import { parseJson } from '../load/parse-json';
import type { ParsedDocument } from '../load/parsed';
import { SyntaxProblem } from '../load/parsed';
import type { LaunchType, DocsProfile, Preset, SeveritySetting } from '../types';
import { globToRegExp } from '../files/expand';
import { readTextFile } from '../files/read';
import { patternsIn, regExpProblem, TextPattern, UserRegExpError } from '../engine/user-regexp';
import { checkFunction } from '../engine/registry';
import { builtInRules } from '../engine/registry';
import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';

/** Looked for in each folder from the linted file's folder upward; the first found wins. */
export const CONFIG_NAMES = ['.ecslintrc.yaml', '.ecslintrc.yml', '.ecslintrc.json', 'ecslint.config.yaml', 'package.json'];

/** A configuration mistake: exit 2, naming the file, the line and what is allowed. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

interface Override {
  files: TextPattern[];
  excludedFiles: TextPattern[];
  rules: Record<string, RuleSetting>;
  launchType?: LaunchType;
  docs?: DocsProfile;
}

/** One configuration file, validated, with paths and globs resolved against its folder. */
export interface LoadedConfig {
  file: string;
  dir: string;
  preset?: Preset;
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  ignore: TextPattern[];
  launchType?: LaunchType;
  docs?: DocsProfile;
  customRules: RuleDefinition[];
}

interface RawConfig {
  extends?: string | string[];
  rules?: Record<string, unknown>;
  overrides?: Array<{ files: string[]; excludedFiles?: string[]; rules?: Record<string, unknown>; launchType?: LaunchType; docs?: DocsProfile }>;
  ignorePatterns?: string[];
  launchType?: LaunchType;
  docs?: DocsProfile;
  rulesDirectories?: string[];
}

type ConfigValidator = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; params: Record<string, unknown>; keyword: string }> | null };

function configValidator(): ConfigValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, '..', '..', 'generated', 'config-validator.js')) as Record<string, ConfigValidator>).config;
}

const dirCache = new Map<string, LoadedConfig | null>();

/** The configuration that applies to files in `dir`: the nearest configuration file upward, or none. */
export function findConfig(dir: string): LoadedConfig | undefined {
  const start = path.resolve(dir);
  const visited: string[] = [];
  let current = start;
  for (;;) {
    const cached = dirCache.get(current);
    if (cached !== undefined) {
      for (const d of visited) dirCache.set(d, cached);
      return cached ?? undefined;
    }
    visited.push(current);
    for (const name of CONFIG_NAMES) {
      const file = path.join(current, name);
      if (!fs.existsSync(file)) continue;
      const loaded = loadConfigFile(file, name === 'package.json');
      if (loaded === undefined) continue; // a package.json without an "ecslint" key
      for (const d of visited) dirCache.set(d, loaded);
      return loaded;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      for (const d of visited) dirCache.set(d, null);
      return undefined;
    }
    current = parent;
  }
}

/** Read and validate one configuration file. Returns undefined for a package.json without an "ecslint" key. */
export function loadConfigFile(file: string, fromPackageJson = path.basename(file) === 'package.json'): LoadedConfig | undefined {
  // A configuration file is read like a linted one: a FIFO, a device or a huge file is refused, not waited for.
  const read = readTextFile(file);
  if ('error' in read) throw new ConfigError(file, 1, 1, `cannot be read: ${read.error}`);
  const text = read.text;
  const lines = new LineIndex(text);
  let doc: ParsedDocument;
  try {
    if (/\.json$/.test(file)) doc = parseJson(text);
    else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const parsed = (require('../load/parse-yaml') as typeof import('../load/parse-yaml')).parseYaml(text).documents[0];
      if (!parsed) throw new SyntaxProblem('The file is empty.', 0);
      if ('error' in parsed) throw parsed.error;
      doc = parsed;
    }
  } catch (err) {
    if (err instanceof SyntaxProblem) {
      const p = lines.position(err.offset);
      throw new ConfigError(file, p.line, p.column, err.message);
    }
    throw err;
  }
  let raw: unknown = doc.value ?? {};
  const prefix: string[] = [];
  if (fromPackageJson) {
    if (raw === null || typeof raw !== 'object' || !Object.hasOwn(raw, 'ecslint')) return undefined;
    raw = (raw as Record<string, unknown>).ecslint;
    prefix.push('ecslint');
  }
  const at = (segments: string[]) => lines.position(locate(doc, [...prefix, ...segments]).start);

  const validate = configValidator();
  if (!validate(raw)) {
    const e = (validate.errors ?? [])[0];
    const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/');
    const extra = e.params.additionalProperty as string | undefined;
    if (extra) segments.push(extra);
    const p = at(segments);
    const allowed = e.params.allowedValues ? `; allowed: ${(e.params.allowedValues as unknown[]).join(', ')}` : '';
    const what = extra ? `unknown setting "${extra}"` : `${e.instancePath || 'the configuration'} ${e.message ?? 'is invalid'}${allowed}`;
    throw new ConfigError(file, p.line, p.column, `${what} (see schemas/config.schema.json)`);
  }
  const cfg = raw as RawConfig;
  const dir = path.dirname(file);
  const extendsList = cfg.extends === undefined ? [] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends];
  const preset = extendsList.length > 0 ? (extendsList[extendsList.length - 1].replace('ecslint:', '') as Preset) : undefined;

  const customRules: RuleDefinition[] = [];
  (cfg.rulesDirectories ?? []).forEach((d, i) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadCustomRules } = require('./custom-rules') as typeof import('./custom-rules');
    try {
      customRules.push(...loadCustomRules(path.resolve(dir, d)));
    } catch (err) {
      const p = at(['rulesDirectories', String(i)]);
      throw new ConfigError(file, p.line, p.column, (err as Error).message);
    }
  });

  const rules = ruleSettings(cfg.rules ?? {});
  const known = new Set([...builtInRules().map((r) => r.id), ...Object.keys(CORE_DIAGNOSTICS), ...customRules.map((r) => r.id)]);
  const unknownRule = (where: string[], ids: string[]) => {
    const id = ids.find((x) => !known.has(x));
    if (id === undefined) return;
    const p = at([...where, id]);
    throw new ConfigError(file, p.line, p.column, `unknown rule "${id}" (run "ecslint rules" for the list)`);
  };
  unknownRule(['rules'], Object.keys(cfg.rules ?? {}));
  (cfg.overrides ?? []).forEach((o, i) => unknownRule(['overrides', String(i), 'rules'], Object.keys(o.rules ?? {})));
  const checkGlobs = (where: string[], globs: string[] | undefined) =>
    (globs ?? []).map((g, i) => {
      try {
        return globToRegExp(g.replace(/^\.\//, ''));
      } catch (err) {
        if (!(err instanceof UserRegExpError)) throw err;
        const p = at([...where, String(i)]);
        throw new ConfigError(file, p.line, p.column, `glob ${JSON.stringify(g)} cannot be used: ${err.message}`);
      }
    });
  const loaded: LoadedConfig = {
    file,
    dir,
    preset,
    rules,
    overrides: (cfg.overrides ?? []).map((o, i) => ({ files: checkGlobs(['overrides', String(i), 'files'], o.files), excludedFiles: checkGlobs(['overrides', String(i), 'excludedFiles'], o.excludedFiles), rules: ruleSettings(o.rules ?? {}), launchType: o.launchType, docs: o.docs })),
    ignore: checkGlobs(['ignorePatterns'], cfg.ignorePatterns),
    launchType: cfg.launchType,
    docs: cfg.docs,
    customRules,
  };
  // Options are user data that may hold regular expressions (the options their function's schema
  // marks `format: "regex"`): each must run on the linear-time engine.
  const byId = new Map([...builtInRules(), ...customRules].map((r) => [r.id, r]));
  const checkOptions = (where: string[], settings: Record<string, RuleSetting>) => {
    for (const [id, setting] of Object.entries(settings)) {
      const problem = setting.options ? optionsPatternProblem(byId.get(id), setting.options) : undefined;
      if (problem) {
        const p = at([...where, id, ...problem.path]);
        throw new ConfigError(file, p.line, p.column, `rule ${id}: ${problem.reason}`);
      }
    }
  };
  checkOptions(['rules'], rules);
  loaded.overrides.forEach((o, i) => checkOptions(['overrides', String(i), 'rules'], o.rules));
  return loaded;
}

function ruleSettings(raw: Record<string, unknown>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw)) {
    const [sev, options] = Array.isArray(value) ? value : [value, undefined];
    out[id] = { severity: normaliseSeverity(sev as string), options: options as Record<string, unknown> | undefined };
  }
  return out;
}

export function normaliseSeverity(s: string): SeveritySetting {
  return s === 'warn' ? 'warning' : (s as SeveritySetting);
}

/**
 * The first pattern in a rule's options that cannot be used (invalid, or beyond the linear-time
 * engine), with its path in the options (`["1", "pattern"]` in the `[severity, options]` setting).
 */
export function optionsPatternProblem(rule: RuleDefinition | undefined, options: Record<string, unknown>): { path: string[]; reason: string } | undefined {
  const name = rule?.then.function ?? rule?.current?.then?.function;
  if (!name) return undefined;
  for (const p of patternsIn(checkFunction(name).optionsSchema, options)) {
    const reason = regExpProblem(p.source);
    if (reason) return { path: ['1', ...p.path], reason: `option ${p.path.join('.')}: ${reason}` };
  }
  return undefined;
}

/** True when a file (path relative to the config's folder) matches one of the globs. */
export function matchesAny(globs: TextPattern[], relative: string): boolean {
  const rel = relative.split(path.sep).join('/');
  const base = path.posix.basename(rel);
  return globs.some((re) => re.test(rel) || re.test(base));
}
