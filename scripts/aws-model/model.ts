/**
 * The neutral form of AWS's ECS API model that the schema generator works on: shapes by name, each a
 * structure (members, required members), list, map or scalar (with its enum). Both the SDK reader
 * (sdk-model.ts) and the schema writers (scripts/gen-schemas.ts) speak it, so the writers do not depend
 * on how a package stores the model.
 */
export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';

export interface MemberRef {
  shape: string;
  deprecated?: boolean;
}

export interface ModelShape {
  type: ShapeType;
  members?: Record<string, MemberRef>;
  /** A union: exactly one member is set. */
  union?: boolean;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  required?: string[];
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  deprecated?: boolean;
  /**
   * For `number`: the model does not say whether the number is whole (the SDK has one numeric kind).
   * The generator narrows it to `integer` where CloudFormation types the same member as an integer.
   */
  numericKindUnknown?: boolean;
}

export interface Model {
  /** What the model was read from, for the generated files' comments. */
  source: string;
  shapes: Record<string, ModelShape>;
}

export function shapeOf(model: Model, name: string): ModelShape {
  const s = model.shapes[name];
  if (!s) throw new Error(`The model has no shape "${name}".`);
  return s;
}
