import type { Validator } from './registry';
import { ajvRegExp, regexFormat } from '../regexp/user-regexp';

/** An ajv for schemas from users: their patterns run on RE2, and `format: "regex"` is checked the same way. */
export function userSchemaAjv(Ajv: typeof import('ajv').default): import('ajv').default {
  const instance = new Ajv({ allErrors: false, strict: false, code: { regExp: ajvRegExp } });
  instance.addFormat('regex', regexFormat);
  return instance;
}

/**
 * Validators for what only the run can know: a team's own rule schemas and rule options from a
 * configuration file. ajv is loaded only when one of those exists; built-in checks are compiled at build.
 * Their patterns are user data: they run on the linear-time engine of user-regexp.ts.
 */
let ajv: import('ajv').default | undefined;
const cache = new WeakMap<object, Validator>();

function instance(): import('ajv').default {
  if (!ajv) {
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    ajv = userSchemaAjv(Ajv);
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
