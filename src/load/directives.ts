/**
 * Suppression comments, read from the text; the report stage applies them (src/report/suppress.ts). In YAML (JSON has no comments; there, use configuration overrides or,
 * in CloudFormation, a resource's `Metadata: { ecslint: { ignore: [...] } }`):
 *
 *   # ecslint-disable-next-line rule-a, rule-b -- why
 *   Privileged: true   # ecslint-disable-line rule-a -- why
 *   # ecslint-disable rule-a -- why        (until a matching enable, or the end of the file)
 *   # ecslint-enable rule-a
 *
 * Without rule ids a directive covers every rule. Comments keep the file valid for AWS.
 */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Empty for "every rule". */
  ruleIds: string[];
  reason?: string;
  line: number;
  column: number;
  endColumn: number;
}

const DIRECTIVE = /(?:^|\s)#\s*ecslint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)$/;

/** The directives in a text, from its comments. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('ecslint-')) return [];
  const out: Directive[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const [body, reason] = splitReason(m[2]);
    const ruleIds = body
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const start = line.indexOf('#', m.index);
    out.push({ kind: m[1] as Directive['kind'], ruleIds, reason, line: i + 1, column: start + 1, endColumn: line.length + 1 });
  });
  return out;
}

function splitReason(rest: string): [string, string | undefined] {
  const i = rest.indexOf(' -- ');
  if (i === -1) return [rest.replace(/\s--\s*$/, ''), undefined];
  return [rest.slice(0, i), rest.slice(i + 4).trim() || undefined];
}
