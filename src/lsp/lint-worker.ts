/**
 * The language server's lint thread: every lint, fix and explanation runs here, so that the protocol thread
 * stays free to take the editor's messages while a large file is linted. Requests are answered in order.
 */
import { parentPort } from 'worker_threads';
import * as path from 'path';
import { ConfigError } from '../config/load';
import { lintBuffer } from '../index';
import { fixText } from '../fix/apply';
import { editAt, type EditTarget } from '../load/edit';
import { parseJson } from '../load/parse-json';
import { explainMarkdown } from './explain';
import type { LintReply, OffsetEdit, WorkerAnswer, WorkerMessage, WorkerRequest } from './protocol';

const port = parentPort!;

/**
 * Terraform files need the HCL parser, whose set-up is asynchronous; it starts once, now, and only `.tf`
 * documents wait for it. Without the parser (an optional dependency) they are linted as the library can.
 */
const hclReady: Promise<void> = (async () => {
  try {
    const { loadHclParser } = require('../load/terraform/load-parser') as typeof import('../load/terraform/load-parser');
    await loadHclParser();
  } catch {
    // Not installed, or not loadable on this platform: Terraform files get what the loader does without it.
  }
})();

const BOM = '\ufeff';

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function lint(filePath: string, text: string): LintReply {
  try {
    const result = lintBuffer(Buffer.from(text, 'utf8'), { filePath });
    if (!result) return { findings: [], ignored: true };
    // An editor opens many files that are not ECS definitions, and new ones start empty: say nothing about them.
    const recognised = (result.taskDefinitions?.length ?? 0) > 0;
    return { findings: result.messages.filter((m) => recognised || m.ruleId !== 'unrecognised-document') };
  } catch (err) {
    if (err instanceof ConfigError) return { findings: [], configError: { file: err.file, line: err.line, column: err.column, reason: err.reason } };
    const error = err instanceof Error ? err : new Error(String(err));
    return {
      findings: [
        {
          ruleId: 'internal-error',
          severity: 'error',
          message: `ecslint failed on this text: ${error.message}.`,
          path: '',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
        },
      ],
      failure: error.stack ?? error.message,
    };
  }
}

function fixAll(filePath: string, text: string): OffsetEdit[] {
  const outcome = fixText(withoutBom(text), (t) => lintBuffer(Buffer.from(t, 'utf8'), { filePath }));
  return outcome.changes.map((c) => ({ start: c.start, end: c.end, text: c.text }));
}

/**
 * `Metadata: { ecslint: { ignore: [...] } }` on the resource: the rule is added to the list when there is one,
 * else the missing levels are added, each in the file's own syntax and layout.
 */
function ignoreInMetadata(request: Extract<WorkerRequest, { kind: 'ignore-in-metadata' }>): OffsetEdit | undefined {
  const text = withoutBom(request.text);
  const target: EditTarget = request.json ? { text, syntax: 'json', json: parseJson(text) } : { text, syntax: 'yaml', documentIndex: request.document ?? 0 };
  const at = request.resourcePath;
  return (
    editAt(target, [...at, 'Metadata', 'ecslint', 'ignore'], { kind: 'append', value: request.ruleId }) ??
    editAt(target, [...at, 'Metadata', 'ecslint'], { kind: 'insert', key: 'ignore', value: [request.ruleId] }) ??
    editAt(target, [...at, 'Metadata'], { kind: 'insert', key: 'ecslint', value: { ignore: [request.ruleId] } }) ??
    editAt(target, at, { kind: 'insert', key: 'Metadata', value: { ecslint: { ignore: [request.ruleId] } }, after: ['Type'] })
  );
}

async function answer(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'lint':
      if (path.extname(request.filePath).toLowerCase() === '.tf') await hclReady;
      return lint(request.filePath, request.text);
    case 'fix-all':
      if (path.extname(request.filePath).toLowerCase() === '.tf') await hclReady;
      return fixAll(request.filePath, request.text);
    case 'ignore-in-metadata':
      return ignoreInMetadata(request) ?? null;
    case 'explain':
      return explainMarkdown(request.ruleId);
  }
}

// One request at a time, in order: a lint is synchronous, and a later request must not overtake it.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: WorkerMessage) => {
  queue = queue.then(async () => {
    let reply: WorkerAnswer;
    try {
      reply = { id: message.id, ok: true, value: await answer(message.request) };
    } catch (err) {
      reply = { id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
});
