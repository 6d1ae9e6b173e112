import type { Validator } from './registry';

/**
 * Validators for what only the run can know: a team's own rule schemas and rule options from a
 * configuration file. ajv is loaded only when one of those exists; built-in checks are compiled at build.
 */
let ajv: import('ajv').default | undefined;
const cache = new WeakMap<object, Validator>();

function instance(): import('ajv').default {
  if (!ajv) {
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    ajv = new Ajv({ allErrors: true, strict: false });
  }
  return ajv;
}

export function runtimeValidator(schema: Record<string, unknown>): Validator {
  let v = cache.get(schema);
  if (!v) {
    v = instance().compile(schema) as unknown as Validator;
    cache.set(schema, v);
  }
  return v;
}

export function errorsText(v: Validator): string {
  return instance().errorsText(v.errors as never);
}
