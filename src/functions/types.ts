import type { DocsProfile, Severity } from '../model/basics';
import type { Path, Segment } from '../model/path';
import type { LinkedTaskDefinition, SourceUnit, Target } from '../model/unit';

/** What a check function knows besides the value it checks. */
export interface FunctionContext {
  /** The unit being checked: its view, its names as written (`unit.written`), its file. */
  unit: SourceUnit;
  /** The unit's normalised view (`unit.view`). */
  document: Record<string, unknown>;
  /** Path of the checked value in the view. */
  path: Path;
  target: Target;
  docs: DocsProfile;
  /** For a service: the task definition it runs, when the link stage found it. */
  taskDefinition?: LinkedTaskDefinition;
}

/** One problem a function found: where (relative to the checked value) and the message's placeholders. */
export interface FunctionResult {
  path?: Segment[];
  data?: Record<string, unknown>;
  /**
   * At most this severity, for a problem that the form of the unit makes milder than the rule's own (an
   * unknown container key, which Terraform's provider drops instead of sending). Never raises a severity.
   */
  atMost?: Extract<Severity, 'warning' | 'info'>;
}

/**
 * A pure check: no I/O, no state. Functions are named for what they check, not for a rule, and
 * declare the JSON Schema of their options so that a rule file with wrong options fails at build.
 */
export interface RuleFunction<O = Record<string, unknown>> {
  optionsSchema: Record<string, unknown>;
  check(value: unknown, options: O, ctx: FunctionContext): FunctionResult[];
}
