import { allRules, ruleInfo } from './rule-info';
import { renderRulePage, renderRulesIndex } from './markdown';

/** Everything `npm run docs` writes: docs/rules/<id>.md for every rule, and docs/rules/README.md listing them all. */
export interface GeneratedDocs {
  /** File name in docs/rules/ -> content. */
  pages: Map<string, string>;
  /** docs/rules/README.md. */
  index: string;
}

export function generateDocs(): GeneratedDocs {
  const rules = allRules();
  const pages = new Map<string, string>();
  for (const rule of rules) pages.set(`${rule.id}.md`, renderRulePage(ruleInfo(rule)));
  return { pages, index: renderRulesIndex(rules) };
}
