/**
 * `ecslint lsp`, tested as a client uses it: the server runs as a child process and is spoken to over
 * JSON-RPC (initialize, didOpen, didChange, publishDiagnostics, codeAction, hover, shutdown, exit).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyEdits, CodeAction, editsOf, LspClient, PublishDiagnostics } from './lsp-client';

const api = require('../dist/src/index') as typeof import('../src/index');
const { fixText } = require('../dist/src/fix/apply') as typeof import('../src/fix/apply');

let dir: string;
let client: LspClient;

beforeEach(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-lsp-')));
  client = LspClient.start({ cwd: dir });
});

afterEach(() => {
  client.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file in the test folder (configuration discovery starts there), and its URI. */
function file(name: string, text: string): { path: string; uri: string; text: string } {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return { path: p, uri: pathToFileURL(p).href, text };
}

const FARGATE_TD = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": 256,
  "memory": "512",
  "revision": 3,
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "essential": true,
      "privileged": true,
      "memoryReservaton": 128,
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } }
    }
  ],
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec"
}
`;

const FARGATE_YAML = `# the web task
family: web
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: '256'
memory: '512'
executionRoleArn: arn:aws:iam::123456789012:role/exec
containerDefinitions:
  - name: web
    image: nginx:1.27
    essential: true
    privileged: true
    logConfiguration:
      logDriver: awslogs
      options: {awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: web}
revision: 3
`;

/** The strict preset: more findings on the template's resource. */
const STRICT = 'extends: [ecslint:strict]\n';

const TEMPLATE = `Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Privileged: true
          LogConfiguration:
            LogDriver: awslogs
            Options: {awslogs-group: g, awslogs-region: us-east-1, awslogs-stream-prefix: web}
`;

/** What the CLI reports for the same text under the same name, as the diagnostics should say it. */
function expectedDiagnostics(filePath: string, text: string) {
  const result = api.lintBuffer(Buffer.from(text), { filePath })!;
  return result.messages.map((m) => ({
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    severity: { error: 1, warning: 2, info: 3 }[m.severity],
    code: m.ruleId,
    codeDescription: { href: `https://github.com/ecslint/ecslint/blob/main/docs/rules/${m.ruleId}.md` },
    source: 'ecslint',
    message: m.message,
  }));
}

const codes = (p: PublishDiagnostics) => p.diagnostics.map((d) => d.code);

async function actionsAt(uri: string, line: number, only?: string[]): Promise<CodeAction[]> {
  const range = { start: { line, character: 0 }, end: { line, character: 200 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
}

/** Apply a code action's edit in the "editor", send the new text, and return its diagnostics. */
async function apply(doc: { uri: string; text: string }, action: CodeAction, version: number): Promise<{ text: string; published: PublishDiagnostics }> {
  const text = applyEdits(doc.text, editsOf(action, doc.uri));
  const waiting = client.diagnostics(doc.uri, (p) => p.version === version);
  client.replace(doc.uri, version, text);
  return { text, published: await waiting };
}

test('initialize: incremental sync, code actions (quick fixes and fix-all), hover', async () => {
  const { capabilities } = await client.initialize();
  expect(capabilities).toMatchObject({
    textDocumentSync: { openClose: true, change: 2 },
    codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.ecslint'], resolveProvider: true },
    hoverProvider: true,
  });
});

test('didOpen: the findings the CLI gives on the same text, with exact ranges, the rule id as code and a link to its docs', async () => {
  await client.initialize();
  for (const doc of [file('td.json', FARGATE_TD), file('td.yaml', FARGATE_YAML), file('stack.yaml', TEMPLATE)]) {
    const published = client.diagnostics(doc.uri);
    client.open(doc.uri, doc.text, doc.path.endsWith('json') ? 'json' : 'yaml');
    const p = await published;
    expect(p.version).toBe(1);
    expect(p.diagnostics).toEqual(expectedDiagnostics(doc.path, doc.text));
    expect(codes(p)).toContain('fargate-no-privileged');
  }
});

test('didChange: the unsaved text is linted again, and the diagnostics name its version', async () => {
  await client.initialize();
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  expect(codes(await client.diagnostics(doc.uri, (p) => p.version === 1))).toContain('fargate-no-privileged');
  // An incremental change: `"privileged": true,` becomes `"privileged": false,`.
  const line = doc.text.split('\n').findIndex((l) => l.includes('"privileged"'));
  const character = doc.text.split('\n')[line].indexOf('true');
  const waiting = client.diagnostics(doc.uri, (p) => p.version === 2);
  client.notify('textDocument/didChange', {
    textDocument: { uri: doc.uri, version: 2 },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 4 } }, text: 'false' }],
  });
  const p = await waiting;
  expect(codes(p)).not.toContain('fargate-no-privileged');
  expect(p.diagnostics).toEqual(expectedDiagnostics(doc.path, doc.text.replace('"privileged": true', '"privileged": false')));
});

