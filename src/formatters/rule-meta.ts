import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';
import { builtInRules } from '../engine/registry';
import { ruleDocUrl } from '../project';
import type { Severity } from '../types';

/** What a report format may say about a rule beyond its findings (SARIF's tool.driver.rules). */
export interface RuleMeta {
  id: string;
  /** The rule's default severity. */
  severity: Severity;
  description: string;
  remediation?: string;
  /** The rule's documentation page. */
  helpUri?: string;
}

/** The built-in rules, documented in docs/rules/, then the loader's diagnostics, which have no rule file. */
export function builtInRuleMeta(): RuleMeta[] {
  const rules: RuleMeta[] = builtInRules().map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    ...(r.remediation ? { remediation: r.remediation } : {}),
    helpUri: ruleDocUrl(r.id),
  }));
  for (const [id, d] of Object.entries(CORE_DIAGNOSTICS)) rules.push({ id, severity: d.severity, description: d.description });
  return rules;
}
