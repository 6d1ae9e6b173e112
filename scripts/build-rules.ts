/**
 * Build step: read rules/*.yaml, validate each against schemas/rule.schema.json and its function's
 * options schema, and compile every JSON-Schema check to standalone ajv code. At run time ecslint
 * loads one JSON file and one module of plain functions: no YAML parsing and no ajv compilation
 * on the start-up path.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { parse } from 'yaml';
import { RULE_DOC_FIELDS, type RuleDefinition } from '../src/model/rule';
import type { RuleFunction } from '../src/functions/types';
import { loadFactTables, resolveFacts } from './facts';
import { patternsIn, regexFormat } from '../src/regexp/user-regexp';

const root = path.join(__dirname, '..', '..');
const rulesDir = path.join(root, 'rules');
const factsDir = path.join(root, 'facts');
const outDir = path.join(root, 'dist', 'generated');

export function loadRuleFiles(dir: string, facts = loadFactTables(factsDir)): RuleDefinition[] {
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'rule.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('regex', regexFormat);
  const validateRule = ajv.compile(meta);
  const problems: string[] = [];
  const rules: RuleDefinition[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    let rule: RuleDefinition;
    try {
      // `{ $fact: name }` stands for a table of facts/ (scripts/facts.ts).
      rule = resolveFacts(parse(fs.readFileSync(path.join(dir, file), 'utf8')), facts) as RuleDefinition;
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    const id = file.replace(/\.ya?ml$/, '');
    if (!validateRule(rule)) {
      problems.push(`${file}: ${ajv.errorsText(validateRule.errors)}`);
      continue;
    }
    if (rule.id !== id) problems.push(`${file}: id "${rule.id}" must equal the file name "${id}"`);
    for (const check of [rule.then, rule.seed?.then]) {
      if (!check?.function) continue;
      const fnFile = path.join(root, 'dist', 'src', 'functions', `${check.function}.js`);
      if (!fs.existsSync(fnFile)) {
        problems.push(`${file}: function "${check.function}" does not exist in src/functions`);
        continue;
      }

      const fn = (require(fnFile) as { default: RuleFunction }).default;
      const validateOptions = ajv.compile(fn.optionsSchema);
      if (!validateOptions(check.options ?? {})) problems.push(`${file}: options for ${check.function}: ${ajv.errorsText(validateOptions.errors)}`);
    }
    rules.push(rule);
  }
  if (problems.length > 0) throw new Error(`Invalid rule files:\n  ${problems.join('\n  ')}`);
  return rules;
}

/**
 * The patterns the rules give to functions (options marked `format: "regex"`): they run on
 * JavaScript's engine, and test/hostile-inputs.test.ts shows each of them linear.
 */
export function rulePatterns(rules: RuleDefinition[]): string[] {
  const found = new Set<string>();
  for (const rule of rules) {
    for (const check of [rule.then, rule.seed?.then]) {
      if (!check?.function) continue;
      const fn = (require(path.join(root, 'dist', 'src', 'functions', `${check.function}.js`)) as { default: RuleFunction }).default;
      for (const p of patternsIn(fn.optionsSchema, check.options ?? {})) found.add(p.source);
    }
  }
  return [...found].sort();
}

/** Standalone validator module: one export per schema check, keyed `<id>` or `<id>#seed`. */
export function compileValidators(rules: RuleDefinition[]): string {
  const ajv = new Ajv({ code: { source: true, esm: false }, allErrors: true, strict: false, messages: true });
  const exports: Record<string, string> = {};
  for (const rule of rules) {
    const entries: Array<[string, Record<string, unknown> | undefined]> = [
      [rule.id, rule.then.schema],
      [`${rule.id}#seed`, rule.seed?.then?.schema],
    ];
    for (const [key, schema] of entries) {
      if (!schema) continue;
      ajv.addSchema(schema, key);
      exports[key] = key;
    }
  }
  return withoutRuntimeRequire(standaloneCode(ajv, exports));
}

/**
 * ajv's standalone code counts a string's length in code points (what JSON Schema's maxLength means) with a
 * function it requires from its own package at run time: resolving that from node_modules is about 1 ms of a
 * one-file run, so the module gets its own copy of the count, and needs nothing from ajv.
 */
export function withoutRuntimeRequire(code: string): string {
  const required = 'require("ajv/dist/runtime/ucs2length").default';
  const parts = code.split(required);
  if (parts.length === 1) return code;
  const count =
    'function codePointLength(s) { let n = 0; for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); n++; if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++; } return n; }\n';
  const rest = parts.join('codePointLength');
  if (/require\(/.test(rest)) throw new Error('the standalone validators require a module the build does not inline');
  const strict = '"use strict";';
  return rest.startsWith(strict) ? `${strict}${count}${rest.slice(strict.length)}` : `${count}${rest}`;
}

/** The configuration file schema, compiled like the rules so that loading a config needs no ajv. */
export function compileConfigValidator(): string {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'config.schema.json'), 'utf8'));
  const ajv = new Ajv({ code: { source: true, esm: false }, allErrors: false, strict: false });
  ajv.addSchema(schema, 'config');
  return withoutRuntimeRequire(standaloneCode(ajv, { config: 'config' }));
}

function main(): void {
  const rules = loadRuleFiles(rulesDir);
  fs.mkdirSync(outDir, { recursive: true });
  // The engine's part and the documentation apart: a lint run reads only the first, half the size.
  const engine = rules.map((rule) => Object.fromEntries(Object.entries(rule).filter(([key]) => !(RULE_DOC_FIELDS as readonly string[]).includes(key))));
  const docs = Object.fromEntries(rules.map((rule) => [rule.id, Object.fromEntries(RULE_DOC_FIELDS.filter((key) => rule[key] !== undefined).map((key) => [key, rule[key]]))]));
  fs.writeFileSync(path.join(outDir, 'rules.json'), JSON.stringify(engine));
  fs.writeFileSync(path.join(outDir, 'rule-texts.json'), JSON.stringify(docs));
  fs.writeFileSync(path.join(outDir, 'rule-patterns.json'), JSON.stringify(rulePatterns(rules)));
  fs.writeFileSync(path.join(outDir, 'validators.js'), compileValidators(rules));
  fs.writeFileSync(path.join(outDir, 'config-validator.js'), compileConfigValidator());
  process.stderr.write(`ecslint: compiled ${rules.length} rules\n`);
}

if (require.main === module) main();
