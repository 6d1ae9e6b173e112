import * as fs from 'fs';
import * as path from 'path';
import type { RuleDefinition } from '../model/rule';
import { locate } from '../model/document';
import { LineIndex } from '../model/text';
import { parseJson } from '../load/parse-json';
import type { ParsedDocument } from '../model/document';
import { SyntaxProblem } from '../load/parsed';
import type { LaunchType, DocsProfile, Preset, SeveritySetting } from '../model/basics';
import { globToRegExp } from '../files/expand';
import { checkLinearRegExp } from './safe-regex';
import { builtInRules } from '../engine/registry';
import { CORE_DIAGNOSTICS } from '../report/diagnostics';

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
  files: RegExp[];
  excludedFiles: RegExp[];
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
  ignore: RegExp[];
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

/** Read and validate one configuration file. Returns undefined for a package.json without an "ecslint" key. */
export function loadConfigFile(file: string, fromPackageJson = path.basename(file) === 'package.json'): LoadedConfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, 1, 1, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
  const extendsList = cfg.extends === undefined ? [] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends];
  const preset = extendsList.length > 0 ? (extendsList[extendsList.length - 1].replace('ecslint:', '') as Preset) : undefined;

  const customRules: RuleDefinition[] = [];
  (cfg.rulesDirectories ?? []).forEach((d, i) => {
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
  const checkGlobs = (globs: string[] | undefined) => (globs ?? []).map((g) => globToRegExp(g.replace(/^\.\//, '')));
  const loaded: LoadedConfig = {
    file,
    dir,
    preset,
    rules,
    overrides: (cfg.overrides ?? []).map((o) => ({
      files: checkGlobs(o.files),
      excludedFiles: checkGlobs(o.excludedFiles),
      rules: ruleSettings(o.rules ?? {}),
      launchType: o.launchType,
      docs: o.docs,
    })),
    ignore: checkGlobs(cfg.ignorePatterns),
    launchType: cfg.launchType,
    docs: cfg.docs,
    customRules,
  };
  // Options are user data that may hold regular expressions; refuse any that could backtrack.
  for (const [id, setting] of Object.entries(rules)) {
    const problem = setting.options ? findUnsafeRegExp(setting.options) : undefined;
    if (problem) {
      const p = at(['rules', id]);
      throw new ConfigError(file, p.line, p.column, problem);
    }
  }
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

/** The first regular expression (a `pattern` member or a `patternProperties` key) that is not linear-time. */
export function findUnsafeRegExp(value: unknown, key = ''): string | undefined {
  if (typeof value === 'string' && (key === 'pattern' || key === 'regex' || key === 'regExp')) return checkLinearRegExp(value);
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (key === 'patternProperties') {
      const p = checkLinearRegExp(k);
      if (p) return p;
    }
    const found = findUnsafeRegExp(v, k);
    if (found) return found;
  }
  return undefined;
}

/** True when a file (path relative to the config's folder) matches one of the globs. */
export function matchesAny(globs: RegExp[], relative: string): boolean {
  const rel = relative.split(path.sep).join('/');
  const base = path.posix.basename(rel);
  return globs.some((re) => re.test(rel) || re.test(base));
}
