import { isObject } from '../model/object';
import type { Path } from '../model/path';
import type { UnitIgnore } from '../model/unit';
import type { Normalised } from './normalise';

/** A resource's Properties, or an empty mapping when they are missing or not a mapping. */
export function resourceProperties(resource: Record<string, unknown>): Record<string, unknown> {
  return isObject(resource.Properties) ? resource.Properties : {};
}

/**
 * Map normalised paths of a CloudFormation resource's Properties back to the template. Without
 * Properties (or with Properties that is not a mapping) every finding is about a missing member: it is
 * placed on the Properties key, or on the resource when there is none.
 */
export function resourceSourceMap(resource: Record<string, unknown>, logicalId: string, n: Normalised): (p: Path) => string[] {
  const prefix = ['Resources', logicalId, 'Properties'];
  if (isObject(resource.Properties)) return (p) => [...prefix, ...n.toSource(p)];
  if (Object.hasOwn(resource, 'Properties')) return () => prefix;
  return () => ['Resources', logicalId];
}

/** `Metadata: { ecslint: { ignore: [rule-id, …] } }` on a CloudFormation resource, with where each id is written. */
export function metadataIgnores(resource: Record<string, unknown>, logicalId: string): UnitIgnore[] {
  const meta = isObject(resource.Metadata) ? resource.Metadata.ecslint : undefined;
  const ignore = isObject(meta) ? meta.ignore : undefined;
  if (!Array.isArray(ignore)) return [];
  const out: UnitIgnore[] = [];
  ignore.forEach((id, i) => {
    if (typeof id === 'string') out.push({ ruleId: id, path: ['Resources', logicalId, 'Metadata', 'ecslint', 'ignore', String(i)] });
  });
  return out;
}
