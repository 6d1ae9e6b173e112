import type { Finding } from '../model/finding';
import { UNSUPPRESSIBLE } from './diagnostics';

/**
 * Suppression comments in YAML files (JSON has no comments; there, use configuration overrides or,
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

export interface SuppressionOutcome {
  findings: Finding[];
  /** Directives (and the rule ids in them) that suppressed nothing. */
  unused: Array<{ directive: Directive; ruleId?: string }>;
}

export function applyDirectives(findings: Finding[], directives: Directive[]): SuppressionOutcome {
  if (directives.length === 0) return { findings, unused: [] };
  // Per directive and per listed rule id (or '*' for all), whether it suppressed something.
  const used = new Map<Directive, Set<string>>();
  const mark = (d: Directive, id: string) => {
    let s = used.get(d);
    if (!s) used.set(d, (s = new Set()));
    s.add(d.ruleIds.length === 0 ? '*' : id);
  };
  const covers = (d: Directive, id: string) => d.ruleIds.length === 0 || d.ruleIds.includes(id);
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line);

  const kept = findings.filter((f) => {
    if (UNSUPPRESSIBLE.has(f.ruleId)) return true;
    for (const d of directives) {
      if (d.kind === 'disable-next-line' && f.line === d.line + 1 && covers(d, f.ruleId)) return (mark(d, f.ruleId), false);
      if (d.kind === 'disable-line' && f.line === d.line && covers(d, f.ruleId)) return (mark(d, f.ruleId), false);
    }
    // The last disable/enable before the finding's line decides, per rule.
    let active: Directive | undefined;
    for (const d of blocks) {
      if (d.line > f.line) break;
      if (!covers(d, f.ruleId)) continue;
      active = d.kind === 'disable' ? d : undefined;
    }
    if (active) return (mark(active, f.ruleId), false);
    return true;
  });

  const unused: SuppressionOutcome['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const s = used.get(d);
    if (d.ruleIds.length === 0) {
      if (!s) unused.push({ directive: d });
    } else {
      for (const id of d.ruleIds) if (!s?.has(id)) unused.push({ directive: d, ruleId: id });
    }
  }
  return { findings: kept, unused };
}
