/** A worker thread of a parallel run (see parallel.ts): claim files, run the first pass, post the passes, count itself finished. */
import { workerData } from 'worker_threads';
import { ConfigError } from './config/load';
import { claimAndLint, markFinished, WorkerReply, WorkerTask } from './parallel';
import type { FirstPass } from './pipeline';

const task = workerData as WorkerTask;

async function work(): Promise<WorkerReply> {
  try {
    // The HCL parser loads asynchronously, once per thread: before any file is claimed, so that every pass is
    // synchronous. When it cannot load, each .tf file reports why.
    if (task.hcl) await (require('./load/terraform/load-parser') as typeof import('./load/terraform/load-parser')).loadHclParser().catch(() => undefined);
    let passes: Array<[number, FirstPass]> = [];
    // A file whose services wait for the run is loaded again on the main thread: units cannot cross threads.
    claimAndLint(
      task,
      (i, pass) => passes.push([i, pass.kind === 'waiting' ? { kind: 'waiting', families: pass.families, ...(pass.resources ? { resources: pass.resources } : {}) } : pass]),
      () => {
        // A batch at a time: the main thread delivers results as they come, and nothing piles up here.
        task.port.postMessage({ passes } satisfies WorkerReply);
        passes = [];
      },
    );
    return { done: true };
  } catch (err) {
    const config = err instanceof ConfigError ? { file: err.file, line: err.line, column: err.column, reason: err.reason } : undefined;
    return { error: (err as Error).message, stack: (err as Error).stack, ...(config ? { config } : {}) };
  }
}

void work().then((reply) => {
  task.port.postMessage(reply);
  task.port.close();
  markFinished(task.counters);
});
