/**
 * A value whose content cannot be known statically: a CloudFormation intrinsic function
 * (`!Ref Mode`, `{"Fn::If": …}`) or a template placeholder (`"${image}"`).
 *
 * It has no enumerable properties, so JSONPath wildcards select nothing inside it and schema
 * checks see an empty object; the engine drops every finding whose path reaches one.
 */
export class Unknown {
  readonly #label: string;
  readonly #mayBeAbsent: boolean;
  constructor(label: string, mayBeAbsent = false) {
    this.#label = label;
    this.#mayBeAbsent = mayBeAbsent;
  }
  get label(): string {
    return this.#label;
  }
  /**
   * True when the value may resolve to no value at all (`!Ref AWS::NoValue`, or an `!If` with such
   * a branch): CloudFormation then drops the member or list item that holds it.
   */
  get mayBeAbsent(): boolean {
    return this.#mayBeAbsent;
  }
  toJSON(): string {
    return this.#label;
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/**
 * Placeholders that a tool fills in before the task definition reaches AWS: `${NAME}` (Terraform
 * templatefile(), envsubst) and `{{ … }}` (Go templates as in ecspresso, Jinja, Mustache; Docker's
 * log tag templates too, which are filled in at run time). Found by scanning, not by a regular
 * expression: `/\{\{[^}]*\}\}/` backtracks quadratically on a long run of `{{`.
 */
export function isPlaceholderString(value: string): boolean {
  return hasDollarBrace(value) || hasDoubleBraces(value) || (value.startsWith('<') && WHOLE_PLACEHOLDER.test(value));
}

/** `${` with a `}` somewhere after it. */
function hasDollarBrace(value: string): boolean {
  const open = value.indexOf('${');
  return open !== -1 && value.lastIndexOf('}') > open + 1;
}

/** `{{`, then anything but `}`, then `}}`. Linear: each `}` is looked for at most once. */
export function hasDoubleBraces(value: string): boolean {
  let from = 0;
  for (;;) {
    const open = value.indexOf('{{', from);
    if (open === -1) return false;
    const close = value.indexOf('}', open + 2);
    if (close === -1) return false;
    if (value.charCodeAt(close + 1) === 0x7d) return true;
    // Every `{{` before this `}` meets the same lone `}` first: look on after it.
    from = close + 1;
  }
}

/** A whole value `<IMAGE1_NAME>`: CodePipeline's Amazon ECS blue/green action puts the image there. */
const WHOLE_PLACEHOLDER = /^<[A-Z][A-Z0-9_]*>$/;
