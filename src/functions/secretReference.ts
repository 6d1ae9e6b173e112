import type { RuleFunction } from './types';

type Kind = 'secretsmanager-arn' | 'secretsmanager-name' | 'ssm-parameter-arn' | 'ssm-parameter-name';

interface Options {
  /** The reference forms the field accepts. */
  accept: Kind[];
  /**
   * Whether a Secrets Manager ARN may carry the `:json-key:version-stage:version-id` suffix that
   * ECS resolves for container secrets (not for repository credentials).
   */
  versionSuffix?: boolean;
}

// arn:partition:service:region:account:resource (the resource may itself contain ':').
const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
// Secrets Manager secret names: letters, digits and /_+=.@- (an ARN adds a 6-character suffix).
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
// SSM parameter names: letters, digits and _.- with / for hierarchies, optionally :version or :label.
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]+(?::[A-Za-z0-9_.-]+)?$/;

const DESCRIPTION: Record<Kind, string> = {
  'secretsmanager-arn': 'a Secrets Manager secret ARN',
  'secretsmanager-name': 'a Secrets Manager secret name',
  'ssm-parameter-arn': 'an SSM parameter ARN',
  'ssm-parameter-name': 'an SSM parameter name',
};

function listed(kinds: Kind[]): string {
  const words = kinds.map((k) => DESCRIPTION[k]);
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Why a Secrets Manager ARN's resource (`secret:…`) is unusable, or undefined when it is fine. */
function secretResourceProblem(resource: string, versionSuffix: boolean): string | undefined {
  if (!resource.startsWith('secret:')) return 'does not name a secret (the resource must be "secret:<name>")';
  const parts = resource.slice('secret:'.length).split(':');
  if (!SECRET_NAME.test(parts[0])) return 'has an invalid secret name';
  if (parts.length === 1) return undefined;
  if (!versionSuffix) return 'has a suffix after the secret name, which only container secrets allow';
  if (parts.length > 4) return 'has more than the json-key:version-stage:version-id suffix';
  if (parts.length === 4 && parts[2] !== '' && parts[3] !== '') return 'sets both a version stage and a version id; use only one';
  return undefined;
}

/** Why an SSM parameter ARN's resource (`parameter/…`) is unusable, or undefined when it is fine. */
function parameterResourceProblem(resource: string): string | undefined {
  if (!resource.startsWith('parameter/')) return 'does not name a parameter (the resource must be "parameter/<name>")';
  return PARAMETER_NAME.test(resource.slice('parameter/'.length)) ? undefined : 'has an invalid parameter name';
}

/**
 * Checks a reference to a secret: a Secrets Manager ARN (with the ECS json-key/version suffix when
 * allowed) or name, an SSM parameter ARN or a (same-Region) parameter name, as `accept` allows.
 * Values holding a template marker are skipped: the tool that renders them supplies the value.
 */
const secretReference: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['accept'],
    properties: {
      accept: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: Object.keys(DESCRIPTION) } },
      versionSuffix: { type: 'boolean' },
    },
  },
  check(value, { accept, versionSuffix = false }) {
    if (typeof value !== 'string') return [];
    const expected = listed(accept);
    const fail = (problem: string) => [{ data: { problem } }];
    const arn = ARN.exec(value);
    if (arn) {
      const [, partition, service, region, account, resource] = arn;
      const kind: Kind | undefined = service === 'secretsmanager' ? 'secretsmanager-arn' : service === 'ssm' ? 'ssm-parameter-arn' : undefined;
      if (kind === undefined || !accept.includes(kind)) return fail(`is ${kind ? DESCRIPTION[kind] : `an ARN of "${service}"`}, not ${expected}`);
      if (!PARTITION.test(partition)) return fail(`has an invalid partition "${partition}"`);
      if (!REGION.test(region)) return fail(`has an invalid Region "${region}"`);
      if (!ACCOUNT.test(account)) return fail(`has an invalid account ID "${account}" (12 digits)`);
      const problem = kind === 'secretsmanager-arn' ? secretResourceProblem(resource, versionSuffix) : parameterResourceProblem(resource);
      return problem ? fail(problem) : [];
    }
    if (value.startsWith('arn:')) return fail(`is not a well-formed ARN`);
    if (accept.includes('ssm-parameter-name') && PARAMETER_NAME.test(value)) return [];
    if (accept.includes('secretsmanager-name') && SECRET_NAME.test(value)) return [];
    return fail(`is not ${expected}`);
  },
};
export default secretReference;
