import type { FileResult, Finding } from './types';

/** A file's result with its counts, from its (already sorted) findings. */
export function fileResult(filePath: string, messages: Finding[], extra: Partial<FileResult> = {}): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { ...extra, filePath, errorCount, warningCount, infoCount, messages };
}
