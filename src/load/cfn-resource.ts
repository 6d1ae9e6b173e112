import type { Normalised, Segment } from './normalise';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A resource's Properties, or an empty mapping when they are missing or not a mapping. */
export function resourceProperties(resource: Record<string, unknown>): Record<string, unknown> {
  return isObject(resource.Properties) ? resource.Properties : {};
}

/**
 * Map normalised paths of a CloudFormation resource's Properties back to the template. Without
 * Properties (or with Properties that is not a mapping) every finding is about a missing member: it is
 * placed on the Properties key, or on the resource when there is none.
 */
export function resourceSourceMap(resource: Record<string, unknown>, logicalId: string, n: Normalised): (p: readonly Segment[]) => string[] {
  const prefix = ['Resources', logicalId, 'Properties'];
  if (isObject(resource.Properties)) return (p) => [...prefix, ...n.toSource(p)];
  if (Object.hasOwn(resource, 'Properties')) return () => prefix;
  return () => ['Resources', logicalId];
}