test('a burst of changes: diagnostics are never published for a version older than one already shown, and the last text is the one linted', async () => {
  await client.initialize();
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const from = client.published.length;
  let text = doc.text;
  for (let v = 2; v <= 30; v++) {
    text = text.replace(/"cpu": "?\d+"?/, `"cpu": ${v % 2 === 0 ? '"256"' : 256}`);
    client.replace(doc.uri, v, text);
  }
  const last = await client.diagnostics(doc.uri, (p) => p.version === 30, from);
  const versions = client.published.slice(from).map((p) => p.version!);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));
  expect(versions.length).toBeLessThan(29); // the debounce folded the burst
  expect(last.diagnostics).toEqual(expectedDiagnostics(doc.path, text));
});

test('codeAction: a finding with a fix offers it; applying it drops the finding and nothing else changes', async () => {
  await client.initialize();
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const line = doc.text.split('\n').findIndex((l) => l.includes('memoryReservaton'));
  const actions = await actionsAt(doc.uri, line);
  const rename = actions.find((a) => a.title === 'ecslint: Rename "memoryReservaton" to "memoryReservation"')!;
  expect(rename).toMatchObject({ kind: 'quickfix', diagnostics: [expect.objectContaining({ code: 'td-unknown-property' })] });
  // A client may ask at the start of the line and name the line's diagnostics instead (Neovim does).
  const opened = client.published.filter((p) => p.uri === doc.uri && p.version === 1)[0];
  const named = opened.diagnostics.filter((d) => d.range.start.line === line);
  const byContext = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: named },
  });
  expect(byContext.map((a) => a.title)).toContain(rename.title);
  const { text, published } = await apply(doc, rename, 2);
  expect(text).toBe(doc.text.replace('memoryReservaton', 'memoryReservation'));
  expect(codes(published)).not.toContain('td-unknown-property');
  // JSON has no comments: no suppression comment is offered; privileged has no fix.
  const privileged = await actionsAt(
    doc.uri,
    doc.text.split('\n').findIndex((l) => l.includes('"privileged"')),
  );
  expect(privileged.map((a) => a.title)).toEqual([]);
});

test('codeAction on YAML: a suppression comment above the line, indented like it; the finding is then suppressed', async () => {
  await client.initialize();
  const doc = file('td.yaml', FARGATE_YAML);
  client.open(doc.uri, doc.text, 'yaml');
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const line = doc.text.split('\n').findIndex((l) => l.includes('privileged: true'));
  const actions = await actionsAt(doc.uri, line);
  const suppress = actions.find((a) => a.title === 'ecslint: suppress fargate-no-privileged on this line')!;
  const { text, published } = await apply(doc, suppress, 2);
  expect(text).toBe(doc.text.replace('    privileged: true\n', '    # ecslint-disable-next-line fargate-no-privileged\n    privileged: true\n'));
  expect(codes(published)).not.toContain('fargate-no-privileged');
  expect(codes(published)).toContain('td-readonly-property');

  // A directive already above the line gets the rule added, before its reason.
  const withDirective = file('other.yaml', doc.text.replace('    privileged: true\n', '    # ecslint-disable-next-line td-readonly-property -- kept from the console\n    privileged: true\n'));
  client.open(withDirective.uri, withDirective.text, 'yaml');
  await client.diagnostics(withDirective.uri, (p) => p.version === 1);
  const join = (await actionsAt(withDirective.uri, line + 1)).find((a) => a.title === 'ecslint: suppress fargate-no-privileged on this line')!;
  const joined = await apply(withDirective, join, 2);
  expect(joined.text).toContain('    # ecslint-disable-next-line td-readonly-property, fargate-no-privileged -- kept from the console\n    privileged: true\n');
  expect(codes(joined.published)).not.toContain('fargate-no-privileged');
});

