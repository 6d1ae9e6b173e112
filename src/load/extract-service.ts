import { isObject } from '../model/object';
import type { ServiceForm, TaskDefinitionRef } from '../model/unit';
import { metadataIgnores, resourceProperties, resourceSourceMap } from './cfn-resource';
import { cfnUnit, type CfnTemplate } from './cfn-units';
import { normalise } from './normalise';
import type { UnitSpec } from './unit-spec';

/**
 * Services and one-off tasks: what `aws ecs create-service`, `update-service` and `run-task` take as
 * `--cli-input-json`, a `describe-services` output, and CloudFormation `AWS::ECS::Service` resources.
 * All of them become units of kind `service`, normalised to the API's camelCase members; `form` tells
 * them apart (a run-task input has no serviceName, desiredCount, loadBalancers or scheduling strategy, so
 * the rules on those members stay silent for it without a special case).
 */

/** Members only a RunTask input has, or that a RunTask input shares with services but a task definition never has. */
const RUN_TASK_MEMBERS = ['cluster', 'count', 'launchType', 'capacityProviderStrategy', 'placementStrategy', 'networkConfiguration', 'overrides', 'group', 'startedBy'];
/** Members of an UpdateService input besides `service`. */
const UPDATE_SERVICE_MEMBERS = [
  'taskDefinition',
  'desiredCount',
  'forceNewDeployment',
  'capacityProviderStrategy',
  'deploymentConfiguration',
  'networkConfiguration',
  'placementStrategy',
  'placementConstraints',
  'platformVersion',
  'loadBalancers',
];

/**
 * A service or run-task input in the API form, or undefined when the document is not one. The
 * `taskDefinition` of these inputs is a name or ARN (a string): an object there is a
 * describe-task-definition output, which is not ours.
 */
export function extractServiceInput(root: Record<string, unknown>): UnitSpec[] | undefined {
  if (Array.isArray(root.services) && root.services.length > 0 && root.services.every((s) => isObject(s) && 'serviceName' in s)) {
    return root.services.map((s, i) => apiService(s as Record<string, unknown>, 'describe', ['services', String(i)]));
  }
  if (isObject(root.taskDefinition) || 'containerDefinitions' in root || 'family' in root) return undefined;
  const has = (names: string[]) => names.some((n) => n in root);
  if (
    typeof root.serviceName === 'string' &&
    has(['taskDefinition', 'desiredCount', 'cluster', 'launchType', 'capacityProviderStrategy', 'loadBalancers', 'schedulingStrategy', 'deploymentController'])
  ) {
    return [apiService(root, 'create-service', [])];
  }
  if (typeof root.service === 'string' && has(UPDATE_SERVICE_MEMBERS)) return [apiService(root, 'update-service', [])];
  if (typeof root.taskDefinition === 'string' && has(RUN_TASK_MEMBERS)) return [apiService(root, 'run-task', [])];
  return undefined;
}

function apiService(source: Record<string, unknown>, form: ServiceForm, prefix: string[]): UnitSpec {
  const n = normalise(source, 'api');
  const fallback = form === 'run-task' ? '(run-task input)' : '(service)';
  const name = typeof source.serviceName === 'string' ? source.serviceName : typeof source.service === 'string' ? source.service : fallback;
  const ref = parseTaskDefinitionName(source.taskDefinition);
  return { kind: 'service', form, dialect: 'api', name, view: n.value, toWritten: (p) => [...prefix, ...n.toSource(p)], ...(ref ? { taskDefinitionRef: ref } : {}) };
}

/** Every `AWS::ECS::Service` resource of a template. */
export function cloudFormationServices(template: CfnTemplate): UnitSpec[] {
  const units: UnitSpec[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::ECS::Service') continue;
    // Read from the template as written: normalisation turns the intrinsic into an Unknown.
    const ref = cloudFormationTaskDefinitionRef(resourceProperties(resource).TaskDefinition, template.resources);
    const linked = ref && 'resource' in ref ? template.resources[ref.resource] : undefined;
    units.push(
      cfnUnit(
        template,
        resource,
        (n) => ({
          kind: 'service',
          form: 'cloudformation',
          dialect: 'cloudformation',
          name: logicalId,
          view: n.value,
          toWritten: resourceSourceMap(resource, logicalId, n),
          ignores: metadataIgnores(resource, logicalId),
          ...(ref ? { taskDefinitionRef: ref } : {}),
        }),
        isObject(linked) ? linked : undefined,
      ),
    );
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
  return isObject(target) && target.Type === 'AWS::ECS::TaskDefinition' ? { resource: logicalId } : undefined;
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
