import { allRules, ruleInfo } from '../docs/rule-info';
import { ruleDocUrl } from '../model/project';
import { CORE_DIAGNOSTICS } from '../report/diagnostics';

/**
 * What `ecslint explain` says about a rule, as Markdown for an editor's hover: why the rule exists, how to fix
 * a finding, and a good example (the rule's first valid fixture). Made once per rule.
 */
const cache = new Map<string, string>();

export function explainMarkdown(ruleId: string): string {
  let text = cache.get(ruleId);
  if (text === undefined) {
    text = make(ruleId);
    cache.set(ruleId, text);
  }
  return text;
}

function fence(language: string, code: string): string {
  // A fence longer than any run of backticks in the example, so the example cannot close it.
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code.replace(/\n$/, '')}\n${marks}`;
}

function make(ruleId: string): string {
  const rule = allRules().find((r) => r.id === ruleId);
  if (!rule) {
    const core = CORE_DIAGNOSTICS[ruleId];
    if (core) return `**ecslint \`${ruleId}\`** (${core.severity})\n\n${core.description}`;
    return `**ecslint \`${ruleId}\`**: a rule of this repository's configuration (rulesDirectories).`;
  }
  const info = ruleInfo(rule);
  const parts = [`**ecslint \`${rule.id}\`** (${rule.severity}) · [documentation](${ruleDocUrl(rule.id)})`, rule.description];
  if (rule.remediation) parts.push(`**How to fix:** ${rule.remediation}`);
  if (info.good) parts.push(`**A good example** (\`${info.good.file}\`):\n\n${fence(info.good.language, info.good.text)}`);
  parts.push(`Source: ${rule.source}${rule.url ? ` ([AWS documentation](${rule.url}))` : ''}`);
  return parts.join('\n\n');
}
