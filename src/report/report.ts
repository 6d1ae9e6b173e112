import type { FileResult, Report, RuleMeta } from '../model/finding';
import type { RuleDefinition } from '../model/rule';
import { ruleDocUrl, REPOSITORY_URL } from '../model/project';
import { CORE_DIAGNOSTICS } from './diagnostics';

/** The rules a report can describe: the given rules, with their documentation pages, then the loader's and the run's diagnostics. */
export function ruleMeta(rules: readonly RuleDefinition[], documented: (id: string) => boolean = () => true): RuleMeta[] {
  const out: RuleMeta[] = rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    ...(r.remediation ? { remediation: r.remediation } : {}),
    ...(documented(r.id) ? { helpUri: ruleDocUrl(r.id) } : {}),
  }));
  for (const [id, d] of Object.entries(CORE_DIAGNOSTICS)) out.push({ id, severity: d.severity, description: d.description });
  return out;
}

/**
 * A report of results, ready for any formatter. The rules may be given as a function: they are described only
 * when a format reads them (SARIF), so that a run printed in another format never builds them.
 */
export function createReport(results: FileResult[], options: { rules: RuleMeta[] | (() => RuleMeta[]); version: string; root: string }): Report {
  const report = { results, tool: { name: 'ecslint', version: options.version, informationUri: REPOSITORY_URL }, root: options.root } as Report;
  const given = options.rules;
  if (typeof given !== 'function') return { ...report, rules: given };
  let rules: RuleMeta[] | undefined;
  return Object.defineProperty(report, 'rules', { enumerable: true, get: () => (rules ??= given()) });
}

/** Only the errors: what `--quiet` shows. */
export function errorsOnly(r: FileResult): FileResult {
  const messages = r.messages.filter((m) => m.severity === 'error');
  return { ...r, messages, warningCount: 0, infoCount: 0 };
}
