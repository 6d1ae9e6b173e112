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
 * - `$NAME`: envsubst; `$$$NAME$$$`: some CD tools' token replacement.
 * - `%NAME%` (upper case, three characters or more, so that strftime formats such as `%Y%m%d` stay values):
 *   Azure DevOps / Octopus-style token replacement, Windows batch.
 * - `<name>`: documentation placeholders and CodePipeline's `<IMAGE1_NAME>`.
 */
const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|\$\$\$[A-Za-z_][A-Za-z0-9_]*\$\$\$|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Z_][A-Z0-9_]{2,}%|<[A-Za-z_][^<>\n]{0,63}>/;
const MAYBE = /[$%{<]/;

export function isPlaceholderString(value: string): boolean {
  return MAYBE.test(value) && PLACEHOLDER.test(value);
}
