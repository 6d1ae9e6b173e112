import { allRules, ruleInfo } from './rule-info';
import { renderRulePage, renderRulesTable } from './markdown';

/** Everything `npm run docs` writes: docs/rules/<id>.md for every rule, and the README's rules table. */
export interface GeneratedDocs {
  /** File name in docs/rules/ -> content. */
  pages: Map<string, string>;
  /** The text between the README's rules-table markers. */
  table: string;
}

export function generateDocs(): GeneratedDocs {
  const rules = allRules();
  const pages = new Map<string, string>();
  for (const rule of rules) pages.set(`${rule.id}.md`, renderRulePage(ruleInfo(rule)));
  return { pages, table: renderRulesTable(rules) };
}
