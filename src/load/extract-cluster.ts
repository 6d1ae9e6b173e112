import { resourceProperties, resourceSourceMap } from './cfn-resource';
import { normalise, Segment } from './normalise';
import { setMember } from './parsed';

/**
 * Clusters and capacity providers: what `aws ecs create-cluster`, `update-cluster-settings` and
 * `create-capacity-provider` take as `--cli-input-json`, and CloudFormation `AWS::ECS::Cluster` and
 * `AWS::ECS::CapacityProvider` resources, normalised to the API's camelCase members.
 */
export type ClusterForm = 'create-cluster' | 'update-cluster-settings' | 'cloudformation';
export type CapacityProviderForm = 'create-capacity-provider' | 'cloudformation';

interface ResourceUnit {
  /** Cluster or capacity provider name, CloudFormation logical id, or a description of the input. */
  name: string;
  /** The input in API camelCase; unknowable values are `Unknown`. */
  document: Record<string, unknown>;
  toSource(path: readonly Segment[]): string[];
  ignoredRules: string[];
}

export interface ClusterUnit extends ResourceUnit {
  kind: 'cluster';
  form: ClusterForm;
}

export interface CapacityProviderUnit extends ResourceUnit {
  kind: 'capacity-provider';
  form: CapacityProviderForm;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A cluster or capacity provider input in the API form, or undefined when the document is not one. */
export function extractClusterInput(root: Record<string, unknown>): (ClusterUnit | CapacityProviderUnit)[] | undefined {
  if ('taskDefinition' in root || 'containerDefinitions' in root || 'family' in root) return undefined;
  // managedInstancesProvider is the other provider kind of CreateCapacityProvider (ECS API model).
  if (typeof root.name === 'string' && ('autoScalingGroupProvider' in root || 'managedInstancesProvider' in root)) {
    const n = normalise(root, 'api');
    return [{ kind: 'capacity-provider', form: 'create-capacity-provider', name: root.name, document: n.value, toSource: n.toSource, ignoredRules: [] }];
  }
  if (!('settings' in root)) return undefined;
  const form: ClusterForm | undefined = 'clusterName' in root ? 'create-cluster' : 'cluster' in root ? 'update-cluster-settings' : undefined;
  if (!form) return undefined;
  const n = normalise(root, 'api');
  const written = form === 'create-cluster' ? root.clusterName : root.cluster;
  return [{ kind: 'cluster', form, name: typeof written === 'string' && written !== '' ? written : '(cluster)', document: n.value, toSource: n.toSource, ignoredRules: [] }];
}

/** Every `AWS::ECS::Cluster` and `AWS::ECS::CapacityProvider` resource of a template. */
export function cloudFormationClusters(resources: Record<string, unknown>, ignores: (resource: Record<string, unknown>) => string[]): (ClusterUnit | CapacityProviderUnit)[] {
  const units: (ClusterUnit | CapacityProviderUnit)[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::ECS::CapacityProvider') {
      const n = normalise(resourceProperties(resource), 'cloudformation');
      units.push({ kind: 'capacity-provider', form: 'cloudformation', name: logicalId, document: n.value, toSource: resourceSourceMap(resource, logicalId, n), ignoredRules: ignores(resource) });
    } else if (resource.Type === 'AWS::ECS::Cluster') {
      const n = normalise(resourceProperties(resource), 'cloudformation');
      const toSource = resourceSourceMap(resource, logicalId, n);
      units.push({
        kind: 'cluster',
        form: 'cloudformation',
        name: logicalId,
        document: renameMember(n.value, 'clusterSettings', 'settings'),
        // CloudFormation calls the API's `settings` ClusterSettings; the normalised map knows it as clusterSettings.
        toSource: (p) => toSource(p[0] === 'settings' ? ['clusterSettings', ...p.slice(1)] : p),
        ignoredRules: ignores(resource),
      });
    }
  }
  return units;
}

/** A copy of `value` with member `from` renamed `to`, in the same place among the members. */
function renameMember(value: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (!Object.hasOwn(value, from) || Object.hasOwn(value, to)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setMember(out, k === from ? to : k, v);
  return out;
}
