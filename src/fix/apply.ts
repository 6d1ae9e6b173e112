import type { FileResult, Finding, Fix } from '../model/finding';

/**
 * `--fix`: apply the findings' fixes to a text, lint again, and repeat to a fixpoint (a fix can reveal
 * another: a Fargate task given networkMode awsvpc may now have a hostPort to drop). A fix is kept only when
 * the lint after it shows its finding gone, no new finding that is not itself fixable, and no other finding
 * gone, except findings on the member it edited: a fix must not change what the task does beyond the member
 * it mends, and a vanished finding elsewhere means it did. The text returned is the last state with no finding
 * that the input did not have.
 */

/** Rounds of lint -> fix -> lint; each round applies every fix that does not overlap another. */
export const MAX_ROUNDS = 8;

/** One change of the input: its [start, end) in the input, and the text there now. */
export interface Change {
  start: number;
  end: number;
  text: string;
}

export interface FixOutcome {
  /** The text with the fixes applied (the input when none was). */
  output: string;
  /** The findings of the input whose fixes were applied in the first round: their `fix` is an edit of the input. */
  fixedInInput: Finding[];
  /** How many fixes were applied in all. */
  applied: number;
  /** The parts of the input that changed; every character outside them is as it was. */
  changes: Change[];
  /** Fixes that were tried and not kept, and why. */
  refused: Array<{ finding: Finding; reason: string }>;
  /** The lint of `output`. */
  result: FileResult | undefined;
}

/** Identity of a finding across edits: never its line, which an edit above it moves. */
export function findingKey(f: Finding): string {
  return `${f.document ?? 0}\0${f.ruleId}\0${f.taskDefinition ?? ''}\0${f.path}`;
}

/** Apply edits that do not overlap (an edit identical to one already taken is the same fix); returns the text and the edits taken. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; used: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const used: Fix[] = [];
  for (const f of sorted) {
    const prev = used[used.length - 1];
    if (prev && prev.range[0] === f.range[0] && prev.range[1] === f.range[1] && prev.text === f.text) continue;
    // Two insertions at one place, or an edit that starts inside the previous one, would interfere.
    if (prev && (f.range[0] < prev.range[1] || (f.range[0] === prev.range[1] && (f.range[0] === f.range[1] || prev.range[0] === prev.range[1])))) continue;
    used.push(f);
  }
  let out = text;
  for (let i = used.length - 1; i >= 0; i--) out = out.slice(0, used[i].range[0]) + used[i].text + out.slice(used[i].range[1]);
  return { text: out, used };
}

type Lint = (text: string) => FileResult | undefined;

export interface FixOptions {
  /** Which findings to fix (all by default); `--quiet` fixes errors only. */
  accept?: (finding: Finding) => boolean;
}

export function fixText(input: string, lint: Lint, options: FixOptions = {}): FixOutcome {
  const accept = options.accept ?? (() => true);
  const first = lint(input);
  const original = counts(first?.messages ?? []);
  let current = { text: input, result: first, changes: [] as Change[], applied: 0 };
  let good = current;
  const refused = new Map<string, { finding: Finding; reason: string }>();
  let fixedInInput: Finding[] = [];

  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const candidates = (current.result?.messages ?? []).filter((m) => m.fix && accept(m) && !refused.has(findingKey(m)));
    if (candidates.length === 0) break;
    const { used } = applyFixes(
      current.text,
      candidates.map((m) => m.fix!),
    );
    const batch = candidates.filter((m) => used.includes(m.fix!));
    let next = tryFixes(current.text, current.result!, batch, lint);
    if ('reason' in next) {
      // Find the fixes that can be kept on their own; the others are refused with their reason.
      next = { reason: next.reason };
      for (const one of batch) {
        const alone = tryFixes(current.text, current.result!, [one], lint);
        if ('reason' in alone) refused.set(findingKey(one), { finding: one, reason: alone.reason });
        else {
          next = alone;
          break;
        }
      }
      if ('reason' in next) continue;
    }
    let changes = current.changes;
    for (const f of [...next.fixes].sort((a, b) => b.range[0] - a.range[0])) changes = compose(input, changes, f);
    if (round === 1) fixedInInput = batch.filter((m) => next.fixes.includes(m.fix!));
    current = { text: next.text, result: next.result, changes, applied: current.applied + next.fixes.length };
    if (newFindings(original, current.result?.messages ?? []).length === 0) good = current;
  }
  // Findings of the first round are fixed in the returned text only if the returned text is past that round.
  if (good.applied === 0) fixedInInput = [];
  return { output: good.text, fixedInInput, applied: good.applied, changes: good.changes, refused: [...refused.values()], result: good.result };
}

