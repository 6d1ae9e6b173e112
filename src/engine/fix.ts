import type { Fix } from '../model/finding';
import { valueAt } from '../model/object';
import type { Segment } from '../model/path';
import type { RuleFix } from '../model/rule';
import type { SourceUnit } from '../model/unit';
import { applies } from './compile';
import { fillTemplate } from './message';
import { editAt, type EditOp, type EditTarget, type TextEdit } from '../load/edit';

/**
 * A rule's declared fix, made into an edit for one finding: at the finding's path, with the names as the file
 * writes them (CloudFormation's PascalCase through `unit.written`), and the quoting of the file's syntax. No fix
 * is offered where it would have to guess: a value that is not what the fix expects, a member reached through
 * an alias, a Terraform file (its names and syntax are not edited here), a text the YAML reader had to repair.
 */
export function fixFor(unit: SourceUnit, fix: RuleFix, path: readonly Segment[], data: Record<string, unknown>): Fix | undefined {
  if (unit.dialect === 'terraform' || unit.file.syntax === 'hcl' || unit.file.repaired) return undefined;
  if (fix.when && (!unit.target || !applies(fix.when, unit.target))) return undefined;
  if (fix.ifData && !Object.entries(fix.ifData).every(([k, v]) => data[k] === v)) return undefined;
  const written = unit.written(path);
  const name = written[written.length - 1];
  if (name === undefined) return undefined;
  const value = valueAt(unit.view, path);
  const planned = plan(fix, value, data, name);
  // A list item has no name to remove, rename or add: only its value can be rewritten.
  if (!planned || (typeof path[path.length - 1] === 'number' && planned.op.kind !== 'replace' && planned.op.kind !== 'quote')) return undefined;
  const target: EditTarget = {
    text: unit.file.text,
    syntax: unit.file.syntax,
    ...(unit.file.syntax === 'json' ? { json: unit.document } : { documentStart: unit.document.span.start }),
  };
  const edit = planned.op.kind === 'insert' ? editAt(target, written.slice(0, -1), planned.op) : editAt(target, written, planned.op);
  return edit ? toFix(unit, edit, planned.description) : undefined;
}

function plan(fix: RuleFix, value: unknown, data: Record<string, unknown>, name: string): { op: EditOp; description: string } | undefined {
  switch (fix.kind) {
    case 'remove':
      return value === undefined ? undefined : { op: { kind: 'remove' }, description: `Remove "${name}"` };
    case 'set': {
      const to = typeof fix.value === 'string' ? fillTemplate(fix.value, data) : fix.value;
      if (to === undefined || (typeof to === 'string' && /\{\{/.test(to))) return undefined;
      if (value === undefined) return { op: { kind: 'insert', key: name, value: to, after: INSERT_AFTER }, description: `Add "${name}": ${JSON.stringify(to)}` };
      if (fix.onlyIfMissing || typeof to !== 'string' || (value !== null && typeof value === 'object')) return undefined;
      return { op: { kind: 'replace', value: to }, description: `Set "${name}" to ${JSON.stringify(to)}` };
    }
    case 'rename-key': {
      const to = fillTemplate(fix.to ?? '', data);
      if (to === '' || /\{\{/.test(to) || to === name || value === undefined) return undefined;
      return { op: { kind: 'rename', to }, description: `Rename "${name}" to "${to}"` };
    }
    case 'quote-number':
      return typeof value === 'number' && Number.isInteger(value) ? { op: { kind: 'quote' }, description: `Write "${name}" as the string "${value}"` } : undefined;
    case 'enum-case': {
      if (typeof value !== 'string' || !Array.isArray(data.allowedValues)) return undefined;
      const same = (data.allowedValues as unknown[]).filter((a): a is string => typeof a === 'string' && a !== value && a.toLowerCase() === value.toLowerCase());
      return same.length === 1 ? { op: { kind: 'replace', value: same[0] }, description: `Write ${JSON.stringify(value)} as ${JSON.stringify(same[0])}` } : undefined;
    }
  }
}

/**
 * Where a new task-level member (networkMode) goes: after the members that RegisterTaskDefinition lists before
 * it, in their API and CloudFormation spellings; else before the first member.
 */
const INSERT_AFTER = ['executionRoleArn', 'ExecutionRoleArn', 'taskRoleArn', 'TaskRoleArn', 'family', 'Family', 'requiresCompatibilities', 'RequiresCompatibilities'];

function toFix(unit: SourceUnit, edit: TextEdit, description: string): Fix {
  const a = unit.file.lines.position(edit.start);
  const b = unit.file.lines.position(edit.end);
  return { description, range: [edit.start, edit.end], text: edit.text, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
