import { CORE_DIAGNOSTICS } from '../report/diagnostics';
import { PRESET_ORDER } from '../model/rule';
import { allRules, presetSeverities } from '../docs/rule-info';
import { ruleDocUrl } from '../model/project';

/** `ecslint rules --json`: every rule with its severity in each preset, for scripts. */
export function rulesJson(): string {
  const rules = allRules().map((r) => ({
    id: r.id,
    severity: r.severity,
    presets: presetSeverities(r),
    description: r.description,
    source: r.source,
    ...(r.url ? { url: r.url } : {}),
    docs: ruleDocUrl(r.id),
  }));
  const diagnostics = Object.entries(CORE_DIAGNOSTICS).map(([id, d]) => ({
    id,
    severity: d.severity,
    presets: Object.fromEntries(PRESET_ORDER.map((p) => [p, d.severity])),
    description: d.description,
    source: 'ecslint loader',
  }));
  return JSON.stringify([...rules, ...diagnostics], null, 2) + '\n';
}

/** `ecslint rules`: one line a rule (id, severity in each preset, what it checks), aligned, greppable. */
export function rulesTable(): string {
  const rows: string[][] = [['RULE', ...PRESET_ORDER.map((p) => p.toUpperCase()), 'WHAT IT CHECKS']];
  for (const r of allRules()) {
    const sev = presetSeverities(r);
    rows.push([r.id, ...PRESET_ORDER.map((p) => sev[p]), r.description]);
  }
  const diagnostics = Object.entries(CORE_DIAGNOSTICS).map(([id, d]) => [id, ...PRESET_ORDER.map(() => d.severity), d.description]);
  const all = [...rows, ...diagnostics];
  const widths = all[0].slice(0, -1).map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ') + '\n';
  let out = rows.map(line).join('');
  out += `\n${diagnostics.length} loader diagnostics, on in every preset (about the file itself, not a task definition):\n`;
  out += diagnostics.map(line).join('');
  out += `\n${rows.length - 1} rules. Run "ecslint explain <rule-id>" for a rule's rationale and examples.\n`;
  return out;
}
