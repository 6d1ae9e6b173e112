import * as path from 'path';
import type { EngineRule, RuleDefinition, RuleDocs } from '../model/rule';
import type { RuleFunction } from '../functions/types';

/** A compiled JSON-Schema check: true when valid; errors in ajv's shape otherwise. */
export interface Validator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown>; message?: string }> | null;
}

const GENERATED = path.join(__dirname, '..', '..', 'generated');

let engine: EngineRule[] | undefined;
let builtIn: RuleDefinition[] | undefined;
let validators: Record<string, Validator> | undefined;
const functions = new Map<string, RuleFunction>();

/** The built-in rules as the engine runs them, compiled from rules/*.yaml at build time (see scripts/build-rules.ts). */
export function engineRules(): EngineRule[] {
  engine ??= require(path.join(GENERATED, 'rules.json')) as EngineRule[];
  return engine;
}

/** The built-in rules with their documentation (descriptions, sources, links, remediations). */
export function builtInRules(): RuleDefinition[] {
  if (!builtIn) {
    const docs = require(path.join(GENERATED, 'rule-texts.json')) as Record<string, RuleDocs>;
    builtIn = engineRules().map((rule) => ({ ...rule, ...docs[rule.id] }));
  }
  return builtIn;
}

/** Schema validators compiled ahead of time by ajv (standalone code); keys are `<id>` and `<id>#seed`. */
export function builtInValidator(key: string): Validator | undefined {
  validators ??= require(path.join(GENERATED, 'validators.js')) as Record<string, Validator>;
  return validators[key];
}

/** A check function from src/functions, loaded the first time a rule needs it. */
export function checkFunction(name: string): RuleFunction {
  let fn = functions.get(name);
  if (!fn) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new Error(`Invalid function name "${name}".`);

    const mod = require(`../functions/${name}`) as { default?: RuleFunction };
    if (!mod.default) throw new Error(`Unknown function "${name}".`);
    fn = mod.default;
    functions.set(name, fn);
  }
  return fn;
}
