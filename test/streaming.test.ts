/**
 * A run whose report is written a file at a time (lintFiles' `onResult`; the CLI's stylish, compact and
 * github formats): each result is handed over as soon as it is final, in the order of the files, and the
 * results, their order and the report are exactly those of a run that keeps them all.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileResult } from '../src/index';
import { BIN, CLEAN_YAML, privilegedFargateTaskDefinition } from './support';

const { lintFiles, createBaseline } = require('../dist/src/index') as typeof import('../src/index');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-stream-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};

const service = JSON.stringify({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', launchType: 'FARGATE', desiredCount: 1 });
const containerList = JSON.stringify([{ name: 'app', image: 'nginx', privileged: true }]);

/** A folder whose later files hold what makes a run wait: a service whose task definition is in a later file, a list of container definitions. */
function mixedFolder(): void {
  for (let i = 0; i < 5; i++) write(`a-${i}.json`, privilegedFargateTaskDefinition(`early-${i}`));
  write('b-clean.yaml', CLEAN_YAML);
  write('c-service.json', service);
  write('d-containers.json', containerList);
  for (let i = 0; i < 5; i++) write(`e-${i}.json`, privilegedFargateTaskDefinition(i === 0 ? 'web' : `late-${i}`));
  write('f-broken.json', '{"family": ');
}

async function streamed(paths: string[], options: Parameters<typeof lintFiles>[1] = {}) {
  const events: string[] = [];
  const delivered: FileResult[] = [];
  const run = await lintFiles(paths, {
    ...options,
    onProgress: (done) => events.push(`progress ${done}`),
    onResult: (r) => {
      events.push(`result ${path.basename(r.filePath)}`);
      delivered.push(r);
    },
  });
  return { run, delivered, events };
}

test('on one thread, results come in the order of the files, each as soon as it is final, and are the same as a kept run', async () => {
  mixedFolder();
  const kept = await lintFiles([dir], { threads: 1 });
  const { run, delivered, events } = await streamed([dir], { threads: 1 });
  expect(run.results).toEqual([]);
  expect(delivered).toEqual(kept.results);
  // The first file's result is handed over before the second file is linted.
  expect(events.indexOf('result a-0.json')).toBeLessThan(events.indexOf('progress 1'));
  expect(events.indexOf('result b-clean.yaml')).toBeLessThan(events.indexOf('progress 6'));
  // The service waits for its task definition in a later file: it, and everything after it, comes at the end.
  const total = fs.readdirSync(dir).length;
  expect(events.indexOf('result c-service.json')).toBeGreaterThan(events.indexOf(`progress ${total}`));
  expect(delivered.find((r) => r.filePath.endsWith('c-service.json'))?.messages.some((m) => m.ruleId === 'svc-network-configuration')).toBe(true);
});

test('on worker threads, results come in the order of the files as the workers post them, the same as a kept run', async () => {
  mixedFolder();
  for (let i = 0; i < 40; i++) write(`g-${i}.json`, privilegedFargateTaskDefinition(`more-${i}`));
  const kept = await lintFiles([dir], { threads: 2 });
  const { run, delivered } = await streamed([dir], { threads: 2 });
  expect(run.results).toEqual([]);
  expect(delivered).toEqual(kept.results);
  expect(delivered.map((r) => r.filePath)).toEqual((await lintFiles([dir], { threads: 1 })).results.map((r) => r.filePath));
});

test('Terraform configuration gives the same results through onResult, at the end, on one thread or several', async () => {
  mixedFolder();
  write('infra/main.tf', 'resource "aws_ecs_task_definition" "web" {\n  family = "tf"\n  container_definitions = file("${path.module}/../d-containers.json")\n}\n');
  for (const threads of [1, 2]) {
    const kept = await lintFiles([dir], { threads });
    const { run, delivered } = await streamed([dir], { threads });
    expect(run.results).toEqual([]);
    expect(delivered).toEqual(kept.results);
  }
});

test('a baseline applies to each result handed over', async () => {
  mixedFolder();
  const before = await lintFiles([dir], { threads: 1 });
  const baseline = { ...createBaseline(before.results.slice(0, 3), dir), root: dir };
  const kept = await lintFiles([dir], { threads: 1, baseline });
  const { delivered } = await streamed([dir], { threads: 1, baseline });
  expect(delivered).toEqual(kept.results);
  expect(delivered.slice(0, 3).every((r) => r.messages.length === 0)).toBe(true);
});

describe('the CLI writes stylish, compact and github reports as the run goes, exactly as it writes them to a file', () => {
  test.each(['stylish', 'compact', 'github'])('%s', (format) => {
    mixedFolder();
    const out = path.join(os.tmpdir(), `ecslint-stream-${process.pid}-${format}.txt`);
    try {
      for (const args of [[], ['--quiet'], ['--max-warnings', '0']]) {
        const printed = spawnSync(process.execPath, [BIN, '--no-config', '--threads', 'off', '-f', format, ...args, dir], { cwd: dir, encoding: 'utf8' });
        const written = spawnSync(process.execPath, [BIN, '--no-config', '--threads', 'off', '-f', format, ...args, '-o', out, dir], { cwd: dir, encoding: 'utf8' });
        expect(printed.status).toBe(written.status);
        expect(printed.stderr).toBe(written.stderr);
        expect(printed.stdout).toBe(fs.readFileSync(out, 'utf8'));
        expect(printed.stdout).not.toBe('');
      }
    } finally {
      fs.rmSync(out, { force: true });
    }
  });
});

test('a configuration mistake in a folder met late in the run stops it before any result is handed over or printed', async () => {
  mixedFolder();
  write('zz/.ecslintrc.yaml', 'launchType: LAMBDA\n');
  write('zz/td.json', privilegedFargateTaskDefinition('late'));
  const delivered: FileResult[] = [];
  await expect(lintFiles([dir], { threads: 1, onResult: (r) => delivered.push(r) })).rejects.toThrow(/zz\/\.ecslintrc\.yaml:1:1/);
  expect(delivered).toEqual([]);
  const r = spawnSync(process.execPath, [BIN, '--threads', 'off', dir], { cwd: dir, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/\.ecslintrc\.yaml:1:1/);
});