test("codeAction on a template: the rule goes into the resource's Metadata.ecslint.ignore, made or extended", async () => {
  await client.initialize();
  file('.ecslintrc.yaml', STRICT);
  const doc = file('stack.yaml', TEMPLATE);
  client.open(doc.uri, doc.text, 'yaml');
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const line = doc.text.split('\n').findIndex((l) => l.includes('Privileged: true'));
  const ignore = (await actionsAt(doc.uri, line)).find((a) => a.title === "ecslint: ignore fargate-no-privileged in Web's Metadata.ecslint.ignore")!;
  const first = await apply(doc, ignore, 2);
  expect(first.text).toBe(doc.text.replace('    Type: AWS::ECS::TaskDefinition\n', '    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecslint:\n        ignore: [fargate-no-privileged]\n'));
  expect(codes(first.published)).not.toContain('fargate-no-privileged');
  // Another finding of the resource: its rule joins the list.
  const other = first.published.diagnostics[0];
  const next = (await actionsAt(doc.uri, other.range.start.line)).find((a) => a.title === `ecslint: ignore ${other.code} in Web's Metadata.ecslint.ignore`)!;
  const second = await apply({ uri: doc.uri, text: first.text }, next, 3);
  expect(second.text).toContain(`ignore: [fargate-no-privileged, ${other.code}]`);
  expect(codes(second.published)).not.toContain(other.code);

  // The same in a JSON template.
  const json = file(
    'stack.json',
    JSON.stringify(
      {
        Resources: {
          Web: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              Family: 'web',
              RequiresCompatibilities: ['FARGATE'],
              NetworkMode: 'awsvpc',
              Cpu: '256',
              Memory: '512',
              ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Privileged: true }],
            },
          },
        },
      },
      null,
      2,
    ),
  );
  client.open(json.uri, json.text);
  await client.diagnostics(json.uri, (p) => p.version === 1);
  const jsonLine = json.text.split('\n').findIndex((l) => l.includes('"Privileged"'));
  const jsonIgnore = (await actionsAt(json.uri, jsonLine)).find((a) => a.title.startsWith('ecslint: ignore fargate-no-privileged'))!;
  const done = await apply(json, jsonIgnore, 2);
  expect(JSON.parse(done.text).Resources.Web.Metadata).toEqual({ ecslint: { ignore: ['fargate-no-privileged'] } });
  expect(codes(done.published)).not.toContain('fargate-no-privileged');
});

test('source.fixAll: every fix --fix would make, as one code action', async () => {
  await client.initialize();
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const [fixAll] = await actionsAt(doc.uri, 0, ['source.fixAll']);
  expect(fixAll.kind).toBe('source.fixAll.ecslint');
  const expected = fixText(doc.text, (t) => api.lintBuffer(Buffer.from(t), { filePath: doc.path })).output;
  expect(applyEdits(doc.text, editsOf(fixAll, doc.uri))).toBe(expected);
});

test('codeAction/resolve: "fix all" is offered beside the quick fixes to clients that resolve edits', async () => {
  await client.initialize({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } }, workspace: { workspaceEdit: { documentChanges: true } } });
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const actions = await actionsAt(
    doc.uri,
    doc.text.split('\n').findIndex((l) => l.includes('"cpu"')),
  );
  const lazy = actions.find((a) => a.title === 'ecslint: fix all auto-fixable problems in this file')!;
  expect(lazy.edit).toBeUndefined();
  const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
  expect(resolved.edit!.documentChanges![0].textDocument).toEqual({ uri: doc.uri, version: 1 });
  const fixed = applyEdits(doc.text, editsOf(resolved, doc.uri));
  expect(fixed).toContain('"cpu": "256"');
  expect(fixed).not.toContain('"revision"');
});

test('hover on a finding: why the rule exists, how to fix it, and a good example', async () => {
  await client.initialize();
  const doc = file('td.yaml', FARGATE_YAML);
  client.open(doc.uri, doc.text, 'yaml');
  await client.diagnostics(doc.uri, (p) => p.version === 1);
  const line = doc.text.split('\n').findIndex((l) => l.includes('privileged: true'));
  const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line, character: 6 } });
  expect(hover.contents.kind).toBe('markdown');
  expect(hover.contents.value).toContain('**ecslint `fargate-no-privileged`**');
  expect(hover.contents.value).toContain('cannot be privileged');
  expect(hover.contents.value).toContain('**A good example**');
  expect(hover.contents.value).toContain('fixtures/fargate-no-privileged/valid/');
  expect(await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 1, character: 0 } })).toBeNull();
});

