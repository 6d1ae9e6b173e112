import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { WorkerAnswer, WorkerRequest } from './protocol';

/** A request dropped because the lint thread was restarted (a configuration file changed) or stopped. */
export class WorkerRestarted extends Error {}

/**
 * The protocol thread's side of the lint thread: requests are answered by promises. The thread starts on the
 * first request; `restart()` replaces it, which also forgets every configuration file and rule it had read.
 * A thread that dies is replaced on the next request.
 */
export class LintWorker {
  #worker: Worker | undefined;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  #next = 1;

  constructor(private readonly log: (message: string) => void) {}

  request<T>(request: WorkerRequest): Promise<T> {
    const worker = this.#ensure();
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  }

  restart(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#rejectAll(new WorkerRestarted('restarted'));
    void worker?.terminate();
  }

  stop(): Promise<unknown> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#rejectAll(new WorkerRestarted('stopped'));
    return worker ? worker.terminate() : Promise.resolve();
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const { Worker } = require('worker_threads') as typeof import('worker_threads');
    const worker = new Worker(path.join(__dirname, 'lint-worker.js'));
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = this.#pending.get(answer.id);
      if (!waiting) return;
      this.#pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.error));
    });
    const gone = (reason: string) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.log(`ecslint: the lint thread ${reason}; it starts again with the next request.`);
      this.#rejectAll(new WorkerRestarted(reason));
    };
    worker.on('error', (err) => gone(`failed: ${err.message}`));
    worker.on('exit', (code) => gone(`exited (${code})`));
    this.#worker = worker;
    return worker;
  }

  #rejectAll(err: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(err);
  }
}
