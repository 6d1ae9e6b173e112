/**
 * The CLI writes its report to standard output's descriptor, not through Node's stream (src/cli/output.ts):
 * a report larger than a pipe holds reaches a slow reader whole, a reader that stops early is no error,
 * a full disk is one line and exit 2, and a plain run never loads Node's stream or tty modules.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BIN, privilegedFargateTaskDefinition, runCli } from './support';

const PLAIN_ENV = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' } as NodeJS.ProcessEnv;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-output-'));
  // 600 files with findings: a JSON report of about 400 KB, six times what a pipe buffers (64 KiB).
  for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(dir, `td-${i}.json`), privilegedFargateTaskDefinition(`web-${i}`));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a large report reaches a reader that waits before reading, whole and in order', async () => {
  const expected = runCli(['--no-config', '--threads', 'off', '-f', 'json', dir]);
  expect(expected.code).toBe(1);
  expect(expected.stdout.length).toBeGreaterThan(256 * 1024);
  const child = spawn(process.execPath, [BIN, '--no-config', '--threads', 'off', '-f', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Read nothing for a while: the pipe fills, and the CLI must wait for the reader, not drop output.
  child.stdout.pause();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => errors.push(c));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(Buffer.concat(errors).toString('utf8')).toBe('');
  expect(code).toBe(1);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.stdout);
});

test('a reader that stops early is not an error: no message, and the exit code still says what was found', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --no-config --threads off -f json "${dir}" | head -c 100 > /dev/null; echo "status:$?"`], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('status:0');
  const code = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" --no-config --threads off -f json "${dir}" | head -c 100 > /dev/null`], { encoding: 'utf8' });
  expect(code.stderr).toBe('');
  expect(code.status).toBe(1);
});

const full = fs.existsSync('/dev/full') ? test : test.skip;
full('a report that cannot be written is one line on stderr and exit 2', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --no-config "${path.join(dir, 'td-0.json')}" > /dev/full`], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('ecslint: cannot write the report: ENOSPC.\n');
});

test("a run to a pipe or a file loads neither Node's stream nor its tty module", () => {
  const probe = `process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (stream|tty|net)$/.test(m)))));
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--no-config', ${JSON.stringify(path.join(dir, 'td-0.json'))}];
require(${JSON.stringify(BIN)});`;
  // No colour asked for: a colour terminal would rightly load chalk and the tty module.
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: PLAIN_ENV });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('privileged');
  expect(JSON.parse(r.stderr)).toEqual([]);
});

// A pipe in non-blocking mode (a parent that set O_NONBLOCK on it) answers EAGAIN when full; Node has no way
// to make one, so Python does. The CLI hands the rest to Node's stream, which waits for the reader.
const python = spawnSync('python3', ['--version']).status === 0;
if (!python) process.stderr.write('cli-output.test.ts: python3 not found; the non-blocking pipe test is skipped\n');
(python ? test : test.skip)('a report to a non-blocking pipe whose reader waits arrives whole', () => {
  const expected = runCli(['--no-config', '--threads', 'off', '-f', 'json', dir]);
  const script = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(1.0)
out = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    out += chunk
p.wait()
sys.stdout.buffer.write(out)
sys.stderr.buffer.write(p.stderr.read())
sys.exit(p.returncode)
`;
  const r = spawnSync('python3', ['-c', script, process.execPath, BIN, '--no-config', '--threads', 'off', '-f', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(r.stdout).toBe(expected.stdout);
});

test("a run of 1,000 files or more caps V8's heap growth (src/cli/heap.ts); a run of fewer never loads node's v8 module for it", () => {
  const many = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-heap-'));
  try {
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(many, `td-${i}.yaml`), 'family: x\n');
    const probe = (target: string) =>
      `process.on('exit', () => require('fs').writeSync(2, JSON.stringify({ v8: process.moduleLoadList.includes('NativeModule v8') })));
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--no-config', '--threads', 'off', '-f', 'compact', ${JSON.stringify(target)}];
require(${JSON.stringify(BIN)});`;
    const run = (target: string) => JSON.parse(spawnSync(process.execPath, ['-e', probe(target)], { encoding: 'utf8', env: PLAIN_ENV }).stderr) as { v8: boolean };
    expect(run(many).v8).toBe(true);
    expect(run(path.join(dir, 'td-0.json')).v8).toBe(false);
  } finally {
    fs.rmSync(many, { recursive: true, force: true });
  }
});
