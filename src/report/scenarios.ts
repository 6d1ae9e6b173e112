import type { Severity } from '../model/basics';
import type { Finding } from '../model/finding';
import { toPointer } from '../model/path';
import type { SourceUnit, UnitScenario } from '../model/unit';

/**
 * A CloudFormation unit whose Properties use `Fn::If` is linted once per scenario of its conditions. Its
 * findings are merged here: one found in every scenario is reported once, as it is; one found in some
 * scenarios only is reported once, with the conditions under which it holds (" (when IsDev is true)").
 */

export interface ScenarioFindings {
  scenario: UnitScenario;
  findings: Finding[];
}

/** Conjunctions of at most this many conditions are tried before naming scenarios one by one. */
const MAX_TERM = 3;
/** More alternatives than this and the description counts the scenarios instead. */
const MAX_TERMS = 3;

export function mergeScenarioFindings(runs: readonly ScenarioFindings[]): Finding[] {
  const all = runs.map((r) => r.scenario);
  const found = new Map<string, { finding: Finding; in: Set<number> }>();
  runs.forEach((run, i) => {
    for (const f of run.findings) {
      const key = `${f.ruleId}\0${f.severity}\0${f.path}\0${f.message}`;
      const entry = found.get(key);
      if (entry) entry.in.add(i);
      else found.set(key, { finding: f, in: new Set([i]) });
    }
  });
  const out: Finding[] = [];
  for (const { finding, in: holds } of found.values()) {
    if (holds.size === all.length) out.push(finding);
    else out.push({ ...finding, message: withCondition(finding.message, describeScenarios([...holds], all)) });
  }
  return out;
}

function withCondition(message: string, when: string): string {
  return message.endsWith('.') ? `${message.slice(0, -1)} (${when}).` : `${message} (${when})`;
}

type Literal = [name: string, value: boolean];

/**
 * Words for the scenarios `holds` (indices into `all`) among `all`: the shortest conjunction of condition values
 * that is true in exactly those scenarios ("when IsDev is true and UseSpot is false"), or a few such conjunctions
 * ("when IsDev is true, or when UseSpot is false"), or a count when it would take more.
 */
export function describeScenarios(holds: readonly number[], all: readonly UnitScenario[]): string {
  const names = [...new Set(all.flatMap((s) => Object.keys(s.conditions)))].sort().filter((n) => new Set(all.map((s) => s.conditions[n])).size > 1);
  const target = new Set(holds);
  const matching = (term: Literal[]): number[] => all.flatMap((s, i) => (term.every(([n, v]) => s.conditions[n] === v) ? [i] : []));
  const valid: Array<{ term: Literal[]; covers: number[] }> = [];
  for (let k = 1; k <= Math.min(MAX_TERM, names.length); k++) {
    for (const term of terms(names, k)) {
      const covers = matching(term);
      if (covers.length === 0 || !covers.every((i) => target.has(i))) continue;
      if (covers.length === target.size) return `when ${termWords(term)}`;
      valid.push({ term, covers });
    }
  }
  // No single conjunction: cover the scenarios greedily, each scenario's full assignment being the last resort.
  for (const i of holds) valid.push({ term: names.map((n) => [n, all[i].conditions[n]] as Literal), covers: [i] });
  const chosen: Literal[][] = [];
  const left = new Set(target);
  while (left.size > 0 && chosen.length <= MAX_TERMS) {
    let best = valid[0];
    let gain = -1;
    for (const v of valid) {
      const g = v.covers.filter((i) => left.has(i)).length;
      if (g > gain) [best, gain] = [v, g];
    }
    chosen.push(best.term);
    for (const i of best.covers) left.delete(i);
  }
  if (left.size === 0 && chosen.length <= MAX_TERMS) return chosen.map((t) => `when ${termWords(t)}`).join(', or ');
  return `in ${holds.length} of the ${all.length} combinations of ${names.join(', ')}`;
}

function* terms(names: readonly string[], k: number, from = 0, prefix: Literal[] = []): Generator<Literal[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = from; i < names.length; i++) {
    yield* terms(names, k, i + 1, [...prefix, [names[i], true]]);
    yield* terms(names, k, i + 1, [...prefix, [names[i], false]]);
  }
}

function termWords(term: readonly Literal[]): string {
  return term.map(([n, v]) => `${n} is ${v}`).join(' and ');
}

function shortList(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

/** The note on a unit whose conditions have too many combinations to check one by one. */
export function cappedNote(unit: SourceUnit, severity: Severity): Finding | undefined {
  const capped = unit.scenariosCapped;
  if (!capped) return undefined;
  const path = unit.written([]);
  return {
    ruleId: 'condition-scenarios-capped',
    severity,
    message:
      capped.values === undefined
        ? `${unit.name} uses ${capped.conditions.length} conditions (${shortList(capped.conditions)}) in more than ${capped.cap} combinations; its Fn::If values were checked as unknown, not branch by branch.`
        : `${unit.name} uses ${capped.conditions.length} conditions (${shortList(capped.conditions)}) in combinations that would hold more values than the ${capped.values} a template's checked combinations may hold in all; its Fn::If values were checked as unknown, not branch by branch.`,
    path: toPointer(path),
    ...unit.range([]),
    taskDefinition: unit.name,
    ...(unit.documentIndex !== undefined ? { document: unit.documentIndex } : {}),
  };
}
