/**
 * Message templates: `{{name}}` placeholders filled from a finding's data, quoted as values; and member names,
 * which a message writes as `{{name:networkMode}}` so that they read as the unit's author wrote them:
 * `networkMode` in an API task definition, `NetworkMode` in a CloudFormation template.
 *
 *   {{name:linuxParameters.devices}}  a member, found from the finding's place upward (the container, then the task)
 *   {{name:/executionRoleArn}}        a member of the unit itself, wherever the finding is
 *   {{name:$field}}                   a member named by the check's data (when the data is a member name)
 */

import { ordinal } from '../model/text';

/** Ordinals for messages live in the model, where the check functions can use them too. */
export { ordinal };

const MAX_VALUE = 80;

/** A value as a message shows it: JSON, cut short, without control characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'no value';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (text.length > MAX_VALUE) text = text.slice(0, MAX_VALUE - 1) + '…';
  return text;
}

/** How a member name is written in the unit: `fromRoot` anchors it at the unit, not at the finding's place. */
export type MemberNamer = (member: string, fromRoot: boolean) => string;

/** Renders a member as the API writes it: without a unit to ask, names stay as the template has them. */
const AS_WRITTEN: MemberNamer = (member) => member;

/** A member path as the data may carry it: `hostPort`, `healthCheck.interval`. */
const MEMBER_PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

const PLACEHOLDER = /\{\{\s*(?:name:(\/?)([$\w.]+)|(\w+))\s*\}\}/g;

/**
 * Messages written before `{{container}}` and `{{volume}}` named the item themselves ("the 2nd container (no
 * name)" has no quotes) read the same way: `Container "{{container}}"` is `{{container}}`.
 */
function modernise(template: string): string {
  return template.replace(/\b[Cc]ontainer "\{\{\s*container\s*\}\}"/g, '{{container}}').replace(/\b[Vv]olume \{\{\s*volume\s*\}\}/g, '{{volume}}');
}

export function fillTemplate(template: string, data: Record<string, unknown>, nameOf: MemberNamer = AS_WRITTEN): string {
  const modern = modernise(template);
  const filled = modern.replace(PLACEHOLDER, (whole, root: string | undefined, member: string | undefined, name: string | undefined) => {
    if (member !== undefined) {
      if (!member.startsWith('$')) return MEMBER_PATH.test(member) ? nameOf(member, root === '/') : whole;
      const v = data[member.slice(1)];
      if (typeof v !== 'string') return v === undefined ? whole : showValue(v);
      return MEMBER_PATH.test(v) ? nameOf(v, root === '/') : v;
    }
    if (!(name! in data)) return whole;
    const v = data[name!];
    // {{value}} is data from the file: always shown as JSON, so "host" and host cannot be confused.
    return typeof v === 'string' && name !== 'value' ? v : showValue(v);
  });
  // "{{container}} sets …" starts a sentence: "Container "web" sets …", "The 2nd container (no name) sets …".
  return /^\{\{\s*(container|volume)\s*\}\}/.test(modern) ? filled.charAt(0).toUpperCase() + filled.slice(1) : filled;
}

/** A template as documentation shows it: member names as the API writes them. */
export function templateText(template: string): string {
  return modernise(template).replace(/\{\{\s*name:\/?([\w.]+)\s*\}\}/g, '$1');
}

/** A member path as written, for a message: `PortMappings[0].HostPort`. */
export function showPath(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
