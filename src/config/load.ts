import * as fs from 'fs';
import * as path from 'path';
import { PRESET_ORDER, type EngineRule, type RuleDefinition } from '../model/rule';
import { locate } from '../model/document';
import { LineIndex } from '../model/text';
import { parseJson } from '../load/parse-json';
import type { ParsedDocument } from '../model/document';
import { SyntaxProblem } from '../load/parsed';
import type { LaunchType, DocsProfile, Preset, SeveritySetting } from '../model/basics';
import { globToRegExp } from '../files/expand';
import { readTextFile } from '../files/read';
import { patternsIn, regExpProblem, TextPattern, UserRegExpError } from '../regexp/user-regexp';
import { engineRules } from '../engine/registry';
import { CORE_DIAGNOSTICS } from '../report/diagnostics';
import { checkFunction } from '../engine/registry';
import { errorsText, runtimeValidator } from '../engine/runtime-validators';
import { expandRulePattern, unknownRuleText } from '../model/rule-ids';

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

/**
 * Read and validate one configuration file, with what it extends. Returns undefined for a package.json without
 * an "ecslint" key. `extendedFrom` is the chain of files that extend this one, for cycles and depth.
 */
export function loadConfigFile(file: string, fromPackageJson = path.basename(file) === 'package.json', extendedFrom: string[] = []): LoadedConfig | undefined {
  // A configuration file is read like a linted one: a FIFO, a device or a huge file is refused, not waited for.
  const read = readTextFile(file);
  if ('error' in read) throw new ConfigError(file, 1, 1, `cannot be read: ${read.error}`);
  const text = read.text;
  const lines = new LineIndex(text);
  let doc: ParsedDocument;
  try {
    if (/\.json$/.test(file)) doc = parseJson(text);
    else {
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
  const fail = (segments: string[], reason: string): never => {
    const p = at(segments);
    throw new ConfigError(file, p.line, p.column, reason);
  };

  // What this file extends comes first; its own settings win over it.
  const chain = [...extendedFrom, path.resolve(file)];
  const base = extendsOf(cfg.extends, dir, chain, fail);

  const customRules: RuleDefinition[] = [...base.customRules];
  (cfg.rulesDirectories ?? []).forEach((d, i) => {
    const { loadCustomRules } = require('./custom-rules') as typeof import('./custom-rules');
    try {
      customRules.push(...loadCustomRules(path.resolve(dir, d)));
    } catch (err) {
      fail(['rulesDirectories', String(i)], (err as Error).message);
    }
  });

  const definitions = new Map<string, EngineRule>([...engineRules(), ...customRules].map((r) => [r.id, r]));
  const known = [...definitions.keys(), ...Object.keys(CORE_DIAGNOSTICS)];
  const settings = (where: string[], given: Record<string, unknown> | undefined) =>
    ruleSettings(given ?? {}, known, definitions, (key, reason, within = []) => fail([...where, key, ...within], reason));
  const checkGlobs = (where: string[], globs: string[] | undefined) =>
    (globs ?? []).map((g, i) => {
      try {
        return globToRegExp(g.replace(/^\.\//, ''));
      } catch (err) {
        if (!(err instanceof UserRegExpError)) throw err;
        return fail([...where, String(i)], `glob ${JSON.stringify(g)} cannot be used: ${err.message}`);
      }
    });
  return {
    file,
    dir,
    preset: base.preset,
    rules: { ...base.rules, ...settings(['rules'], cfg.rules) },
    overrides: [
      ...base.overrides,
      ...(cfg.overrides ?? []).map((o, i) => ({
        files: checkGlobs(['overrides', String(i), 'files'], o.files),
        excludedFiles: checkGlobs(['overrides', String(i), 'excludedFiles'], o.excludedFiles),
        rules: settings(['overrides', String(i), 'rules'], o.rules),
        launchType: o.launchType,
        docs: o.docs,
      })),
    ],
    ignore: [...base.ignore, ...checkGlobs(['ignorePatterns'], cfg.ignorePatterns)],
    launchType: cfg.launchType ?? base.launchType,
    docs: cfg.docs ?? base.docs,
    customRules,
  };
}

/** How deep `extends` may nest: a team configuration extending a company one is 2. */
export const MAX_EXTENDS_DEPTH = 8;

/** What a configuration inherits: the settings of its presets and extended files, later entries winning. */
type Inherited = Omit<LoadedConfig, 'file' | 'dir'>;

function extendsOf(given: string | string[] | undefined, dir: string, chain: string[], fail: (segments: string[], reason: string) => never): Inherited {
  const out: Inherited = { rules: {}, overrides: [], ignore: [], customRules: [] };
  const entries = given === undefined ? [] : Array.isArray(given) ? given : [given];
  entries.forEach((entry, i) => {
    const where = Array.isArray(given) ? ['extends', String(i)] : ['extends'];
    if (entry.startsWith('ecslint:')) {
      if (!(PRESET_ORDER as readonly string[]).includes(entry.slice('ecslint:'.length)))
        return fail(where, `extends "${entry}": the presets are ${PRESET_ORDER.map((p) => `ecslint:${p}`).join(', ')}`);
      out.preset = entry.slice('ecslint:'.length) as Preset;
      return;
    }
    const resolved = resolveExtends(entry, dir);
    if ('error' in resolved) return fail(where, `extends "${entry}": ${resolved.error}`);
    if (chain.includes(resolved.file))
      return fail(where, `extends "${entry}" makes a cycle: ${[...chain.slice(chain.indexOf(resolved.file)), resolved.file].map((f) => path.relative(dir, f) || f).join(' -> ')}`);
    if (chain.length > MAX_EXTENDS_DEPTH) return fail(where, `extends "${entry}": configurations extend each other more than ${MAX_EXTENDS_DEPTH} deep`);
    const loaded = loadConfigFile(resolved.file, false, chain);
    if (!loaded) return;
    if (loaded.preset) out.preset = loaded.preset;
    Object.assign(out.rules, loaded.rules);
    out.overrides.push(...loaded.overrides);
    out.ignore.push(...loaded.ignore);
    if (loaded.launchType) out.launchType = loaded.launchType;
    if (loaded.docs) out.docs = loaded.docs;
    out.customRules.push(...loaded.customRules);
  });
  return out;
}

const DATA_FILE = /\.(ya?ml|json)$/;

/**
 * The file an `extends` entry names, without running any code: a path relative to the configuration's
 * folder, or a package in a node_modules folder above it — a file in it (`@team/ecslint-config/strict.yaml`),
 * or the package's `main` when that is YAML or JSON, or else its .ecslintrc.yaml (or .yml, .json).
 */
export function resolveExtends(entry: string, dir: string): { file: string } | { error: string } {
  if (entry.startsWith('.') || path.isAbsolute(entry)) {
    const file = path.resolve(dir, entry);
    if (!DATA_FILE.test(file)) return { error: 'a configuration to extend is a .yaml, .yml or .json file' };
    return fs.existsSync(file) ? { file } : { error: `no such file ${file}` };
  }
  const parts = entry.split('/');
  const nameLength = entry.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const inside = parts.slice(nameLength).join('/');
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) || inside.split('/').includes('..')) return { error: 'not a relative path (./ or ../) nor a package name' };
  for (let current = path.resolve(dir); ;) {
    const pkg = path.join(current, 'node_modules', name);
    if (fs.existsSync(path.join(pkg, 'package.json'))) return packageConfig(pkg, inside);
    const parent = path.dirname(current);
    if (parent === current) return { error: `no package "${name}" in a node_modules folder above ${dir}` };
    current = parent;
  }
}

function packageConfig(pkg: string, inside: string): { file: string } | { error: string } {
  if (inside !== '') {
    const file = path.join(pkg, inside);
    if (!DATA_FILE.test(file)) return { error: 'a configuration to extend is a .yaml, .yml or .json file; packages are never run' };
    return fs.existsSync(file) ? { file } : { error: `no such file ${file}` };
  }
  let main: unknown;
  try {
    const read = readTextFile(path.join(pkg, 'package.json'));
    if ('error' in read) return { error: `its package.json cannot be read: ${read.error}` };
    main = (JSON.parse(read.text) as { main?: unknown }).main;
  } catch (err) {
    return { error: `its package.json cannot be read: ${(err as Error).message}` };
  }
  if (typeof main === 'string' && DATA_FILE.test(main) && fs.existsSync(path.join(pkg, main))) return { file: path.join(pkg, main) };
  for (const name of CONFIG_NAMES) {
    if (name !== 'package.json' && fs.existsSync(path.join(pkg, name))) return { file: path.join(pkg, name) };
  }
  return { error: `the package has no YAML or JSON configuration ("main", or ${CONFIG_NAMES.filter((n) => n !== 'package.json').join(', ')}); packages are never run` };
}

/**
 * Rule settings with globs and prefixes expanded to rule ids (in the order written, so a later exact id wins
 * over an earlier `bp-*`), each id known and its options valid for the rule's function.
 */
function ruleSettings(
  raw: Record<string, unknown>,
  known: string[],
  definitions: ReadonlyMap<string, EngineRule>,
  fail: (key: string, reason: string, within?: string[]) => never,
): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(raw)) {
    const ids = expandRulePattern(key, known);
    if (ids.length === 0) fail(key, `${unknownRuleText(key, known)} Run "ecslint rules" for the list.`);
    const [sev, options] = Array.isArray(value) ? value : [value, undefined];
    if (options) {
      for (const id of ids) {
        // Options that their function's schema marks `format: "regex"` run on the linear-time engine; a pattern
        // beyond it is named at its own line, before the schema would call it only "not a regex".
        const pattern = optionsPatternProblem(definitions.get(id), options as Record<string, unknown>);
        if (pattern) fail(key, `rule ${id}: ${pattern.reason}`, ['1', ...pattern.path]);
        const problem = optionsProblem(definitions.get(id), id, options as Record<string, unknown>);
        if (problem) fail(key, problem);
      }
    }
    for (const id of ids) out[id] = { severity: normaliseSeverity(sev as string), options: options as Record<string, unknown> | undefined };
  }
  return out;
}

