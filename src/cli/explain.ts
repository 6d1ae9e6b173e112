import { CORE_DIAGNOSTICS } from '../report/diagnostics';
import { PRESET_ORDER } from '../model/rule';
import { allRules, CheckDescription, describeCheck, describeSeed, Example, ruleInfo } from '../docs/rule-info';
import { ruleDocUrl } from '../model/project';
import { didYouMean } from '../model/rule-ids';
import { templateText } from '../engine/message';
import { selectorMembers, terraformName } from '../load/terraform/terraform-names';

const indent = (text: string, by: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '' : by + l))
    .join('\n');

function example(title: string, e: Example | undefined, missing: string): string {
  if (!e) return `${title}: ${missing}\n`;
  const flags = [e.launchType ? `--launch-type ${e.launchType}` : '', e.docs ? `--docs ${e.docs}` : ''].filter(Boolean).join(' ');
  let out = `${title} (${e.file}${flags ? `, linted with ${flags}` : ''}):\n\n${indent(e.text, '    ')}\n`;
  if (e.findings.length > 0) out += `\n  ecslint reports:\n${e.findings.map((f) => `    ${f.line}:${f.column}  ${f.message}\n`).join('')}`;
  return out;
}

function checkText(check: CheckDescription): string {
  const what = check.fn ? `with the function ${check.fn}${check.options ? ` ${JSON.stringify(check.options)}` : ''}` : `against the JSON Schema ${JSON.stringify(check.schema)}`;
  return `${check.given.join(', ')}${check.field ? ` (member ${check.field})` : ''} ${what}`;
}

/**
 * How the members a rule reads are written in Terraform, where the names differ from the API's: the
 * members its selectors name, those its schema requires or describes at the selected object, and a
 * function's `path` option.
 */
function terraformNames(check: CheckDescription, on: string | undefined): string | undefined {
  const resource = on === 'service' ? 'aws_ecs_service' : on === undefined || on === 'task-definition' ? 'aws_ecs_task_definition' : undefined;
  if (!resource) return undefined;
  const paths: string[][] = [];
  for (const selector of check.given) {
    const members = selectorMembers(selector);
    if (!members) continue;
    const below = [...(check.field ? [[check.field]] : []), ...schemaMembers(check.schema), ...optionPath(check.options)];
    if (members.length > 0) paths.push(members);
    for (const m of below) paths.push([...members, ...m]);
  }
  const pairs = new Set<string>();
  for (const members of paths) {
    const name = terraformName(resource, members);
    if (name && name !== members.join('.')) pairs.add(`${members.join('.')} is ${name}`);
  }
  return pairs.size > 0 ? `${[...pairs].join(', ')} (${resource})` : undefined;
}

function schemaMembers(schema: Record<string, unknown> | undefined): string[][] {
  if (!schema) return [];
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const properties = schema.properties !== null && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  return [...new Set([...required, ...properties])].map((m) => [m]);
}

function optionPath(options: Record<string, unknown> | undefined): string[][] {
  const p = options?.path;
  return Array.isArray(p) && p.every((s) => typeof s === 'string') ? [p as string[]] : [];
}

/** `ecslint explain <rule-id>`: the text to print, or the error to show when no rule has that id. */
export function explain(id: string): { text: string } | { error: string } {
  const rule = allRules().find((r) => r.id === id);
  if (!rule) {
    const core = CORE_DIAGNOSTICS[id];
    if (core) {
      return { text: `${id} (${core.severity}, in every preset)\n\n${core.description}\n\nReported by the loader, before any rule runs: it is about the file, not a task definition.\n` };
    }
    return { error: `Unknown rule "${id}".${didYouMean(id, [...allRules().map((r) => r.id), ...Object.keys(CORE_DIAGNOSTICS)])} Run "ecslint rules" for the list.` };
  }
  const info = ruleInfo(rule);
  const check = describeCheck(rule);
  let out = `${rule.id} (${rule.severity})\n`;
  out += `Presets: ${PRESET_ORDER.map((p) => `${p}: ${info.presets[p]}`).join(', ')}\n`;
  out += `Applies to: ${info.appliesWhen}\n\n`;
  out += `${rule.description}\n\n`;
  if (rule.remediation) out += `How to fix: ${rule.remediation}\n\n`;
  out += example('Bad', info.bad, 'no invalid fixture yet') + '\n';
  out += example('Good', info.good, 'no valid fixture yet') + '\n';
  out += `Checks: ${checkText(check)}\n`;
  const terraform = terraformNames(check, rule.on);
  if (terraform) out += `In Terraform: ${terraform}.\n`;
  out += `Message: ${templateText(rule.message)}\n`;
  const seed = describeSeed(rule);
  if (seed?.off) out += 'With --docs seed (the 2020 cheat sheet) the rule is off.\n';
  else if (seed) {
    if (seed.check) out += `\nWith --docs seed (the 2020 cheat sheet) it checks the seed's own limit:\n  Checks: ${checkText(seed.check)}\n`;
    if (seed.relaxed)
      out += `\nA limit of the seed that AWS has relaxed: AWS has accepted ${seed.relaxed.what} since ${seed.relaxed.since} (${seed.relaxed.url}). Under --docs current (the default) its findings are warnings; under --docs seed, errors.\n`;
  }
  out += `\nSource: ${rule.source}\n`;
  if (rule.url) out += `AWS documentation: ${rule.url}\n`;
  out += `Rule documentation: ${ruleDocUrl(rule.id)}\n`;
  return { text: out };
}
