import type { FileResult, Finding, Report } from '../model/finding';

// XML 1.0 has no way to write these characters at all, not even as character references.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

const shown = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text content: terminal escapes dropped, characters XML cannot carry shown as `\uXXXX`, markup escaped, and
 * carriage returns written as references (a parser would turn a raw one into a line feed).
 */
export function xmlText(s: string): string {
  return s.replace(ANSI, '').replace(NOT_XML, shown).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; line breaks and tabs are written as references so parsers keep them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Findings that belong to no task definition (parse errors, duplicate keys) go to a testcase for the file itself. */
const FILE_CASE = '(file)';

interface TestCase {
  name: string;
  findings: Finding[];
}

function testCases(r: FileResult): TestCase[] {
  const cases = new Map<string, TestCase>();
  const caseFor = (name: string) => {
    let c = cases.get(name);
    if (!c) cases.set(name, (c = { name, findings: [] }));
    return c;
  };
  if (r.messages.some((m) => m.taskDefinition === undefined)) caseFor(FILE_CASE);
  for (const name of r.taskDefinitions ?? []) caseFor(name);
  for (const m of r.messages) caseFor(m.taskDefinition ?? FILE_CASE).findings.push(m);
  return [...cases.values()];
}

const where = (file: string, m: Finding) => `${file}:${m.line}:${m.column}`;

/**
 * JUnit XML, as CI servers show test reports: one testsuite per file, one testcase per task definition,
 * one <failure> per error finding. Warnings and infos do not fail a testcase; they are listed in its
 * <system-out>. Counts: `tests` testcases, `failures` testcases with at least one error.
 */
export function formatJunit(report: Report): string {
  let body = '';
  let tests = 0;
  let failures = 0;
  for (const r of report.results) {
    const cases = testCases(r);
    const failed = cases.filter((c) => c.findings.some((m) => m.severity === 'error')).length;
    tests += cases.length;
    failures += failed;
    body += `  <testsuite name="${xmlAttr(r.filePath)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n`;
    for (const c of cases) {
      const open = `    <testcase name="${xmlAttr(c.name)}" classname="${xmlAttr(r.filePath)}"`;
      if (c.findings.length === 0) {
        body += `${open}/>\n`;
        continue;
      }
      body += `${open}>\n`;
      for (const m of c.findings.filter((f) => f.severity === 'error')) {
        const detail = `${where(r.filePath, m)} ${m.message} [${m.ruleId}]${m.path ? `\nat ${m.path}` : ''}`;
        body += `      <failure message="${xmlAttr(m.message)}" type="${xmlAttr(m.ruleId)}">${xmlText(detail)}</failure>\n`;
      }
      const notes = c.findings.filter((f) => f.severity !== 'error');
      if (notes.length > 0) {
        const text = notes.map((m) => `${where(r.filePath, m)} ${m.severity}: ${m.message} [${m.ruleId}]`).join('\n');
        body += `      <system-out>${xmlText(text)}</system-out>\n`;
      }
      body += `    </testcase>\n`;
    }
    body += `  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ecslint" tests="${tests}" failures="${failures}" errors="0">\n${body}</testsuites>\n`;
}
