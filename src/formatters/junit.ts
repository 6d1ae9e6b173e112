import type { Finding, Report } from '../model/finding';
import { repositoryPath } from './paths';

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

/** The testcase of a file without findings: it passes, so the report shows that the file was checked. */
const CLEAN_CASE = 'ecslint';

function failureDetail(file: string, m: Finding): string {
  const where = m.taskDefinition ? ` in ${m.taskDefinition}` : '';
  return `${file}:${m.line}:${m.column}${where}: ${m.message} [${m.ruleId}]${m.path ? `\nat ${m.path}` : ''}`;
}

/**
 * JUnit XML as Jenkins (Surefire's schema) and GitLab read it: one testsuite per file, one testcase per finding
 * with the file (relative to the repository root) and the line, and one <failure> in it whose type is the
 * severity. CI servers show one failure per testcase, so findings never share one. Infos do not fail: their
 * testcase passes and carries the finding in <system-out>. A file without findings has one passing testcase.
 */
export function formatJunit(report: Report): string {
  let body = '';
  let tests = 0;
  let failures = 0;
  for (const r of report.results) {
    const file = repositoryPath(r.filePath, report.root);
    const failed = r.messages.filter((m) => m.severity !== 'info').length;
    const count = Math.max(1, r.messages.length);
    tests += count;
    failures += failed;
    body += `  <testsuite name="${xmlAttr(file)}" tests="${count}" failures="${failed}" errors="0" skipped="0">\n`;
    if (r.messages.length === 0) body += `    <testcase name="${CLEAN_CASE}" classname="${xmlAttr(file)}" file="${xmlAttr(file)}"/>\n`;
    for (const m of r.messages) {
      body += `    <testcase name="${xmlAttr(`${m.ruleId} ${m.line}:${m.column}`)}" classname="${xmlAttr(file)}" file="${xmlAttr(file)}" line="${m.line}">\n`;
      const detail = xmlText(failureDetail(file, m));
      if (m.severity === 'info') body += `      <system-out>${detail}</system-out>\n`;
      else body += `      <failure message="${xmlAttr(m.message)}" type="${m.severity}">${detail}</failure>\n`;
      body += `    </testcase>\n`;
    }
    body += `  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ecslint" tests="${tests}" failures="${failures}" errors="0">\n${body}</testsuites>\n`;
}
