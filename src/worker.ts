/** A worker thread of a parallel run (see parallel.ts): claim and lint files, post the outcomes, count itself finished. */
import { workerData } from 'worker_threads';
import { ConfigError } from './config/load';
import { claimAndLint, markFinished, WorkerReply, WorkerTask } from './parallel';
import type { FileOutcome } from './run-files';

const task = workerData as WorkerTask;
let reply: WorkerReply;
try {
  const outcomes: Array<[number, FileOutcome]> = [];
  claimAndLint(task, (i, outcome) => outcomes.push([i, outcome]));
  reply = { outcomes };
} catch (err) {
  const config = err instanceof ConfigError ? { file: err.file, line: err.line, column: err.column, reason: err.reason } : undefined;
  reply = { error: (err as Error).message, stack: (err as Error).stack, ...(config ? { config } : {}) };
}
task.port.postMessage(reply);
task.port.close();
markFinished(task.counters);
