import type { FileResult } from '../model/finding';

/** A result without fixes: every report shows this but --fix-dry-run's, so plain output never changes shape. */
export function withoutFixes(result: FileResult): FileResult {
  if (!result.messages.some((m) => m.fix)) return result;
  return { ...result, messages: result.messages.map(({ fix: _fix, ...rest }) => rest) };
}