type Tried = { text: string; result: FileResult | undefined; fixes: Fix[] } | { reason: string };

/** Apply some fixes, lint, and say whether the outcome may be kept. */
function tryFixes(text: string, before: FileResult, findings: Finding[], lint: Lint): Tried {
  const fixes = findings.map((f) => f.fix!);
  const { text: next } = applyFixes(text, fixes);
  const after = lint(next);
  if (!after) return { reason: 'the fixed text would not be linted' };
  if (after.messages.some((m) => m.ruleId === 'parse-error' || m.ruleId === 'internal-error')) return { reason: 'the fixed text would not parse' };
  const fixedKeys = new Set<string>();
  for (const f of findings) fixedKeys.add(findingKey(f));
  // The findings whose fixes these edits are (one edit may fix several findings on one member).
  for (const m of before.messages) if (m.fix && fixes.some((x) => sameEdit(x, m.fix!))) fixedKeys.add(findingKey(m));
  const beforeCounts = counts(before.messages);
  const afterCounts = counts(after.messages);
  for (const key of fixedKeys) {
    if ((afterCounts.get(key) ?? 0) >= (beforeCounts.get(key) ?? 0)) return { reason: 'the finding would remain after the fix' };
  }
  const edited = findings.map((f) => ({ document: f.document ?? 0, path: f.path }));
  for (const m of newFindings(beforeCounts, after.messages)) {
    if (!m.fix) return { reason: `the fix would bring a new finding: ${m.ruleId} at ${m.path || 'the document'} (${m.message})` };
  }
  for (const m of newFindings(afterCounts, before.messages)) {
    if (fixedKeys.has(findingKey(m))) continue;
    if (!edited.some((e) => e.document === (m.document ?? 0) && overlaps(e.path, m.path))) {
      return { reason: `the fix would change how the rest of the task is read: ${m.ruleId} at ${m.path || 'the document'} would no longer be reported` };
    }
  }
  return { text: next, result: after, fixes };
}

function sameEdit(a: Fix, b: Fix): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/** One pointer is the other, or lies within it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}

function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(findingKey(f), (out.get(findingKey(f)) ?? 0) + 1);
  return out;
}

/** Findings beyond those counted (per key, the surplus). */
function newFindings(known: ReadonlyMap<string, number>, findings: readonly Finding[]): Finding[] {
  const left = new Map(known);
  const out: Finding[] = [];
  for (const f of findings) {
    const key = findingKey(f);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(f);
  }
  return out;
}

/**
 * Record an edit of the current text (the input with `changes` made) as a change of the input. An edit that
 * touches an earlier change merges with it, so that the changes stay apart and in order.
 */
export function compose(input: string, changes: readonly Change[], edit: { range: [number, number]; text: string }): Change[] {
  const [a, b] = edit.range;
  const before: Change[] = [];
  const touched: Change[] = [];
  const after: Change[] = [];
  let delta = 0;
  let deltaBefore = 0;
  for (const c of changes) {
    const cs = c.start + delta;
    const ce = cs + c.text.length;
    if (ce < a) {
      before.push(c);
      delta += c.text.length - (c.end - c.start);
      deltaBefore = delta;
    } else if (cs > b) after.push(c);
    else {
      touched.push(c);
      delta += c.text.length - (c.end - c.start);
    }
  }
  if (touched.length === 0) return [...before, { start: a - deltaBefore, end: b - deltaBefore, text: edit.text }, ...after];
  const last = touched[touched.length - 1];
  const start = Math.min(touched[0].start, a - deltaBefore);
  const end = Math.max(last.end, b - delta);
  // The current text of the input's [start, end): the touched changes' texts and the unchanged input between them.
  let region = input.slice(start, touched[0].start);
  touched.forEach((c, k) => {
    region += c.text + input.slice(c.end, k + 1 < touched.length ? touched[k + 1].start : end);
  });
  const curStart = start + deltaBefore;
  const text = region.slice(0, a - curStart) + edit.text + region.slice(b - curStart);
  return [...before, { start, end, text }, ...after];
}

/** The input with its changes made (what `compose` keeps track of). */
export function applyChanges(input: string, changes: readonly Change[]): string {
  let out = '';
  let pos = 0;
  for (const c of changes) {
    out += input.slice(pos, c.start) + c.text;
    pos = c.end;
  }
  return out + input.slice(pos);
}
