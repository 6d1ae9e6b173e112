import * as fs from 'fs';
import * as path from 'path';
import type { RuleDefinition } from '../model/rule';
import { checkFunction } from '../engine/registry';
import { userSchemaAjv } from '../engine/runtime-validators';
import { filterProblem } from '../engine/select';
import { patternsIn, regExpProblem, schemaPatterns } from '../regexp/user-regexp';
import { readTextFile } from '../files/read';
import { LineIndex } from '../model/text';
import { parseYaml } from '../load/parse-yaml';

/**
 * A team's own rules: YAML or JSON files in the built-in rule format. They are data only: a check
 * is a JSON Schema or one of the built-in functions by name, never code from the repository. Every
 * regular expression in them (schema patterns, function options, JSONPath filters) runs on the
 * linear-time engine of regexp/user-regexp.ts, and one that cannot is refused here, before any file is linted.
 */
export function loadCustomRules(dir: string): RuleDefinition[] {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const meta = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'rule.schema.json'), 'utf8'));
  // A team's rules may leave out what the build requires of built-in ones: the AWS page and the remediation.
  meta.required = (meta.required as string[]).filter((k) => k !== 'url' && k !== 'remediation');
  const ajv = userSchemaAjv(Ajv);
  const validate = ajv.compile(meta);
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
  } catch {
    throw new Error(`rules directory ${dir} cannot be read`);
  }
  const rules: RuleDefinition[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    // Read like a linted file: a FIFO, a device or a huge file is refused, not waited for.
    const read = readTextFile(file);
    if ('error' in read) throw new Error(`${file} cannot be read: ${read.error}`);
    // Parsed as linted files are (JSON is YAML too): with their limits on size, nesting and aliases.
    const parsed = parseYaml(read.text);
    const doc = parsed.documents[0];
    if (doc && 'error' in doc) {
      const p = new LineIndex(parsed.text).position(doc.error.offset);
      throw new Error(`${file}:${p.line}:${p.column}: ${doc.error.message}`, { cause: doc.error });
    }
    const rule = (doc?.value ?? null) as RuleDefinition;
    if (!validate(rule)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}`);
    const id = name.replace(/\.(ya?ml|json)$/, '');
    if (rule.id !== id) throw new Error(`${file}: id "${rule.id}" must equal the file name "${id}"`);
    const problem = ruleProblem(rule);
    if (problem) throw new Error(`${file}: ${problem}`);
    for (const check of [rule.then, rule.seed?.then]) {
      if (!check?.schema) continue;
      // Reject a schema that ajv cannot compile now, not mid-run; its patterns compile on RE2 here.
      try {
        ajv.compile(check.schema);
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
      }
    }
    rules.push(rule);
  }
  return rules;
}

/** The first regular expression of a team rule that cannot run in linear time, described, or undefined. */
function ruleProblem(rule: RuleDefinition): string | undefined {
  for (const given of Array.isArray(rule.given) ? rule.given : [rule.given]) {
    const problem = filterProblem(given);
    if (problem) return `given: ${problem}`;
  }
  for (const [where, check] of [
    ['then', rule.then],
    ['current.then', rule.seed?.then],
  ] as const) {
    if (!check) continue;
    for (const p of schemaPatterns(check.schema ?? {}, [where, 'schema'])) {
      const problem = regExpProblem(p.source);
      if (problem) return `${p.path.join('.')}: ${problem}`;
    }
    if (check.function) {
      let optionsSchema: Record<string, unknown>;
      try {
        optionsSchema = checkFunction(check.function).optionsSchema;
      } catch {
        return `${where}.function: there is no function "${check.function}"`;
      }
      for (const p of patternsIn(optionsSchema, check.options ?? {})) {
        const problem = regExpProblem(p.source);
        if (problem) return `${where}.options.${p.path.join('.')}: ${problem}`;
      }
    }
  }
  return undefined;
}
