import * as fs from 'fs';
import * as path from 'path';
import type { RuleDefinition } from '../model/rule';
import { findUnsafeRegExp } from './load';

/**
 * A team's own rules: YAML or JSON files in the built-in rule format. They are data only: a check
 * is a JSON Schema or one of the built-in functions by name, never code from the repository.
 */
export function loadCustomRules(dir: string): RuleDefinition[] {
  const Ajv = (require('ajv') as typeof import('ajv')).default;

  const { parse } = require('yaml') as typeof import('yaml');
  const meta = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'rule.schema.json'), 'utf8'));
  // A team's rules may leave out what the build requires of built-in ones: the AWS page and the remediation.
  meta.required = (meta.required as string[]).filter((k) => k !== 'url' && k !== 'remediation');
  const ajv = new Ajv({ allErrors: false, strict: false });
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
    let rule: RuleDefinition;
    try {
      rule = parse(fs.readFileSync(file, 'utf8')) as RuleDefinition;
    } catch (err) {
      throw new Error(`${file}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    if (!validate(rule)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}`);
    const id = name.replace(/\.(ya?ml|json)$/, '');
    if (rule.id !== id) throw new Error(`${file}: id "${rule.id}" must equal the file name "${id}"`);
    const unsafe = findUnsafeRegExp(rule.then) ?? findUnsafeRegExp(rule.seed?.then ?? {});
    if (unsafe) throw new Error(`${file}: ${unsafe}`);
    for (const check of [rule.then, rule.seed?.then]) {
      if (check?.schema) ajv.compile(check.schema); // reject a schema that ajv cannot compile now, not mid-run
    }
    rules.push(rule);
  }
  return rules;
}
