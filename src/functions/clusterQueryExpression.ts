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

const TOKEN = /\s*(\[[^\]]*\]|"[^"]*"|'[^']*'|\(|\)|&&|\|\||[^\s()]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) tokens.push(m[1]);
  if (text.slice(TOKEN.lastIndex).trim() !== '') throw new ExpressionError(`cannot read ${JSON.stringify(text.slice(TOKEN.lastIndex).trim())}`);
  return tokens;
}

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
        expression();
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
