/** A worker thread of a parallel run (see parallel.ts): claim files, run the first pass, post the passes, count itself finished. */
import { workerData } from 'worker_threads';
import { ConfigError } from './config/load';
import { claimAndLint, markFinished, WorkerReply, WorkerTask } from './parallel';
import type { FirstPass } from './pipeline';

const task = workerData as WorkerTask;
let reply: WorkerReply;
try {
  const passes: Array<[number, FirstPass]> = [];
  // A file whose services wait for the run is loaded again on the main thread: units cannot cross threads.
  claimAndLint(task, (i, pass) => passes.push([i, pass.kind === 'waiting' ? { kind: 'waiting', families: pass.families } : pass]));
  reply = { passes };
} catch (err) {
  const config = err instanceof ConfigError ? { file: err.file, line: err.line, column: err.column, reason: err.reason } : undefined;
  reply = { error: (err as Error).message, stack: (err as Error).stack, ...(config ? { config } : {}) };
}
task.port.postMessage(reply);
task.port.close();
markFinished(task.counters);
