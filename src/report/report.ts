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

/** A report of results, ready for any formatter. */
export function createReport(results: FileResult[], options: { rules: RuleMeta[]; version: string; root: string }): Report {
  return { results, rules: options.rules, tool: { name: 'ecslint', version: options.version, informationUri: REPOSITORY_URL }, root: options.root };
}

/** Only the errors: what `--quiet` shows. */
export function errorsOnly(r: FileResult): FileResult {
  const messages = r.messages.filter((m) => m.severity === 'error');
  return { ...r, messages, warningCount: 0, infoCount: 0 };
}
