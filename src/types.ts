/** Shared vocabulary of the pipeline: paths -> files -> documents -> task definitions -> findings. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type LaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL';
export type DocsProfile = 'seed' | 'current';
export type Preset = 'recommended' | 'strict' | 'all';

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
  /** Family, CloudFormation logical id, or a placeholder naming the document. */
  taskDefinition?: string;
  /** Index of the YAML document in a multi-document file (0 for single documents). */
  document?: number;
}

export interface FileResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: Finding[];
  /** Names of the task definitions found in the file, in order (a report of one testcase each, as in JUnit). */
  taskDefinitions?: string[];
}

/** A half-open range of character offsets into the decoded text. */
export interface Span {
  start: number;
  end: number;
}
