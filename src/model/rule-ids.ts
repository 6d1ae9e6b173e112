/**
 * Rule ids as users write them: an exact id, a glob (`bp-*`, `fargate-no-?ids`) or a prefix ending in "-" (`bp-`),
 * and the did-you-mean for an id that names nothing.
 */

/** Whether a rule setting names several rules at once. */
export function isRulePattern(pattern: string): boolean {
  return /[*?]/.test(pattern) || pattern.endsWith('-');
}

function patternRegExp(pattern: string): RegExp {
  const glob = pattern.endsWith('-') && !/[*?]/.test(pattern) ? `${pattern}*` : pattern;
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The ids a setting names, in the order given: the id itself, or every id the glob or prefix matches. */
export function expandRulePattern(pattern: string, ids: readonly string[]): string[] {
  if (!isRulePattern(pattern)) return ids.includes(pattern) ? [pattern] : [];
  const re = patternRegExp(pattern);
  return ids.filter((id) => re.test(id));
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** The closest known ids (at most three): one contains the other, or the fewest edits apart. */
export function suggestRuleIds(id: string, ids: readonly string[]): string[] {
  const word = id.replace(/[*?]/g, '');
  if (word === '') return [];
  const near = ids
    .map((x) => ({ x, d: x.includes(word) || word.includes(x) ? 0 : editDistance(word, x) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(word.length / 3)))
    .sort((a, b) => a.d - b.d || (a.x < b.x ? -1 : 1));
  // Only the closest: "fargate-no-link" means fargate-no-links, not every fargate-no-* rule a few edits away.
  return near
    .filter((c) => c.d <= near[0].d + 1)
    .slice(0, 3)
    .map((c) => c.x);
}

/** ` Did you mean "a", "b"?`, or nothing when no id is close. */
export function didYouMean(id: string, ids: readonly string[]): string {
  const near = suggestRuleIds(id, ids);
  return near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}

/** Why a setting names no rule: an unknown id (with the nearest ones), or a pattern that matches none. */
export function unknownRuleText(pattern: string, ids: readonly string[]): string {
  return isRulePattern(pattern) ? `no rule matches "${pattern}".${didYouMean(pattern, ids)}` : `unknown rule "${pattern}".${didYouMean(pattern, ids)}`;
}
