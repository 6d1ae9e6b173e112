import type { FunctionResult, RuleFunction } from './types';
import { allowsUnconditionally, awsManagedPolicy, managedPolicyArns, serviceOf, statements, strings, useOf } from './iam-policy';

interface Options {
  /** Which use of the role is checked. */
  role: 'task' | 'execution';
  /** Services whose every action, or any action on every resource, is reported (lower-case prefixes: s3, kms, …). */
  services: string[];
  /** AWS managed policies that grant as much, with what they grant in words. */
  managedPolicies: Record<string, string>;
}

/**
 * For an IAM role (or a policy attached to one) used by a task definition: reports each unconditional Allow of every
 * action (`*`), of every action of a listed service (`s3:*`), or of a listed service's actions on every resource
 * (`Resource: "*"`), and each listed AWS managed policy. Values that cannot be known statically are skipped.
 */
const LISTING = /^[^:]+:(List|Describe)/i;

function listed(actions: string[]): string {
  if (actions.length <= 3) return actions.join(', ');
  return `${actions.slice(0, 3).join(', ')} and ${actions.length - 3} more`;
}

const roleWildcardGrants: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['role', 'services', 'managedPolicies'],
    properties: {
      role: { enum: ['task', 'execution'] },
      services: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' } },
      managedPolicies: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    },
  },
  check(_value, { role, services, managedPolicies }, ctx) {
    const use = useOf(ctx.unit, role);
    if (!use) return [];
    const out: FunctionResult[] = [];
    for (const st of statements(ctx.document)) {
      if (!allowsUnconditionally(st.statement)) continue;
      const everyResource = strings(st, 'Resource').find((r) => r.value === '*');
      const onEveryResource: string[] = [];
      for (const action of strings(st, 'Action')) {
        const service = serviceOf(action.value);
        const sensitive = service !== undefined && services.includes(service);
        if (action.value === '*') out.push({ path: action.path, data: { ...use, grant: 'every action ("*")' } });
        else if (sensitive && action.value.slice(service.length + 1) === '*') out.push({ path: action.path, data: { ...use, grant: `every ${service} action (${JSON.stringify(action.value)})` } });
        // List and Describe actions mostly accept only "*" as their resource; they read names, not data.
        else if (sensitive && everyResource && !LISTING.test(action.value)) onEveryResource.push(JSON.stringify(action.value));
      }
      // One finding per statement, on its "*": the actions it opens to every resource.
      if (everyResource && onEveryResource.length > 0) out.push({ path: everyResource.path, data: { ...use, grant: `${listed(onEveryResource)} on every resource ("*")` } });
    }
    for (const arn of managedPolicyArns(ctx.document)) {
      const name = awsManagedPolicy(arn.value);
      if (name !== undefined && Object.hasOwn(managedPolicies, name)) out.push({ path: arn.path, data: { ...use, grant: `${managedPolicies[name]} (AWS managed policy ${name})` } });
    }
    return out;
  },
};
export default roleWildcardGrants;
