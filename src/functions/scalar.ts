/**
 * A boolean as CloudFormation reads one: templates often quote booleans ("false"), and
 * CloudFormation converts them to the property's type before calling ECS. Anything else is
 * returned unchanged (the API form's type rules report a string where a boolean belongs).
 */
export function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}
