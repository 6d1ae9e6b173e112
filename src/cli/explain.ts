import { CORE_DIAGNOSTICS } from '../report/diagnostics';
import { PRESET_ORDER } from '../model/rule';
import { allRules, CheckDescription, describeCheck, describeSeed, Example, ruleInfo } from '../docs/rule-info';
import { ruleDocUrl } from '../model/project';
import { didYouMean } from '../model/rule-ids';
import { templateText } from '../engine/message';

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
