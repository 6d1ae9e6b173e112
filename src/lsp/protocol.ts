import type { Finding } from '../model/finding';

/**
 * What the language server asks of its lint thread, and what it answers. Texts cross as strings; offsets in
 * answers count UTF-16 code units of the text after a byte-order mark, as findings do.
 */
export type WorkerRequest =
  /** Lint a document's text as a file of that path would be linted. */
  | { kind: 'lint'; filePath: string; text: string }
  /** Every fix `ecslint --fix` would make, as edits of the text. */
  | { kind: 'fix-all'; filePath: string; text: string }
  /** The edit that adds a rule to a CloudFormation resource's Metadata.ecslint.ignore. */
  | { kind: 'ignore-in-metadata'; text: string; json: boolean; resourcePath: string[]; ruleId: string; document?: number }
  /** Hover text for a rule: why it exists, and a good example. */
  | { kind: 'explain'; ruleId: string };

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface LintReply {
  findings: Finding[];
  /** The configuration ignores the file (ignorePatterns). */
  ignored?: boolean;
  /** The configuration file that applies is invalid: nothing was linted. */
  configError?: ConfigProblem;
  /** ecslint failed on the text (the findings hold an internal-error finding). */
  failure?: string;
}

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export type WorkerMessage = { id: number; request: WorkerRequest };
export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
