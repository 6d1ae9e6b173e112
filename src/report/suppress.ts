import type { Finding } from '../model/finding';
import type { Directive } from '../load/directives';
import { UNSUPPRESSIBLE } from './diagnostics';

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
