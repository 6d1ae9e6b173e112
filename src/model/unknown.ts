/**
 * A value whose content cannot be known statically: a CloudFormation intrinsic function
 * (`!Ref Mode`, `{"Fn::If": …}`), a Terraform expression (`var.image`), or a template placeholder
 * (`"${image}"`, `"%IMAGE%"`, `"<region>"`).
 *
 * It has no enumerable members, so selectors see nothing inside it and schema checks see an empty
 * object; the engine drops every finding whose path reaches one. That is how every rule, built in or a
 * team's own, stays silent on what it cannot know, without opting in.
 */
export class Unknown {
  readonly #label: string;
  readonly #mayBeAbsent: boolean;
  constructor(label: string, mayBeAbsent = false) {
    this.#label = label;
    this.#mayBeAbsent = mayBeAbsent;
  }
  /** The value as written (`!Ref Image`, `var.image`, `${IMAGE}`), for messages. */
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

/**
 * Placeholders that a tool fills in before the definition reaches AWS. Each is a whole token, so that an
 * ordinary value that merely contains a `$` or a `%` stays a value.
 * - `${NAME}`: Terraform's templatefile(), envsubst, CodeBuild, shell.
 * - `{{ name }}`: Go templates (ecspresso), Jinja, Mustache; Docker's log tag templates too, which are filled
 *   in at run time.
 * - `$NAME`: envsubst; also inside `$$$NAME$$$`, some CD tools' token replacement.
 * - `%NAME%` (upper case, three characters or more, so that strftime formats such as `%Y%m%d` stay values):
 *   Azure DevOps / Octopus-style token replacement, Windows batch.
 * - `<name>`: documentation placeholders and CodePipeline's `<IMAGE1_NAME>`.
 */
// Each alternative is linear: `$NAME`, `%NAME%` and `<name>` are bounded by their character classes, and the
// brace forms are scanned by hand because `\$\{[^}]*\}` retried from every `${` is quadratic on a long value.
const TOKEN = /\$[A-Za-z_]|%[A-Z_][A-Z0-9_]{2,}%|<[A-Za-z_][^<>\n]{0,63}>/;
const MAYBE = /[$%{<]/;

export function isPlaceholderString(value: string): boolean {
  return MAYBE.test(value) && (hasDollarBraces(value) || hasDoubleBraces(value) || TOKEN.test(value));
}

/** `${…}`: a `${` with a `}` anywhere after it. */
function hasDollarBraces(value: string): boolean {
  const open = value.indexOf('${');
  return open >= 0 && value.indexOf('}', open + 2) >= 0;
}

/** `{{…}}`: a `{{`, then no `}` until a `}}`. */
function hasDoubleBraces(value: string): boolean {
  let open = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x7b && value.charCodeAt(i + 1) === 0x7b) open = true;
    else if (c === 0x7d) {
      if (open && value.charCodeAt(i + 1) === 0x7d) return true;
      open = false;
    }
  }
  return false;
}
