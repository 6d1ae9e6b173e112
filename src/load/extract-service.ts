import { resourceProperties, resourceSourceMap } from './cfn-resource';
import { normalise, Segment } from './normalise';

/**
 * Services and one-off tasks: what `aws ecs create-service`, `update-service` and `run-task` take as
 * `--cli-input-json`, a `describe-services` output, and CloudFormation `AWS::ECS::Service` resources.
 * All of them become units of kind `service`, normalised to the API's camelCase members; `form` tells
 * them apart (a run-task input has no serviceName, desiredCount, loadBalancers or scheduling strategy, so
 * the rules on those members stay silent for it without a special case).
 */
export type ServiceForm = 'create-service' | 'update-service' | 'run-task' | 'describe' | 'cloudformation';

/** How a service names the task definition it runs, as far as it can be read without AWS. */
export type TaskDefinitionRef =
  /** A CloudFormation `!Ref X` or `!GetAtt X.TaskDefinitionArn` of a resource in the same template. */
  | { logicalId: string }
  /** `family`, `family:3`, or an ARN ending in `task-definition/family:3`. */
  | { family: string; revision?: number };

export interface ServiceUnit {
  kind: 'service';
  form: ServiceForm;
  /** Service name, CloudFormation logical id, or a description of the input. */
  name: string;
  /** The service (or run-task input) in API camelCase; unknowable values are `Unknown`. */
  document: Record<string, unknown>;
  toSource(path: readonly Segment[]): string[];
  ignoredRules: string[];
  /** The task definition it runs, when the reference can be read; undefined for parameters and imports. */
  taskDefinitionRef?: TaskDefinitionRef;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Members only a RunTask input has, or that a RunTask input shares with services but a task definition never has. */
const RUN_TASK_MEMBERS = ['cluster', 'count', 'launchType', 'capacityProviderStrategy', 'placementStrategy', 'networkConfiguration', 'overrides', 'group', 'startedBy'];
/** Members of an UpdateService input besides `service`. */
const UPDATE_SERVICE_MEMBERS = ['taskDefinition', 'desiredCount', 'forceNewDeployment', 'capacityProviderStrategy', 'deploymentConfiguration', 'networkConfiguration', 'placementStrategy', 'placementConstraints', 'platformVersion', 'loadBalancers'];

/**
 * A service or run-task input in the API form, or undefined when the document is not one. The
 * `taskDefinition` of these inputs is a name or ARN (a string): an object there is a
 * describe-task-definition output, which is not ours.
 */
export function extractServiceInput(root: Record<string, unknown>): ServiceUnit[] | undefined {
  if (Array.isArray(root.services) && root.services.length > 0 && root.services.every((s) => isObject(s) && 'serviceName' in s)) {
    return root.services.map((s, i) => apiUnit(s as Record<string, unknown>, 'describe', ['services', String(i)]));
  }
  if (isObject(root.taskDefinition) || 'containerDefinitions' in root || 'family' in root) return undefined;
  const has = (names: string[]) => names.some((n) => n in root);
  if (typeof root.serviceName === 'string' && (has(['taskDefinition', 'desiredCount', 'cluster', 'launchType', 'capacityProviderStrategy', 'loadBalancers', 'schedulingStrategy', 'deploymentController']))) {
    return [apiUnit(root, 'create-service', [])];
  }
  if (typeof root.service === 'string' && has(UPDATE_SERVICE_MEMBERS)) return [apiUnit(root, 'update-service', [])];
  if (typeof root.taskDefinition === 'string' && has(RUN_TASK_MEMBERS)) return [apiUnit(root, 'run-task', [])];
  return undefined;
}

function apiUnit(source: Record<string, unknown>, form: ServiceForm, prefix: string[]): ServiceUnit {
  const n = normalise(source, 'api');
  const fallback = form === 'run-task' ? '(run-task input)' : '(service)';
  const name = typeof n.value.serviceName === 'string' ? n.value.serviceName : typeof n.value.service === 'string' ? n.value.service : fallback;
  return { kind: 'service', form, name, document: n.value, toSource: (p) => [...prefix, ...n.toSource(p)], ignoredRules: [], taskDefinitionRef: parseTaskDefinitionName(source.taskDefinition) };
}

/** Every `AWS::ECS::Service` resource of a template. */
export function cloudFormationServices(resources: Record<string, unknown>, ignores: (resource: Record<string, unknown>) => string[]): ServiceUnit[] {
  const units: ServiceUnit[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::ECS::Service') continue;
    const properties = resourceProperties(resource);
    const n = normalise(properties, 'cloudformation');
    units.push({
      kind: 'service',
      form: 'cloudformation',
      name: logicalId,
      document: n.value,
      toSource: resourceSourceMap(resource, logicalId, n),
      ignoredRules: ignores(resource),
      // Read from the template as written: normalisation turns the intrinsic into an Unknown.
      taskDefinitionRef: cloudFormationTaskDefinitionRef(properties.TaskDefinition, resources),
    });
  }
  return units;
}

function cloudFormationTaskDefinitionRef(value: unknown, resources: Record<string, unknown>): TaskDefinitionRef | undefined {
  if (typeof value === 'string') return parseTaskDefinitionName(value);
  if (!isObject(value)) return undefined;
  let logicalId: unknown;
  if (typeof value.Ref === 'string') logicalId = value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (typeof getAtt === 'string') logicalId = getAtt.split('.')[0];
  if (Array.isArray(getAtt)) logicalId = getAtt[0];
  if (typeof logicalId !== 'string') return undefined;
  const target = resources[logicalId];
  return isObject(target) && target.Type === 'AWS::ECS::TaskDefinition' ? { logicalId } : undefined;
}

const TASK_DEFINITION_ARN = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/([A-Za-z0-9_-]+)(?::(\d+))?$/;
const FAMILY_REVISION = /^([A-Za-z0-9_-]+)(?::(\d+))?$/;

/** `family`, `family:3`, or a task definition ARN; anything else (placeholders, other ARNs) is unresolvable. */
export function parseTaskDefinitionName(value: unknown): TaskDefinitionRef | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TASK_DEFINITION_ARN.exec(value) ?? FAMILY_REVISION.exec(value);
  if (!m) return undefined;
  return m[2] !== undefined ? { family: m[1], revision: Number(m[2]) } : { family: m[1] };
}