/** Why options do not fit a rule: it has no function to take them, or they break its function's options schema. */
function optionsProblem(rule: EngineRule | undefined, id: string, options: Record<string, unknown>): string | undefined {
  if (!rule) return `rule ${id} takes no options`;
  const checks = [rule.then, ...(rule.seed?.then?.function === rule.then.function && rule.seed?.then ? [rule.seed.then] : [])];
  for (const then of checks) {
    if (!then.function) return `rule ${id} takes no options: it is a schema check`;
    const validate = runtimeValidator(checkFunction(then.function).optionsSchema);
    if (!validate({ ...then.options, ...options })) return `options for rule ${id}: ${errorsText(validate)}`;
  }
  return undefined;
}

export function normaliseSeverity(s: string): SeveritySetting {
  return s === 'warn' ? 'warning' : (s as SeveritySetting);
}

/**
 * The first pattern in a rule's options that cannot be used (invalid, or beyond the linear-time
 * engine), with its path in the options.
 */
export function optionsPatternProblem(rule: EngineRule | undefined, options: Record<string, unknown>): { path: string[]; reason: string } | undefined {
  const name = rule?.then.function ?? rule?.seed?.then?.function;
  if (!name) return undefined;
  for (const p of patternsIn(checkFunction(name).optionsSchema, options)) {
    const reason = regExpProblem(p.source);
    if (reason) return { path: p.path, reason: `option ${p.path.join('.')}: ${reason}` };
  }
  return undefined;
}

/** True when a file (path relative to the config's folder) matches one of the globs. */
export function matchesAny(globs: TextPattern[], relative: string): boolean {
  const rel = relative.split(path.sep).join('/');
  const base = path.posix.basename(rel);
  return globs.some((re) => re.test(rel) || re.test(base));
}
