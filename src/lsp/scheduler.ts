/**
 * When to lint an open document. A change waits a short debounce (typing resets it); a document has at most
 * one lint running, and a change during it starts one more when it ends; a result for a version the editor
 * has moved past is dropped, never published. So a burst of keystrokes costs one or two lints, and the
 * diagnostics shown always belong to the text they were computed on.
 */

export interface DocumentText {
  version: number;
  text: string;
}

interface State {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  again: boolean;
}

export class LintScheduler<T> {
  #states = new Map<string, State>();

  constructor(
    private readonly current: (uri: string) => DocumentText | undefined,
    private readonly lint: (uri: string, doc: DocumentText) => Promise<T>,
    private readonly publish: (uri: string, version: number, outcome: T) => void,
    private readonly onError: (uri: string, err: unknown) => void,
    private readonly debounceMs: number,
  ) {}

  /** A document was opened (or must be linted again now). */
  now(uri: string): void {
    this.#schedule(uri, 0);
  }

  /** A document changed. */
  changed(uri: string): void {
    this.#schedule(uri, this.debounceMs);
  }

  closed(uri: string): void {
    const state = this.#states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.#states.delete(uri);
  }

  /** Lint every open document again (a configuration file changed). */
  all(uris: Iterable<string>): void {
    for (const uri of uris) this.now(uri);
  }

  #schedule(uri: string, delay: number): void {
    let state = this.#states.get(uri);
    if (!state) this.#states.set(uri, (state = { running: false, again: false }));
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => void this.#start(uri), delay);
  }

  async #start(uri: string): Promise<void> {
    const state = this.#states.get(uri);
    if (!state) return;
    state.timer = undefined;
    if (state.running) {
      state.again = true;
      return;
    }
    const doc = this.current(uri);
    if (!doc) return;
    state.running = true;
    try {
      const outcome = await this.lint(uri, doc);
      // Stale: the editor has a newer text, whose lint is scheduled.
      if (this.current(uri)?.version === doc.version && this.#states.get(uri) === state) this.publish(uri, doc.version, outcome);
    } catch (err) {
      this.onError(uri, err);
    } finally {
      state.running = false;
      if (state.again && this.#states.get(uri) === state) {
        state.again = false;
        void this.#start(uri);
      }
    }
  }
}
