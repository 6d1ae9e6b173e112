/**
 * `npm run bench:lsp`: how long an editor waits for ecslint's diagnostics on a large CloudFormation template.
 * The server (`ecslint lsp`) runs as a child process, as an editor starts it; a generated 2,000-line template
 * is opened, then edited one keystroke at a time (each waits for its diagnostics), then in a burst of typing.
 * Reported: the time from a keystroke's didChange to the publishDiagnostics of that version (the debounce
 * included), and the time of one lint of the text in this process for comparison.
 */
import { spawn } from 'child_process';
import * as path from 'path';

const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'ecslint.js');

/** A template of about `lines` lines: Fargate task definitions with a few containers each, one finding in each. */
export function largeTemplate(lines = 2000): string {
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: A generated template for measuring editor latency', 'Resources:'];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `  Task${i}:`,
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      `      Family: service-${i}`,
      '      RequiresCompatibilities: [FARGATE]',
      '      NetworkMode: awsvpc',
      "      Cpu: '1024'",
      "      Memory: '2048'",
      '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn',
      '      TaskRoleArn: !Ref TaskRole',
      '      ContainerDefinitions:',
    );
    for (let c = 0; c < 3; c++) {
      out.push(
        `        - Name: container-${c}`,
        `          Image: !Sub '\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app-${i}:1.${c}'`,
        `          Essential: ${c === 0 ? 'true' : 'false'}`,
        `          Cpu: ${256 + c}`,
        `          MemoryReservation: 512`,
        '          PortMappings:',
        `            - ContainerPort: ${8080 + c}`,
        '              Protocol: tcp',
        '          Environment:',
        '            - Name: STAGE',
        '              Value: production',
        `            - Name: SERVICE_INDEX`,
        `              Value: '${i}'`,
        '          LogConfiguration:',
        '            LogDriver: awslogs',
        '            Options:',
        `              awslogs-group: /ecs/service-${i}`,
        '              awslogs-region: !Ref AWS::Region',
        `              awslogs-stream-prefix: container-${c}`,
        ...(c === 2 ? ['          Privileged: true'] : []),
      );
    }
  }
  return out.join('\n') + '\n';
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (n=${ms.length})`;
}

async function main(): Promise<void> {
  const text = largeTemplate();
  const lineCount = text.split('\n').length - 1;
  const filePath = path.join(ROOT, '.ecslint-bench', 'large-template.yaml');
  const uri = `file://${filePath}`;
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (at: number) => void>();
  let findings = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    if (p.uri !== uri || p.version === undefined) return;
    findings = p.diagnostics.length;
    waiting.get(p.version)?.(performance.now());
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const diagnosticsOf = (version: number) => new Promise<number>((resolve) => waiting.set(version, resolve));

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});

  let version = 1;
  const opened = performance.now();
  const first = diagnosticsOf(version);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  const openMs = (await first) - opened;

  // One keystroke at a time, each on a Cpu value in the middle of the template, waiting for its diagnostics.
  const lines = text.split('\n');
  const target = lines.findIndex((l, i) => i > lineCount / 2 && /^ {10}Cpu: \d+$/.test(l));
  const keystroke = async (): Promise<number> => {
    version++;
    const digit = String(version % 10);
    const done = diagnosticsOf(version);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: target, character: 17 }, end: { line: target, character: 18 } }, text: digit }],
    });
    return (await done) - sent;
  };
  for (let i = 0; i < 3; i++) await keystroke(); // warm-up
  const single: number[] = [];
  for (let i = 0; i < 30; i++) single.push(await keystroke());

  // A burst of typing: a keystroke every 50 ms; measured from the last keystroke to its diagnostics.
  const burst: number[] = [];
  for (let round = 0; round < 5; round++) {
    let last = 0;
    for (let k = 0; k < 10; k++) {
      version++;
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: target, character: 17 }, end: { line: target, character: 18 } }, text: String(k) }],
      });
      last = sent;
      if (k < 9) await new Promise((r) => setTimeout(r, 50));
    }
    burst.push((await diagnosticsOf(version)) - last);
  }

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');

  // One lint of the same text in this process, for comparison (warm).
  const api = require('../src/index') as typeof import('../src/index');
  const lintMs: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    api.lintBuffer(Buffer.from(text), { filePath });
    if (i >= 2) lintMs.push(performance.now() - t);
  }

  process.stdout.write(
    [
      `Template: ${lineCount} lines, ${findings} findings; debounce ${(require('../src/lsp/server') as typeof import('../src/lsp/server')).DEFAULT_DEBOUNCE_MS} ms`,
      `didOpen -> diagnostics (cold server):        ${openMs.toFixed(0)} ms`,
      `keystroke -> diagnostics (one at a time):    ${stats(single)}`,
      `last keystroke of a burst -> diagnostics:    ${stats(burst)}`,
      `one lint of the text (in process, warm):     ${stats(lintMs)}`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
