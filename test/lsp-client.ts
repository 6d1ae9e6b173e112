/** A language client for the tests: `ecslint lsp` as a child process, spoken to over JSON-RPC as an editor would. */
import { ChildProcess, spawn } from 'child_process';
import { BIN } from './support';

const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
export interface PublishDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> };
  data?: unknown;
}

/** Guards against a server that never answers; no test asserts on time. */
const GIVE_UP_MS = 30000;
/** No server outlives this, whatever a test does: a hung child must not hold up the run. */
const LIFETIME_MS = 180000;

export class LspClient {
  readonly published: PublishDiagnostics[] = [];
  readonly stderr: string[] = [];
  #waiters: Array<{ test: (p: PublishDiagnostics) => boolean; resolve: (p: PublishDiagnostics) => void }> = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: import('vscode-jsonrpc/node').MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnostics) => {
      this.published.push(p);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  static start(options: { cwd?: string } = {}): LspClient {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const watchdog = setTimeout(() => child.kill('SIGKILL'), LIFETIME_MS);
    watchdog.unref();
    child.on('exit', () => clearTimeout(watchdog));
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    return client;
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: Record<string, unknown>): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      ...(initializationOptions ? { initializationOptions } : {}),
    });
    this.notify('initialized', {});
    return result;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${GIVE_UP_MS} ms; stderr: ${this.stderr.join('')}`)), GIVE_UP_MS);
    });
    return Promise.race([this.connection.sendRequest(method, params) as Promise<T>, giveUp]).finally(() => clearTimeout(timer));
  }

  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  open(uri: string, text: string, languageId = 'json', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  replace(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The next diagnostics for `uri` that pass `test` (already published ones count when `fromIndex` says so). */
  diagnostics(uri: string, test: (p: PublishDiagnostics) => boolean = () => true, fromIndex = this.published.length): Promise<PublishDiagnostics> {
    const seen = this.published.slice(fromIndex).find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} matched within ${GIVE_UP_MS} ms; stderr: ${this.stderr.join('')}`)), GIVE_UP_MS);
      this.#waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      this.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the server did not exit within ${GIVE_UP_MS} ms of "exit"`)), GIVE_UP_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.stdin!.destroy();
    this.child.kill();
  }
}

/** Offset of an LSP position in a text (UTF-16 columns, lines ending at \n). */
export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return offset + p.character;
}

/** Apply LSP text edits (non-overlapping, as servers send them) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** The edits of a code action for one document. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.find((d) => d.textDocument.uri === uri)?.edits ?? [];
}
