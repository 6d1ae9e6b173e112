import type { Report } from '../model/finding';

/** The `--format json` report: one entry per file, in the order the files were given. */
export function formatJson(report: Report): string {
  return JSON.stringify(report.results) + '\n';
}
