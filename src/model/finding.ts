import type { Severity } from './basics';

/** One reported problem, addressed into the file as written. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON Pointer into the source document as written. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Family, CloudFormation logical id, Terraform resource, or a placeholder naming the document. */
  taskDefinition?: string;
  /** Index of the YAML document in a multi-document file (0 for single documents). */
  document?: number;
  /** For a service: the file that holds the task definition the rule read (the service's own file, or another file of the run). */
  linkedTaskDefinition?: string;
  /** A safe, mechanical edit that resolves the finding, when its rule declares one (see src/fix/). */
  fix?: Fix;
}

/**
 * One text edit: replace the characters from `range[0]` to `range[1]` of the file's text with `text`. Offsets
 * count UTF-16 code units of the decoded text (a byte-order mark is not counted); the same range is given in
 * 1-based lines and columns (end column exclusive), as findings are.
 */
export interface Fix {
  /** What the edit does, in a few words: `Remove "hostPort"`. */
  description: string;
  range: [number, number];
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: Finding[];
  /** Names of the task definitions (and other units) found in the file, in order. */
  taskDefinitions?: string[];
}

/** What a report format may say about a rule beyond its findings (SARIF's tool.driver.rules). */
export interface RuleMeta {
  id: string;
  /** The rule's default severity. */
  severity: Severity;
  description: string;
  remediation?: string;
  /** The rule's documentation page. */
  helpUri?: string;
}

/** Everything a formatter needs: formatters are pure functions of it. */
export interface Report {
  results: FileResult[];
  /** The rules that can appear in the report, for formats that describe them. */
  rules: RuleMeta[];
  tool: { name: string; version: string; informationUri: string };
  /** Relative paths in machine formats are written against this folder (the repository root in CI). */
  root: string;
}

/** A file's result with its counts, from its (already sorted) findings. */
export function fileResult(filePath: string, messages: Finding[], taskDefinitions?: string[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { ...(taskDefinitions && taskDefinitions.length > 0 ? { taskDefinitions } : {}), filePath, errorCount, warningCount, infoCount, messages };
}
