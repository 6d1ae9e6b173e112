import { CORE_DIAGNOSTICS } from '../report/diagnostics';
import type { Preset, Severity } from '../model/basics';
import { inPreset, PRESET_ORDER, type RuleDefinition } from '../model/rule';
import type { UnitForm, UnitKind } from '../model/unit';
import { allRules, presetSeverities } from '../docs/rule-info';
import { prefixOf, RULE_ID_PREFIXES } from '../docs/prefixes';
import { ruleDocUrl } from '../model/project';
import { didYouMean } from '../model/rule-ids';

/** The forms each kind of unit is written in: a rule applies to a form of its kind, unless its `when.form` narrows it. */
const FORMS_BY_KIND: Record<UnitKind, readonly UnitForm[]> = {
  'task-definition': ['api', 'describe', 'cloudformation', 'container-list', 'terraform'],
  service: ['create-service', 'update-service', 'run-task', 'describe', 'cloudformation', 'terraform'],
  cluster: ['create-cluster', 'update-cluster-settings', 'cloudformation'],
  'capacity-provider': ['create-capacity-provider', 'cloudformation'],
  iam: ['cloudformation'],
};
export const RULE_FORMS: readonly UnitForm[] = [...new Set(Object.values(FORMS_BY_KIND).flat())];

/** What `ecslint rules` lists: every option narrows the list; none lists every rule and the loader's diagnostics. */
export interface RuleFilter {
  /** Rules that this preset turns on. */
  preset?: Preset;
  /** Rules of this default severity. */
  severity?: Severity;
  /** Rules whose id starts with this prefix (`bp`, `bp-`, or a glossary word). */
  prefix?: string;
  /** Rules that check units written in this form. */
  form?: UnitForm;
}

function appliesToForm(rule: RuleDefinition, form: UnitForm): boolean {
  return FORMS_BY_KIND[rule.on ?? 'task-definition'].includes(form) && (!rule.when?.form || rule.when.form.includes(form));
}

export function filteredRules(filter: RuleFilter = {}): RuleDefinition[] {
  const prefix = filter.prefix?.replace(/-$/, '');
  return allRules().filter(
    (r) =>
      (!filter.preset || inPreset(r.preset, filter.preset)) &&
      (!filter.severity || r.severity === filter.severity) &&
      (!prefix || r.id === prefix || r.id.startsWith(`${prefix}-`)) &&
      (!filter.form || appliesToForm(r, filter.form)),
  );
}

/** Why a --prefix lists nothing: no rule id starts with it (with the nearest glossary words). */
export function unknownPrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined || filteredRules({ prefix }).length > 0) return undefined;
  return `--prefix ${prefix}: no rule id starts with "${prefix}".${didYouMean(prefix.replace(/-$/, ''), Object.keys(RULE_ID_PREFIXES))} The prefixes are listed at the end of "ecslint rules".`;
}

const filtering = (f: RuleFilter) => Object.values(f).some((v) => v !== undefined);

/** The glossary of rule id prefixes, one a line. */
export function prefixGlossary(): string {
  const width = Math.max(...Object.keys(RULE_ID_PREFIXES).map((p) => p.length));
  return Object.entries(RULE_ID_PREFIXES)
    .map(([p, meaning]) => `  ${p.padEnd(width)}  ${meaning}\n`)
    .join('');
}

/** `ecslint rules --json`: every rule with its severity in each preset, for scripts. */
export function rulesJson(filter: RuleFilter = {}): string {
  const rules = filteredRules(filter).map((r) => ({
    id: r.id,
    severity: r.severity,
    presets: presetSeverities(r),
    ...(prefixOf(r.id) ? { prefix: prefixOf(r.id) } : {}),
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
  return JSON.stringify([...rules, ...(filtering(filter) ? [] : diagnostics)], null, 2) + '\n';
}

/**
 * `ecslint rules`: one line a rule (id, severity in each preset, what it checks), aligned, greppable; then the
 * loader's diagnostics and the glossary of id prefixes. A filter lists the matching rules only.
 */
export function rulesTable(filter: RuleFilter = {}): string {
  const rows: string[][] = [['RULE', ...PRESET_ORDER.map((p) => p.toUpperCase()), 'WHAT IT CHECKS']];
  for (const r of filteredRules(filter)) {
    const sev = presetSeverities(r);
    rows.push([r.id, ...PRESET_ORDER.map((p) => sev[p]), r.description]);
  }
  const diagnostics = Object.entries(CORE_DIAGNOSTICS).map(([id, d]) => [id, ...PRESET_ORDER.map(() => d.severity), d.description]);
  const all = [...rows, ...diagnostics];
  const widths = all[0].slice(0, -1).map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ') + '\n';
  let out = rows.map(line).join('');
  if (filtering(filter)) return out + `\n${rows.length - 1} of ${allRules().length} rules.\n`;
  out += `\n${diagnostics.length} loader diagnostics, on in every preset (about the file itself, not a task definition):\n`;
  out += diagnostics.map(line).join('');
  out += `\nA rule id starts with what it is about:\n${prefixGlossary()}`;
  out += `\n${rows.length - 1} rules. Run "ecslint explain <rule-id>" for a rule's rationale and examples; "ecslint rules --prefix bp" (or --preset, --severity, --form) lists some of them.\n`;
  return out;
}
