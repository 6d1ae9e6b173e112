import { CapacityProviderUnit, cloudFormationClusters, ClusterUnit, extractClusterInput } from './extract-cluster';
import { cloudFormationServices, extractServiceInput, ServiceUnit } from './extract-service';
import { resourceProperties, resourceSourceMap } from './cfn-resource';
import { normalise, Segment } from './normalise';
import { Unknown } from './unknown';

/** The ways a task definition can be written down. */
export type TaskDefinitionForm = 'api' | 'describe' | 'cloudformation' | 'container-list';

/** One task definition found in a document, normalised to the API form. */
export interface TaskDefinitionUnit {
  kind: 'task-definition';
  form: TaskDefinitionForm;
  /** Family, CloudFormation logical id, or a description of the document. */
  name: string;
  /** The task definition in API camelCase; unknowable values are `Unknown`. */
  document: Record<string, unknown>;
  /** Map a path in `document` to a path from the document's root, as written. */
  toSource(path: readonly Segment[]): string[];
  /** Rule ids that the document itself says to ignore for this unit (CloudFormation Metadata). */
  ignoredRules: string[];
}

/**
 * What a document holds: task definitions, services or run-task inputs (src/load/extract-service.ts), and
 * clusters or capacity providers (src/load/extract-cluster.ts).
 */
export type Unit = TaskDefinitionUnit | ServiceUnit | ClusterUnit | CapacityProviderUnit;

export interface Extraction {
  units: Unit[];
  /** Set when the document is none of the understood forms. */
  unrecognised?: string;
}

/**
 * Task-level members a bare container list cannot know: Terraform sets them in HCL, beside the list.
 * They are marked unknown so that task-level rules stay silent.
 */
const TASK_LEVEL_MEMBERS = [
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'placementConstraints', 'cpu', 'memory',
  'tags', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'enableFaultInjection',
];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Members that only the ECS API's container definitions have; used to recognise a bare container. */
const CONTAINER_MEMBERS = ['image', 'portMappings', 'essential', 'environment', 'logConfiguration', 'command', 'entryPoint', 'secrets', 'mountPoints', 'memory', 'memoryReservation', 'cpu'];

function looksLikeContainer(v: unknown): boolean {
  if (!isObject(v)) return false;
  if ('family' in v || 'containerDefinitions' in v || 'Resources' in v) return false;
  return ('image' in v || 'name' in v) && CONTAINER_MEMBERS.some((m) => m in v);
}

export function extractTaskDefinitions(root: unknown): Extraction {
  if (Array.isArray(root)) {
    if (root.length > 0 && root.every(looksLikeContainer)) return { units: [containerUnit(root, false)] };
    return { units: [], unrecognised: 'a list that is not a list of container definitions' };
  }
  if (!isObject(root)) return { units: [], unrecognised: root === null ? 'an empty document' : `a ${typeof root}` };

  if (isObject(root.Resources)) {
    const resources = root.Resources;
    return { units: [...cloudFormation(resources), ...cloudFormationServices(resources, metadataIgnores), ...cloudFormationClusters(resources, metadataIgnores)], unrecognised: cfnUnrecognised(resources) };
  }

  const services = extractServiceInput(root);
  if (services) return { units: services };
  const clusters = extractClusterInput(root);
  if (clusters) return { units: clusters };

  if (isObject(root.taskDefinition) && !('serviceName' in root)) {
    const n = normalise(root.taskDefinition, 'api');
    return {
      units: [{ kind: 'task-definition', form: 'describe', name: nameOf(n.value.family, 'taskDefinition'), document: n.value, toSource: (p) => ['taskDefinition', ...n.toSource(p)], ignoredRules: [] }],
    };
  }

  if ('containerDefinitions' in root || ('family' in root && !('serviceName' in root))) {
    const n = normalise(root, 'api');
    return { units: [{ kind: 'task-definition', form: 'api', name: nameOf(n.value.family, '(no family)'), document: n.value, toSource: n.toSource, ignoredRules: [] }] };
  }

  if (looksLikeContainer(root)) return { units: [containerUnit([root], true)] };
  return { units: [], unrecognised: 'not a task definition, a describe-task-definition output, a service, run-task, cluster or capacity provider input, a CloudFormation template or a container list' };
}

function nameOf(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

const LINTED_RESOURCE_TYPES = new Set(['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ECS::Cluster', 'AWS::ECS::CapacityProvider']);

function cfnUnrecognised(resources: Record<string, unknown>): string | undefined {
  const hasEcs = Object.values(resources).some((r) => isObject(r) && typeof r.Type === 'string' && LINTED_RESOURCE_TYPES.has(r.Type));
  return hasEcs ? undefined : 'a CloudFormation template without an AWS::ECS::TaskDefinition, Service, Cluster or CapacityProvider resource';
}

function cloudFormation(resources: Record<string, unknown>): TaskDefinitionUnit[] {
  const units: TaskDefinitionUnit[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::ECS::TaskDefinition') continue;
    const n = normalise(resourceProperties(resource), 'cloudformation');
    const toSource = resourceSourceMap(resource, logicalId, n);
    units.push({ kind: 'task-definition', form: 'cloudformation', name: logicalId, document: n.value, toSource, ignoredRules: metadataIgnores(resource) });
  }
  return units;
}

/** `Metadata: { ecslint: { ignore: [rule-id, …] } }` on a CloudFormation resource. */
function metadataIgnores(resource: Record<string, unknown>): string[] {
  const meta = isObject(resource.Metadata) ? resource.Metadata.ecslint : undefined;
  const ignore = isObject(meta) ? meta.ignore : undefined;
  return Array.isArray(ignore) ? ignore.filter((x): x is string => typeof x === 'string') : [];
}

function withUnknownTaskLevel(containers: unknown[]): Record<string, unknown> {
  const td: Record<string, unknown> = {};
  for (const m of TASK_LEVEL_MEMBERS) td[m] = new Unknown('(set outside the container list)');
  td.containerDefinitions = containers;
  return td;
}

/** A container list (or one container) from a file of its own: its task-level members are unknown. */
function containerUnit(containers: unknown[], single: boolean): TaskDefinitionUnit {
  const n = normalise({ containerDefinitions: containers }, 'api');
  return {
    kind: 'task-definition',
    form: 'container-list',
    name: single ? '(container definition)' : '(container definitions)',
    document: withUnknownTaskLevel(n.value.containerDefinitions as unknown[]),
    // The file holds the list itself, or a single container: drop the wrapper (and the list index).
    toSource: (p) => (p[0] === 'containerDefinitions' ? n.toSource(p).slice(single ? 2 : 1) : []),
    ignoredRules: [],
  };
}
