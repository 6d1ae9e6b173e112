import * as path from 'path';
import { ConfigError } from './config/load';
import type { FileEntry } from './files/expand';
import type { FileResult } from './model/finding';
import { collect, FirstPass, firstPass, InOrder, RunOutcome, RunSettings } from './pipeline';

/**
 * Below this many files, starting a worker costs more than it saves. A worker loads the bundle, the rules and
 * the validators, and warms up its own JIT; on a 2-core machine the one-thread run already keeps the second
 * core partly busy with garbage collection and compilation. Measured with 2 threads against one (the median
 * of 3 paired runs each, the benchmark's generated files; 2026-12-02, 2-core AMD EPYC, Node 20): 1,000 files
 * 1.27× (slower), 3,000 files 1.01× idle / 0.93× with every core busy, 5,000 files 0.96× / 0.90×,
 * 10,000 files 0.88× / 0.82×. Threads start only where they win idle as well as loaded.
 */
export const PARALLEL_THRESHOLD = 5000;

/** What a worker is given (workerData) and sends back. */
export interface WorkerTask {
  files: FileEntry[];
  settings: RunSettings;
  /** The run holds .tf files: the worker loads the HCL parser before it claims any file. */
  hcl: boolean;
  port: import('worker_threads').MessagePort;
  /** [next file to claim, workers finished, files done]: shared by every thread of the run. */
  counters: Int32Array;
}
/** A worker posts its passes a batch at a time as it goes, then `done` (or the error that stopped it). */
export type WorkerReply = { passes: Array<[number, FirstPass]> } | { done: true } | { error: string; stack?: string; config?: { file: string; line: number; column: number; reason: string } };

/** Files claimed at a time: small enough to balance the threads, large enough to keep claiming cheap. */
const BATCH = 8;
const NEXT = 0;
const FINISHED = 1;
const DONE = 2;

/**
 * How long the run waits for the workers without any of them finishing a file before it lints what they left
 * on this thread. A file's first pass is bounded (parsers' node and token budgets, capped condition scenarios:
 * the benchmark's hostile files take under a second each), so a minute without progress means a worker that
 * failed to start or died, and never a slow file.
 */
const STALL_MS = 60_000;

/** While this thread waits, how often it takes the workers' passes off their ports (and delivers what is final). */
const DRAIN_MS = 20;

/** Claim batches of files until none is left, running the first pass on each; the same loop runs on every thread. */
export function claimAndLint(task: Pick<WorkerTask, 'files' | 'settings' | 'counters'>, each: (index: number, pass: FirstPass) => void, batchDone?: () => void): void {
  for (;;) {
    const start = Atomics.add(task.counters, NEXT, BATCH);
    if (start >= task.files.length) return;
    for (let i = start; i < Math.min(start + BATCH, task.files.length); i++) {
      each(i, firstPass(task.files[i], task.settings));
      Atomics.add(task.counters, DONE, 1);
    }
    batchDone?.();
  }
}

export function markFinished(counters: Int32Array): void {
  Atomics.add(counters, FINISHED, 1);
  Atomics.notify(counters, FINISHED);
}

/**
 * Threads to use for a run of `count` files, counting this one. A number is the user's choice (never more
 * threads than batches of files); 'auto' is one per core for large runs, none for small ones.
 */
export function threadsFor(count: number, requested: number | 'auto' = 'auto'): number {
  if (requested !== 'auto') return Math.max(1, Math.min(Math.floor(requested), Math.ceil(count / BATCH)));
  if (count < PARALLEL_THRESHOLD) return 1;
  // Loaded only for a run large enough to use threads.
  const os = require('os') as typeof import('os');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cores < 2) return 1;
  return Math.min(cores, 8, Math.ceil(count / (PARALLEL_THRESHOLD / 2)));
}

/**
 * Lint files on several threads and return the run's outcome in the files' order. This thread takes a
 * share too; the others are worker threads, which post their passes a batch at a time. The call stays
 * synchronous: this thread takes the passes off the workers' ports between its own files, then waits on a
 * shared counter, looking at the ports every few milliseconds, until every worker is done. With `hcl`,
 * every worker loads the HCL parser first (this thread must have loaded it already).
 */
export function lintInThreads(files: FileEntry[], settings: RunSettings, threads: number, onProgress?: (done: number, total: number) => void, hcl = false): RunOutcome {
  return collect(files, firstPassesInThreads(files, settings, threads, onProgress, hcl), settings);
}

/**
 * The first pass of every file, on several threads; see lintInThreads. With `deliver`, results are handed
 * over in the order of the files as soon as they are final, as firstPassesInSequence does on one thread.
 */
export function firstPassesInThreads(
  files: FileEntry[],
  settings: RunSettings,
  threads: number,
  onProgress?: (done: number, total: number) => void,
  hcl = false,
  deliver?: (result: FileResult) => void,
  // What the tests change to see a worker that dies: its script, and how long a stall lasts.
  stall: { workerFile?: string; ms?: number } = {},
): FirstPass[] {
  const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads') as typeof import('worker_threads');
  const counters = new Int32Array(new SharedArrayBuffer(12));
  const workers = Array.from({ length: threads - 1 }, () => {
    const { port1, port2 } = new MessageChannel();
    const task: WorkerTask = { files, settings, hcl, port: port2, counters };
    const worker = new Worker(stall.workerFile ?? path.join(__dirname, 'worker.js'), { workerData: task, transferList: [port2] });
    worker.unref();
    return { worker, port: port1, done: false, error: undefined as Extract<WorkerReply, { error: string }> | undefined };
  });

  const passes: FirstPass[] = new Array(files.length);
  const inOrder = deliver && new InOrder(deliver);
  let next = 0;
  /** Take what the workers have posted; deliver what is now final in the order of the files. */
  const drain = () => {
    for (const w of workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const message = m.message as WorkerReply;
        if ('passes' in message) for (const [i, pass] of message.passes) passes[i] = pass;
        else if ('done' in message) w.done = true;
        else w.error = message;
      }
    }
    if (inOrder) for (; next < files.length && passes[next] !== undefined; next++) passes[next] = inOrder.take(passes[next]);
  };

  // This thread works too, from the first file, while the workers start.
  claimAndLint(
    { files, settings, counters },
    (i, pass) => {
      passes[i] = pass;
      onProgress?.(Math.min(files.length, Atomics.load(counters, NEXT)), files.length);
    },
    drain,
  );

  // Wait for the workers while they make progress; a worker that failed to start or died leaves its files to this thread.
  let done = Atomics.load(counters, DONE);
  let progressAt = Date.now();
  while (Atomics.load(counters, FINISHED) < workers.length) {
    Atomics.wait(counters, FINISHED, Atomics.load(counters, FINISHED), DRAIN_MS);
    drain();
    const now = Atomics.load(counters, DONE);
    if (now !== done) [done, progressAt] = [now, Date.now()];
    else if (Date.now() - progressAt > (stall.ms ?? STALL_MS)) break;
  }
  drain();
  for (const w of workers) {
    w.port.close();
    if (w.error) {
      // A configuration mistake met on a worker is the same usage error as on this thread.
      const e = w.error;
      if (e.config) throw new ConfigError(e.config.file, e.config.line, e.config.column, e.config.reason);
      throw Object.assign(new Error(e.error), { stack: e.stack ?? e.error });
    }
    if (!w.done) void w.worker.terminate();
  }
  for (let i = 0; i < files.length; i++) if (passes[i] === undefined) passes[i] = firstPass(files[i], settings);
  drain();
  onProgress?.(files.length, files.length);
  return passes;
}
