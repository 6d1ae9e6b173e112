import * as path from 'path';
import { GENERATED } from '../../files/generated';

/**
 * The AWS provider reads `container_definitions` with Go's encoding/json into the SDK's ContainerDefinition
 * types (terraform-provider-aws internal/service/ecs/container_definitions.go, expandContainerDefinitions,
 * and internal/json/decode.go: a json.Decoder without DisallowUnknownFields). Go matches a JSON key to a
 * field without regard to case, so `"Image"` sets the image, and it ignores a key that names no field. This
 * module gives the API member a key sets, from the RegisterTaskDefinition model's member names
 * (dist/generated/aws-schema-tables.json, made from schemas/generated at build).
 */

type Tables = { taskDefinitionApi: { properties: Record<string, string[]> } };

let byPattern: Map<string, Map<string, string>> | undefined;

function lowerCaseIndex(): Map<string, Map<string, string>> {
  if (byPattern) return byPattern;
  const tables = require(path.join(GENERATED, 'aws-schema-tables.json')) as Tables;
  byPattern = new Map();
  for (const [pattern, names] of Object.entries(tables.taskDefinitionApi.properties)) {
    byPattern.set(pattern, new Map(names.map((n) => [n.toLowerCase(), n])));
  }
  return byPattern;
}

/**
 * The API member that `key` sets in an object at `pattern` (`/containerDefinitions/*`, `/containerDefinitions/*\/logConfiguration`):
 * the key itself when it is an exact member name or the object is not one the model describes (a map of
 * the user's own keys), the member it matches without regard to case, or the key itself when it names no
 * member (the provider drops it).
 */
export function containerMemberName(pattern: string, key: string): string {
  const names = lowerCaseIndex().get(pattern);
  if (!names) return key;
  return names.get(key.toLowerCase()) ?? key;
}

/** Whether objects at `pattern` have members the model names (as opposed to the user's own keys). */
export function describedPattern(pattern: string): boolean {
  return lowerCaseIndex().has(pattern);
}
