/** A worker thread of a parallel run (see parallel.ts): claim and lint files, post the outcomes, count itself finished. */
import { workerData } from 'worker_threads';
import { claimAndLint, markFinished, WorkerReply, WorkerTask } from './parallel';
import type { FileOutcome } from './run-files';

const task = workerData as WorkerTask;
let reply: WorkerReply;
try {
  const outcomes: Array<[number, FileOutcome]> = [];
  claimAndLint(task, (i, outcome) => outcomes.push([i, outcome]));
  reply = { outcomes };
} catch (err) {
  reply = { error: (err as Error).message, stack: (err as Error).stack };
}
task.port.postMessage(reply);
task.port.close();
markFinished(task.counters);
