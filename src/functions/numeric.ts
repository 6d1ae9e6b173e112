/**
 * A number as a task definition may write it: a JSON number, or a string of digits (CloudFormation
 * accepts `"80"` where the API wants 80). Anything else is `undefined`: the type rules report it.
 */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
