import { isObject, setMember } from '../model/object';
import type { ClusterForm } from '../model/unit';
import { metadataIgnores, resourceSourceMap } from './cfn-resource';
import { cfnUnit, type CfnTemplate } from './cfn-units';
import { normalise } from './normalise';
import type { UnitSpec } from './unit-spec';

/**
 * Clusters and capacity providers: what `aws ecs create-cluster`, `update-cluster-settings` and
 * `create-capacity-provider` take as `--cli-input-json`, and CloudFormation `AWS::ECS::Cluster` and
 * `AWS::ECS::CapacityProvider` resources, normalised to the API's camelCase members.
 */

/** A cluster or capacity provider input in the API form, or undefined when the document is not one. */
export function extractClusterInput(root: Record<string, unknown>): UnitSpec[] | undefined {
  if ('taskDefinition' in root || 'containerDefinitions' in root || 'family' in root) return undefined;
  // managedInstancesProvider is the other provider kind of CreateCapacityProvider (ECS API model).
  if (typeof root.name === 'string' && ('autoScalingGroupProvider' in root || 'managedInstancesProvider' in root)) {
    const n = normalise(root, 'api');
    return [{ kind: 'capacity-provider', form: 'create-capacity-provider', dialect: 'api', name: root.name, view: n.value, toWritten: n.toSource }];
  }
  if (!('settings' in root)) return undefined;
  const form: ClusterForm | undefined = 'clusterName' in root ? 'create-cluster' : 'cluster' in root ? 'update-cluster-settings' : undefined;
  if (!form) return undefined;
  const n = normalise(root, 'api');
  const written = form === 'create-cluster' ? root.clusterName : root.cluster;
  return [{ kind: 'cluster', form, dialect: 'api', name: typeof written === 'string' && written !== '' ? written : '(cluster)', view: n.value, toWritten: n.toSource }];
}

/** Every `AWS::ECS::Cluster` and `AWS::ECS::CapacityProvider` resource of a template. */
export function cloudFormationClusters(template: CfnTemplate): UnitSpec[] {
  const units: UnitSpec[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::ECS::CapacityProvider') {
      units.push(
        cfnUnit(template, resource, (n) => ({
          kind: 'capacity-provider',
          form: 'cloudformation',
          dialect: 'cloudformation',
          name: logicalId,
          view: n.value,
          toWritten: resourceSourceMap(resource, logicalId, n),
          ignores: metadataIgnores(resource, logicalId),
        })),
      );
    } else if (resource.Type === 'AWS::ECS::Cluster') {
      units.push(
        cfnUnit(template, resource, (n) => {
          const toSource = resourceSourceMap(resource, logicalId, n);
          return {
            kind: 'cluster',
            form: 'cloudformation',
            dialect: 'cloudformation',
            name: logicalId,
            view: renameMember(n.value, 'clusterSettings', 'settings'),
            // CloudFormation calls the API's `settings` ClusterSettings; the normalised map knows it as clusterSettings.
            toWritten: (p) => toSource(p[0] === 'settings' ? ['clusterSettings', ...p.slice(1)] : p),
            ignores: metadataIgnores(resource, logicalId),
          };
        }),
      );
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
