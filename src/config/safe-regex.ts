/**
 * Regular expressions from a repository's configuration run on every linted value, so one that can
 * backtrack exponentially would let a file hang the linter. This accepts only expressions whose
 * matching time is linear for a backtracking engine: no backreferences or lookarounds, and no
 * quantified group that itself holds a quantifier or an alternation (star height one).
 * Returns a reason to refuse, or undefined when the expression is safe.
 */
export function checkLinearRegExp(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    return `invalid regular expression /${source}/: ${(err as Error).message}`;
  }
  if (source.length > 1000) return `regular expression longer than 1000 characters refused`;
  if (/\\[1-9]|\\k</.test(source)) return `regular expression /${source}/ refused: backreferences can take exponential time`;
  if (/\(\?<?[=!]/.test(source)) return `regular expression /${source}/ refused: lookarounds are not allowed`;

  // Walk the groups: a group that contains a quantifier or "|" must not be quantified itself.
  const stack: Array<{ risky: boolean }> = [{ risky: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === ')') {
      const group = stack.pop()!;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      const unbounded = next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)) && !/^\{\d+,\d+\}/.test(source.slice(i + 1)));
      if (group.risky && quantified && (unbounded || next === '{')) {
        return `regular expression /${source}/ refused: a repeated group holds a repetition or alternation, which can take exponential time`;
      }
      const parent = stack[stack.length - 1];
      if (group.risky || quantified) parent.risky = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '{' || c === '|') top.risky = true;
    if (c === '?' && i > 0 && source[i - 1] !== '(') top.risky = true;
  }
  return undefined;
}
