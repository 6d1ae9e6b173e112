import { isObject } from '../model/object';
import { Unknown } from '../model/unknown';
import { cloudFormationClusters, extractClusterInput } from './extract-cluster';
import { cloudFormationIamUnits } from './extract-iam';
import { cloudFormationServices, extractServiceInput } from './extract-service';
import { metadataIgnores, resourceSourceMap } from './cfn-resource';
import { cfnTemplate, cfnUnit, type CfnTemplate } from './cfn-units';
import { normalise } from './normalise';
import type { UnitSpec } from './unit-spec';

/** What a document holds: units, or, when it holds none, what it is instead (for the report). */
export interface Extraction {
  units: UnitSpec[];
  /** Set when the document is none of the understood forms. */
  unrecognised?: string;
}

/**
 * Task-level members a bare container list cannot know: Terraform sets them in HCL, beside the list.
 * They are marked unknown so that task-level rules stay silent.
 */
const TASK_LEVEL_MEMBERS = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'volumes',
  'placementConstraints',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'enableFaultInjection',
];

/** Members that only the ECS API's container definitions have; used to recognise a bare container. */
const CONTAINER_MEMBERS = ['image', 'portMappings', 'essential', 'environment', 'logConfiguration', 'command', 'entryPoint', 'secrets', 'mountPoints', 'memory', 'memoryReservation', 'cpu'];

function looksLikeContainer(v: unknown): boolean {
  if (!isObject(v)) return false;
  if ('family' in v || 'containerDefinitions' in v || 'Resources' in v) return false;
  return ('image' in v || 'name' in v) && CONTAINER_MEMBERS.some((m) => m in v);
}

/** The units of one parsed document, in the order they are written. */
export function extractUnits(root: unknown): Extraction {
  if (Array.isArray(root)) {
    if (root.length > 0 && root.every(looksLikeContainer)) return { units: [containerList(root, false)] };
    return { units: [], unrecognised: 'a list that is not a list of container definitions' };
  }
  if (!isObject(root)) return { units: [], unrecognised: root === null ? 'an empty document' : `a ${typeof root}` };

  if (isObject(root.Resources)) {
    const template = cfnTemplate(root);
    return {
      units: [...cloudFormationTaskDefinitions(template), ...cloudFormationServices(template), ...cloudFormationClusters(template), ...cloudFormationIamUnits(template)],
      unrecognised: cfnUnrecognised(template.resources),
    };
  }

  const services = extractServiceInput(root);
  if (services) return { units: services };
  const clusters = extractClusterInput(root);
  if (clusters) return { units: clusters };

  if (isObject(root.taskDefinition) && !('serviceName' in root)) {
    const n = normalise(root.taskDefinition, 'api');
    return {
      units: [{ kind: 'task-definition', form: 'describe', dialect: 'api', name: nameOf(n.value.family, 'taskDefinition'), view: n.value, toWritten: (p) => ['taskDefinition', ...n.toSource(p)] }],
    };
  }

  if ('containerDefinitions' in root || ('family' in root && !('serviceName' in root))) {
    const n = normalise(root, 'api');
    return { units: [{ kind: 'task-definition', form: 'api', dialect: 'api', name: nameOf(n.value.family, '(no family)'), view: n.value, toWritten: n.toSource }] };
  }

  if (looksLikeContainer(root)) return { units: [containerList([root], true)] };
  return {
    units: [],
    unrecognised: 'not a task definition, a describe-task-definition output, a service, run-task, cluster or capacity provider input, a CloudFormation template or a container list',
  };
}

/** A unit's name for reports: its family as written, a placeholder included. */
function nameOf(value: unknown, fallback: string): string {
  if (value instanceof Unknown) return value.label;
  return typeof value === 'string' && value !== '' ? value : fallback;
}

const LINTED_RESOURCE_TYPES = new Set(['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ECS::Cluster', 'AWS::ECS::CapacityProvider']);

function cfnUnrecognised(resources: Record<string, unknown>): string | undefined {
  const hasEcs = Object.values(resources).some((r) => isObject(r) && typeof r.Type === 'string' && LINTED_RESOURCE_TYPES.has(r.Type));
  return hasEcs ? undefined : 'a CloudFormation template without an AWS::ECS::TaskDefinition, Service, Cluster or CapacityProvider resource';
}

function cloudFormationTaskDefinitions(template: CfnTemplate): UnitSpec[] {
  const units: UnitSpec[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::ECS::TaskDefinition') continue;
    units.push(
      cfnUnit(template, resource, (n) => ({
        kind: 'task-definition',
        form: 'cloudformation',
        dialect: 'cloudformation',
        name: logicalId,
        view: n.value,
        toWritten: resourceSourceMap(resource, logicalId, n),
        ignores: metadataIgnores(resource, logicalId),
      })),
    );
  }
  return units;
}

/**
 * A container list (or one container) from a file of its own: its task-level members are unknown, and so,
 * for one container, are the task definition's other containers (a module's output, a template's part).
 */
function containerList(containers: unknown[], single: boolean): UnitSpec {
  const n = normalise({ containerDefinitions: containers }, 'api');
  const view: Record<string, unknown> = {};
  for (const m of TASK_LEVEL_MEMBERS) view[m] = new Unknown('(set outside the container list)');
  const listed = n.value.containerDefinitions as unknown[];
  view.containerDefinitions = single ? [...listed, new Unknown('(the other containers of the task definition)', true)] : listed;
  return {
    kind: 'task-definition',
    form: 'container-list',
    dialect: 'api',
    name: single ? '(container definition)' : '(container definitions)',
    view,
    // The file holds the list itself, or a single container: drop the wrapper (and the list index).
    toWritten: (p) => (p[0] === 'containerDefinitions' ? n.toSource(p).slice(single ? 2 : 1) : []),
  };
}
