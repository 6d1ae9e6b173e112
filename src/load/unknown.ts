/**
 * A value whose content cannot be known statically: a CloudFormation intrinsic function
 * (`!Ref Mode`, `{"Fn::If": …}`) or a template placeholder (`"${image}"`).
 *
 * It has no enumerable properties, so JSONPath wildcards select nothing inside it and schema
 * checks see an empty object; the engine drops every finding whose path reaches one.
 */
export class Unknown {
  readonly #label: string;
  constructor(label: string) {
    this.#label = label;
  }
  get label(): string {
    return this.#label;
  }
  toJSON(): string {
    return this.#label;
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** Terraform templatefile() and envsubst placeholders. */
const PLACEHOLDER = /\$\{[^}]*\}/;

export function isPlaceholderString(value: string): boolean {
  return value.includes('${') && PLACEHOLDER.test(value);
}
