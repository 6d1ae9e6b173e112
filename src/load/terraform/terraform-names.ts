import { RESOURCE_NAMES, type BlockNames } from './names';

/**
 * The Terraform spelling of API members, for text that speaks to people who write Terraform
 * (`ecslint explain`): `networkMode` is `network_mode`, `volumes[*].host.sourcePath` is `volume.host_path`.
 * Container members keep their API names in Terraform (container_definitions is the API's JSON).
 */
export function terraformName(resourceType: 'aws_ecs_task_definition' | 'aws_ecs_service', apiPath: readonly string[]): string | undefined {
  let table: BlockNames | undefined = RESOURCE_NAMES[resourceType];
  const out: string[] = [];
  let i = 0;
  while (i < apiPath.length && table) {
    let found: { key: string; length: number; block?: BlockNames } | undefined;
    for (const [key, spec] of Object.entries(table)) {
      if (!spec.api) continue;
      const parts = spec.api.split('.');
      // The longest API path the argument covers that the member's path starts with.
      if (parts.every((p, j) => apiPath[i + j] === p) && (!found || parts.length > found.length)) found = { key, length: parts.length, block: spec.block };
    }
    if (!found) return undefined;
    out.push(found.key);
    i += found.length;
    table = found.block;
  }
  return i === apiPath.length ? out.join('.') : undefined;
}

/** The API member paths a JSONPath selector names before it reaches a container (`$.volumes[*].host.sourcePath` -> volumes.host.sourcePath). */
export function selectorMembers(selector: string): string[] | undefined {
  if (selector === '$') return [];
  const m = /^\$((?:\.[A-Za-z][A-Za-z0-9]*(?:\[\*\])?)+)/.exec(selector);
  if (!m) return undefined;
  const members = m[1]
    .split('.')
    .filter((s) => s !== '')
    .map((s) => s.replace(/\[\*\]$/, ''));
  return members[0] === 'containerDefinitions' ? undefined : members;
}
