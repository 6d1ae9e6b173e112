import type { RuleFunction } from './types';

interface Options {
  /** Subjects besides `attribute:<name>`. */
  subjects: string[];
  /** Operators that take an argument, that take none, and that take a list. */
  operators: string[];
  unaryOperators: string[];
  listOperators: string[];
}

class ExpressionError extends Error {}

/**
 * Tokens: a `[…]` list, a quoted string, a parenthesis, `&&`, `||`, or a run of anything else up to
 * a space or a parenthesis. Read by hand in one pass: the equivalent regular expression rescans to
 * the end of the text for each unclosed `[` or quote, which is quadratic on a long run of them.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Past the last `]` (or quote) no list (or string) can close: no need to look for one again.
  const lastClose: Record<string, number> = { '[': text.lastIndexOf(']'), '"': text.lastIndexOf('"'), "'": text.lastIndexOf("'") };
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const c = text[i];
    if ((c === '[' || c === '"' || c === "'") && lastClose[c] > i) {
      const end = text.indexOf(c === '[' ? ']' : c, i + 1);
      tokens.push(text.slice(i, end + 1));
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push(text.slice(i, i + 2));
      i += 2;
    } else {
      let end = i + 1;
      while (end < text.length && text[end] !== '(' && text[end] !== ')' && !/\s/.test(text[end])) end++;
      tokens.push(text.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

/**
 * Parentheses nested deeper than this are refused rather than followed (the parser recurses per
 * level). An expression has at most 2000 characters (rule pc-expression), so no valid one comes near.
 */
const MAX_NESTING = 1000;

/**
 * Checks a cluster query language expression: `subject operator [argument]` terms with a known
 * subject and operator, joined by and/or (&&, ||), negated by not (!), grouped by parentheses.
 * Reports the first thing it cannot read; non-string values are skipped.
 */
const clusterQueryExpression: RuleFunction<Options> = {
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['subjects', 'operators', 'unaryOperators', 'listOperators'],
    properties: {
      subjects: { type: 'array', items: { type: 'string' } },
      operators: { type: 'array', items: { type: 'string' } },
      unaryOperators: { type: 'array', items: { type: 'string' } },
      listOperators: { type: 'array', items: { type: 'string' } },
    },
  },
  check(value, { subjects, operators, unaryOperators, listOperators }) {
    if (typeof value !== 'string') return [];
    let tokens: string[];
    let at = 0;
    let nesting = 0;
    const peek = () => tokens[at];
    const next = (what: string) => {
      const t = tokens[at++];
      if (t === undefined) throw new ExpressionError(`${what} expected at the end`);
      return t;
    };
    const term = (): void => {
      if (peek() === 'not' || peek() === '!') at++;
      if (peek() === '(') {
        at++;
        if (++nesting > MAX_NESTING) throw new ExpressionError(`parentheses nested more than ${MAX_NESTING} deep`);
        expression();
        nesting--;
        if (next('")"') !== ')') throw new ExpressionError('")" expected');
        return;
      }
      const subject = next('a subject');
      if (!subjects.includes(subject) && !/^attribute:\S+$/.test(subject)) throw new ExpressionError(`unknown subject ${JSON.stringify(subject)}`);
      const op = next('an operator');
      if (unaryOperators.includes(op)) return;
      if (listOperators.includes(op)) {
        const arg = next('a list');
        if (arg.startsWith('[')) return;
        if (arg !== '(') throw new ExpressionError(`a list in [ ] or ( ) expected after ${op}`);
        while (peek() !== undefined && peek() !== ')') at++;
        next('")"');
        return;
      }
      if (!operators.includes(op)) throw new ExpressionError(`unknown operator ${JSON.stringify(op)}`);
      const arg = next(`an argument after ${op}`);
      if (arg === '(' || arg === ')') throw new ExpressionError(`an argument expected after ${op}`);
    };
    const expression = (): void => {
      term();
      while (peek() !== undefined && peek() !== ')') {
        const joiner = next('and/or');
        if (!['and', 'or', '&&', '||'].includes(joiner)) throw new ExpressionError(`"and" or "or" expected, found ${JSON.stringify(joiner)}`);
        term();
      }
    };
    try {
      tokens = tokenize(value);
      if (tokens.length === 0) throw new ExpressionError('the expression is empty');
      expression();
      if (at < tokens.length) throw new ExpressionError(`unexpected ${JSON.stringify(tokens[at])}`);
    } catch (err) {
      if (err instanceof ExpressionError) return [{ data: { problem: err.message } }];
      throw err;
    }
    return [];
  },
};
export default clusterQueryExpression;
