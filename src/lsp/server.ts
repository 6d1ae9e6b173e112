/**
 * `ecslint lsp`: a Language Server Protocol server over standard input and output. It lints each open
 * document's text as the command line would lint a file of that name (configuration discovered from the
 * document's folder, presets, the docs profile, suppressions), publishes the findings as diagnostics, offers
 * each finding's fix and suppression as code actions, and explains a rule on hover. Linting runs on a worker
 * thread (lint-worker.ts), after a short debounce (scheduler.ts), so the server keeps answering while a large
 * template is linted.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CodeAction, Connection, Diagnostic, Hover, InitializeParams, InitializeResult, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument as TextDocumentType } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES } from '../config/load';
import { version } from '../index';
import { builtInRules } from '../engine/registry';
import { DEFAULT_EXTENSIONS } from '../files/expand';
import type { Finding } from '../model/finding';
import { resourceOf, suppressionEdit } from './actions';
import { bomShift, contains, findingRange, intersects, sameRange, syntaxOf, toDiagnostic } from './diagnostics';
import type { LintReply, OffsetEdit } from './protocol';
import { LintScheduler } from './scheduler';
import { LintWorker, WorkerRestarted } from './worker-client';

/** How long typing must pause before a lint starts; `initializationOptions.debounceMs` changes it. */
export const DEFAULT_DEBOUNCE_MS = 150;

const FIX_ALL_KIND = 'source.fixAll.ecslint';
const QUICKFIX = 'quickfix';

/** What was last published for a document: the findings of one version of its text. */
interface Published {
  version: number;
  findings: Finding[];
}

/** The document's path for configuration discovery: its file, or a name in the working folder for an unsaved buffer. */
export function documentPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // not a local file URI
    }
  }
  const name =
    decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/[?#].*$/, ''))
      .split('/')
      .pop() || 'untitled';
  return path.join(process.cwd(), name);
}

