import type { FunctionResult, RuleFunction } from './types';
import { allowsUnconditionally, awsManagedPolicy, covers, managedPolicyArns, statements, strings, useOf } from './iam-policy';

interface Options {
  role: 'task' | 'execution';
  /** AWS managed policies that allow reading every secret. */
  managedPolicies: string[];
}

/** A Resource that names every secret: `*`, or a Secrets Manager ARN whose secret name is `*`. */
const EVERY_SECRET = /^(\*|arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:\*)$/;

/**
 * For an IAM role (or a policy attached to one) used by a task definition: reports an unconditional Allow of
 * secretsmanager:GetSecretValue (written as itself or through a wildcard) on every secret, and a listed AWS managed
 * policy that allows as much.
 */
const roleReadsAllSecrets: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['role', 'managedPolicies'],
    properties: { role: { enum: ['task', 'execution'] }, managedPolicies: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
  check(_value, { role, managedPolicies }, ctx) {
    const use = useOf(ctx.unit, role);
    if (!use) return [];
    const out: FunctionResult[] = [];
    for (const st of statements(ctx.document)) {
      if (!allowsUnconditionally(st.statement)) continue;
      const every = strings(st, 'Resource').find((r) => EVERY_SECRET.test(r.value));
      if (!every) continue;
      const action = strings(st, 'Action').find((a) => covers(a.value, 'secretsmanager:GetSecretValue'));
      if (action) out.push({ path: every.path, data: { ...use, action: action.value, resource: every.value } });
    }
    for (const arn of managedPolicyArns(ctx.document)) {
      const name = awsManagedPolicy(arn.value);
      if (name !== undefined && managedPolicies.includes(name)) out.push({ path: arn.path, data: { ...use, action: `the AWS managed policy ${name}`, resource: '*' } });
    }
    return out;
  },
};
export default roleReadsAllSecrets;