test('a change to a configuration file lints the open documents again', async () => {
  await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  const doc = file('td.yaml', FARGATE_YAML);
  client.open(doc.uri, doc.text, 'yaml');
  expect(codes(await client.diagnostics(doc.uri, (p) => p.version === 1))).toContain('fargate-no-privileged');
  const config = file('.ecslintrc.yaml', 'rules:\n  fargate-no-privileged: off\n');
  const from = client.published.length;
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config.uri, type: 1 }] });
  const relinted = await client.diagnostics(doc.uri, () => true, from);
  expect(codes(relinted)).not.toContain('fargate-no-privileged');
  expect(codes(relinted)).toContain('td-readonly-property');

  // Saving the configuration in the editor does the same, for clients that do not watch files.
  fs.writeFileSync(config.path, 'rules:\n  td-readonly-property: off\n');
  const after = client.published.length;
  client.open(config.uri, 'rules:\n  td-readonly-property: off\n', 'yaml');
  client.notify('textDocument/didSave', { textDocument: { uri: config.uri } });
  const saved = await client.diagnostics(doc.uri, () => true, after);
  expect(codes(saved)).toContain('fargate-no-privileged');
  expect(codes(saved)).not.toContain('td-readonly-property');
});

test('an invalid configuration file is reported on the document, and nothing else is', async () => {
  await client.initialize();
  file('.ecslintrc.yaml', 'rules:\n  no-such-rule: error\n');
  const doc = file('td.yaml', FARGATE_YAML);
  client.open(doc.uri, doc.text, 'yaml');
  const p = await client.diagnostics(doc.uri);
  expect(p.diagnostics).toHaveLength(1);
  expect(p.diagnostics[0]).toMatchObject({ code: 'config-error', severity: 1 });
  expect(p.diagnostics[0].message).toContain('.ecslintrc.yaml');
});

test('documents that hold no ECS definition and ignored files get no diagnostics, and the server keeps answering', async () => {
  await client.initialize();
  file('.ecslintrc.yaml', 'ignorePatterns: ["ignored/**"]\n');
  fs.mkdirSync(path.join(dir, 'ignored'));
  const docs = [file('package.json', '{"name": "x", "version": "1.0.0"}\n'), file('ignored/td.yaml', FARGATE_YAML), file('main.tf', 'variable "region" {\n  type = string\n}\n'), file('new.yaml', '')];
  for (const d of docs) {
    const waiting = client.diagnostics(d.uri);
    client.open(d.uri, d.text, 'plaintext');
    expect((await waiting).diagnostics).toEqual([]);
  }
  const { capabilities } = await client.request<{ capabilities: unknown }>('initialize', { processId: null, rootUri: null, capabilities: {} }).catch(() => ({ capabilities: 'refused' }));
  expect(capabilities).toBeDefined();
});

const TERRAFORM = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name       = "web"
      image      = "nginx:1.27"
      essential  = true
      privileged = true
    },
  ])
}
`;

test("Terraform: a .tf file gets the command line's findings, and a suppression comment in HCL", async () => {
  await client.initialize();
  const doc = file('main.tf', TERRAFORM);
  const published = client.diagnostics(doc.uri);
  client.open(doc.uri, doc.text, 'terraform');
  const p = await published;
  const [cli] = await api.lintBufferAsync(Buffer.from(doc.text), { filePath: doc.path });
  expect(codes(p)).toEqual(cli.messages.map((m) => m.ruleId));
  expect(codes(p)).toContain('fargate-no-privileged');
  const line = doc.text.split('\n').findIndex((l) => l.includes('privileged = true'));
  const suppress = (await actionsAt(doc.uri, line)).find((a) => a.title === 'ecslint: suppress fargate-no-privileged on this line')!;
  const { text, published: after } = await apply(doc, suppress, 2);
  expect(text).toBe(doc.text.replace('      privileged = true\n', '      # ecslint-disable-next-line fargate-no-privileged\n      privileged = true\n'));
  expect(codes(after)).not.toContain('fargate-no-privileged');
  // No rule fixes HCL: a finding in a .tf file offers no fix.
  expect((await actionsAt(doc.uri, line + 1)).filter((a) => !a.title.startsWith('ecslint: suppress') && !a.title.startsWith('ecslint: fix all'))).toEqual([]);
});

test('shutdown, then exit: the server stops with code 0', async () => {
  await client.initialize();
  const doc = file('td.json', FARGATE_TD);
  client.open(doc.uri, doc.text);
  await client.diagnostics(doc.uri);
  expect(await client.stop()).toBe(0);
});

test('a plain lint run loads neither the language server nor the fixer', () => {
  const probe = `
    process.on('exit', () => {
      const loaded = Object.keys(require.cache).filter((k) => /vscode-languageserver|[\\\\/]src[\\\\/](lsp|fix)[\\\\/]/.test(k) && !/[\\\\/]fix[\\\\/]strip\\.js$/.test(k));
      process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
    });
    require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'))}).main([process.execPath, 'ecslint', '--no-config', ${JSON.stringify(path.join(__dirname, '..', 'fixtures', 'fargate-no-privileged', 'valid'))}]);
  `;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60000 });
  expect(r.stderr).toContain('LOADED []');
});