/** Whether ecslint reads documents of this name: the extensions it lints in folders, or no extension (an unsaved buffer). */
function lintable(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '' || DEFAULT_EXTENSIONS.includes(ext);
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const lsp = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  const connection = lsp.createConnection(input, output);
  const documents = new lsp.TextDocuments<TextDocumentType>(TextDocument);
  const worker = new LintWorker((message) => connection.console.error(message));
  const published = new Map<string, Published>();
  const seen = new Set<string>();
  const shownProblems = new Set<string>();
  const documented = new Set(builtInRules().map((r) => r.id));
  let useDocumentChanges = false;
  let canResolveEdits = false;
  let watchesFiles = false;

  const lintDocument = async (uri: string, doc: { version: number; text: string }): Promise<LintReply> => {
    const filePath = documentPath(uri);
    if (!lintable(filePath)) return { findings: [] };
    return worker.request<LintReply>({ kind: 'lint', filePath, text: doc.text });
  };

  const publish = (uri: string, version: number, reply: LintReply): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    const shift = bomShift(doc.getText());
    const diagnostics: Diagnostic[] = reply.findings.map((f) => toDiagnostic(f, shift, (id) => documented.has(id)));
    if (reply.configError) {
      const e = reply.configError;
      const message = `ecslint could not read its configuration: ${e.file}:${e.line}:${e.column}: ${e.reason}`;
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: 'config-error', source: 'ecslint', message });
      if (!shownProblems.has(message)) {
        shownProblems.add(message);
        void connection.window.showErrorMessage(message);
      }
    }
    if (reply.failure) connection.console.error(`ecslint failed on ${uri}: ${reply.failure}`);
    published.set(uri, { version, findings: reply.findings });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const makeScheduler = (delay: number) =>
    new LintScheduler<LintReply>(
      (uri) => {
        const doc = documents.get(uri);
        return doc ? { version: doc.version, text: doc.getText() } : undefined;
      },
      lintDocument,
      publish,
      (uri, err) => {
        if (!(err instanceof WorkerRestarted)) connection.console.error(`ecslint: linting ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      },
      delay,
    );
  let active = makeScheduler(DEFAULT_DEBOUNCE_MS);

  /** A configuration file changed: forget what the lint thread read, and lint every open document again. */
  const configurationChanged = () => {
    worker.restart();
    shownProblems.clear();
    active.all(documents.keys());
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof options?.debounceMs === 'number' && options.debounceMs >= 0) active = makeScheduler(options.debounceMs);
    const caps = params.capabilities;
    useDocumentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    canResolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    watchesFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICKFIX, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
      },
      serverInfo: { name: 'ecslint', version: version() },
    };
  });

  connection.onInitialized(() => {
    if (!watchesFiles) return;
    void connection.client.register(lsp.DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }],
    });
  });

  connection.onDidChangeWatchedFiles(() => configurationChanged());

  documents.onDidChangeContent(({ document }) => {
    // The first content of a document is its opening: lint it at once; later ones wait for typing to pause.
    if (seen.has(document.uri)) active.changed(document.uri);
    else {
      seen.add(document.uri);
      active.now(document.uri);
    }
  });

  documents.onDidSave(({ document }) => {
    // Clients that do not watch files still tell us when a configuration file open in the editor is saved.
    if (CONFIG_NAMES.includes(path.basename(documentPath(document.uri)))) configurationChanged();
  });

  documents.onDidClose(({ document }) => {
    seen.delete(document.uri);
    active.closed(document.uri);
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** The findings published for the document's current text; none when the text has moved on since. */
  const currentFindings = (doc: TextDocumentType): Finding[] => {
    const p = published.get(doc.uri);
    return p && p.version === doc.version ? p.findings : [];
  };

  const workspaceEdit = (doc: TextDocumentType, edits: TextEdit[]): WorkspaceEdit =>
    useDocumentChanges ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };

  /** An edit given in offsets of the text after a byte-order mark, as an LSP text edit. */
  const textEdit = (doc: TextDocumentType, edit: OffsetEdit): TextEdit => {
    const shift = bomShift(doc.getText());
    return { range: { start: doc.positionAt(edit.start + shift), end: doc.positionAt(edit.end + shift) }, newText: edit.text };
  };

  const wanted = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const shift = bomShift(doc.getText());
    const findings = currentFindings(doc);
    const actions: CodeAction[] = [];
    const text = doc.getText();
    const filePath = documentPath(doc.uri);
    const syntax = syntaxOf(filePath, text);
    if (wanted(only, QUICKFIX)) {
      // The findings under the cursor or selection, and those the client names (Neovim sends the line's diagnostics).
      const named = params.context.diagnostics.filter((d) => d.source === 'ecslint');
      const here = findings.filter((f) => {
        const r = findingRange(f, shift);
        return intersects(r, params.range) || named.some((d) => d.code === f.ruleId && sameRange(d.range, r));
      });
      for (const f of here) {
        const diagnostic = toDiagnostic(f, shift, (id) => documented.has(id));
        if (f.fix) {
          actions.push({
            title: `ecslint: ${f.fix.description}`,
            kind: QUICKFIX,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: workspaceEdit(doc, [textEdit(doc, { start: f.fix.range[0], end: f.fix.range[1], text: f.fix.text })]),
          });
        }
        const comment = suppressionEdit(text, syntax, f);
        if (comment) {
          // Offsets of the editor's text, byte-order mark included.
          const edit: TextEdit = { range: { start: doc.positionAt(comment.start), end: doc.positionAt(comment.end) }, newText: comment.text };
          actions.push({ title: `ecslint: suppress ${f.ruleId} on this line`, kind: QUICKFIX, diagnostics: [diagnostic], edit: workspaceEdit(doc, [edit]) });
        }
        const resource = resourceOf(f);
        if (resource) {
          const edit = await worker
            .request<OffsetEdit | null>({
              kind: 'ignore-in-metadata',
              text,
              json: syntax === 'json',
              resourcePath: resource,
              ruleId: f.ruleId,
              ...(f.document !== undefined ? { document: f.document } : {}),
            })
            .catch(() => null);
          if (edit) {
            actions.push({
              title: `ecslint: ignore ${f.ruleId} in ${resource[1]}'s Metadata.ecslint.ignore`,
              kind: QUICKFIX,
              diagnostics: [diagnostic],
              edit: workspaceEdit(doc, [textEdit(doc, edit)]),
            });
          }
        }
      }
      // Fixing the whole file takes a few lints: offered here only to clients that ask for the edit when chosen.
      if (canResolveEdits && findings.some((f) => f.fix) && here.some((f) => f.fix)) {
        actions.push({ title: 'ecslint: fix all auto-fixable problems in this file', kind: QUICKFIX, data: { fixAll: doc.uri, version: doc.version } });
      }
    }
    if (only && only.some((k) => wanted([k], FIX_ALL_KIND) || FIX_ALL_KIND.startsWith(k + '.')) && findings.some((f) => f.fix)) {
      const edits = await worker.request<OffsetEdit[]>({ kind: 'fix-all', filePath, text }).catch(() => []);
      if (edits.length > 0)
        actions.push({
          title: 'ecslint: fix all auto-fixable problems',
          kind: FIX_ALL_KIND,
          edit: workspaceEdit(
            doc,
            edits.map((e) => textEdit(doc, e)),
          ),
        });
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action): Promise<CodeAction> => {
    const data = action.data as { fixAll?: string; version?: number } | undefined;
    const doc = data?.fixAll ? documents.get(data.fixAll) : undefined;
    if (!doc || doc.version !== data?.version) return action;
    const edits = await worker.request<OffsetEdit[]>({ kind: 'fix-all', filePath: documentPath(doc.uri), text: doc.getText() }).catch(() => []);
    return {
      ...action,
      edit: workspaceEdit(
        doc,
        edits.map((e) => textEdit(doc, e)),
      ),
    };
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const shift = bomShift(doc.getText());
    const here = currentFindings(doc).filter((f) => contains(findingRange(f, shift), params.position));
    if (here.length === 0) return null;
    const ids = [...new Set(here.map((f) => f.ruleId))];
    const texts = await Promise.all(ids.map((id) => worker.request<string>({ kind: 'explain', ruleId: id }).catch(() => `ecslint \`${id}\``)));
    return { contents: { kind: 'markdown', value: texts.join('\n\n---\n\n') }, range: findingRange(here[0], shift) };
  });

  connection.onShutdown(async () => {
    await worker.stop();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
