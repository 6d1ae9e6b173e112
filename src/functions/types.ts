import type { Segment } from '../load/normalise';
import type { DocsProfile } from '../types';
import type { Target } from '../engine/target';
import type { LinkedTaskDefinition } from '../engine/service-target';

/** What a check function knows besides the value it checks. */
export interface FunctionContext {
  /** The whole normalised task definition (or service). */
  document: Record<string, unknown>;
  /** Path of the checked value in the normalised document. */
  path: readonly Segment[];
  target: Target;
  docs: DocsProfile;
  /** For a service: the task definition it runs, when it is in the same template or found by family in the run. */
  taskDefinition?: LinkedTaskDefinition;
  /**
   * Where a path of `document` is in the file, as written, from the file's root: the names as the
   * author wrote them (CloudFormation's are case-sensitive; normalisation is not).
   */
  sourcePath?: (path: readonly Segment[]) => string[];
}

/** One problem a function found: where (relative to the checked value) and the message's placeholders. */
export interface FunctionResult {
  path?: Segment[];
  data?: Record<string, unknown>;
}

/**
 * A pure check: no I/O, no state. Functions are named for what they check, not for a rule, and
 * declare the JSON Schema of their options so that a rule file with wrong options fails at build.
 */
export interface RuleFunction<O = Record<string, unknown>> {
  optionsSchema: Record<string, unknown>;
  check(value: unknown, options: O, ctx: FunctionContext): FunctionResult[];
}
