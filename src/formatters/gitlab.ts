import { createHash } from 'crypto';
import type { Severity } from '../model/basics';
import type { Report } from '../model/finding';
import { fingerprint } from '../report/baseline';
import { repositoryPath } from './paths';

/**
 * GitLab Code Quality: a JSON array of issues, each with `description`, `check_name`, `fingerprint`, `severity`
 * (info, minor, major, critical or blocker) and `location.path` (relative to the repository, no "./") with
 * `location.lines.begin`. Source: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 * (as of 2025-06).
 */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/** An error is something AWS rejects: major; a warning is advice: minor. */
const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * The fingerprint is the baseline's (rule, task definition, document, JSON Pointer; never the line) with the file,
 * so that GitLab matches a finding across commits that move it. GitLab shows one issue per fingerprint: findings
 * that would share one are told apart by their order.
 */
export function formatGitlab(report: Report): string {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of report.results) {
    const file = repositoryPath(r.filePath, report.root);
    for (const m of r.messages) {
      const base = `${file}\0${fingerprint(m)}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      issues.push({
        description: `${m.message} [${m.ruleId}]`,
        check_name: m.ruleId,
        fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32),
        severity: SEVERITY[m.severity],
        location: { path: file, lines: { begin: m.line, end: Math.max(m.line, m.endLine) } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
