/**
 * `npm run bench`: generates a corpus deterministically from a seed in a temporary folder and measures
 * the built CLI as a user runs it (a child process per run). Times are ratios against baselines taken
 * in the same run (bare `node -e ""`, the smaller corpus), because the machine is shared and noisy.
 *
 *   cold start      ecslint on one small file vs node -e "" (medians of N runs, interleaved)
 *   throughput      files per second on 1,000 and on 10,000 files (one process, the whole folder)
 *   scaling         10,000-file time / 1,000-file time (linear is 10); the same for one template
 *                   with 1,000 task definitions against one with 100
 *   peak memory     maximum RSS of the 10,000-file run
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'ecslint.js');
const SEED = Number(process.env.ECSLINT_BENCH_SEED ?? 20261125);
const RUNS = Number(process.env.ECSLINT_BENCH_RUNS ?? 11);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const IMAGES = ['nginx:1.27', 'public.ecr.aws/docker/library/redis:7', '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.4.1', 'amazon/aws-xray-daemon:3.3', 'fluent/fluent-bit:2.2'];
const FARGATE_SIZES: Array<[string, string]> = [
  ['256', '512'],
  ['512', '1024'],
  ['1024', '2048'],
  ['2048', '4096'],
  ['4096', '8192'],
];

/** One task definition in API form; about one in five carries a defect. */
function taskDefinition(r: Rand, i: number): Record<string, unknown> {
  const fargate = r() < 0.6;
  const defect = r() < 0.2 ? int(r, 0, 3) : -1;
  const count = defect === 2 ? 11 : int(r, 1, 10);
  const [cpu, memory] = pick(r, FARGATE_SIZES);
  const containers = Array.from({ length: count }, (_, c) => {
    const container: Record<string, unknown> = {
      name: `c${c}`,
      image: pick(r, IMAGES),
      essential: c === 0,
      portMappings: c === 0 ? [{ containerPort: 8080 + (i % 10), protocol: 'tcp' }] : [],
      environment: [{ name: 'STAGE', value: 'prod' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/app${i}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': `c${c}` } },
    };
    if (!fargate) container.memory = 128;
    if (defect === 0 && c === 0) container.privileged = true;
    return container;
  });
  const td: Record<string, unknown> = {
    family: `app-${i}`,
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: containers,
  };
  if (fargate) {
    td.requiresCompatibilities = ['FARGATE'];
    if (defect !== 1) td.networkMode = 'awsvpc';
    td.cpu = defect === 3 ? '256' : cpu;
    td.memory = defect === 3 ? '4096' : memory;
  } else {
    td.requiresCompatibilities = ['EC2'];
    td.networkMode = 'bridge';
  }
  return td;
}

function pascal(value: unknown, opaque = false): unknown {
  if (Array.isArray(value)) return value.map((v) => pascal(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[opaque ? k : k[0].toUpperCase() + k.slice(1)] = pascal(v, k === 'options');
  return out;
}

function template(tds: Array<Record<string, unknown>>): Record<string, unknown> {
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: Object.fromEntries(tds.map((td, i) => [`Task${i}`, { Type: 'AWS::ECS::TaskDefinition', Properties: pascal(td) }])) };
}

function yaml(value: unknown): string {
  return (require('yaml') as typeof import('yaml')).stringify(value);
}

/** Write n files of mixed forms into dir. */
export function generate(dir: string, n: number, seed = SEED): void {
  const r = prng(seed);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const td = taskDefinition(r, i);
    const kind = r();
    let name: string;
    let text: string;
    if (kind < 0.4) [name, text] = [`td-${i}.json`, JSON.stringify(td, null, 2)];
    else if (kind < 0.6) [name, text] = [`td-${i}.yaml`, yaml(td)];
    else if (kind < 0.75)
      [name, text] = [
        `describe-${i}.json`,
        JSON.stringify({ taskDefinition: { ...td, taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/app-${i}:1`, revision: 1, status: 'ACTIVE' } }, null, 2),
      ];
    else if (kind < 0.9) [name, text] = [`stack-${i}.yaml`, yaml(template([td]))];
    else [name, text] = [`stack-${i}.template`, JSON.stringify(template([td]), null, 2)];
    fs.writeFileSync(path.join(dir, name), text);
  }
}

interface Timed {
  seconds: number;
  maxRssMb?: number;
}

/** Run a command; with `rss`, a preloaded module reports the process's peak RSS. */
function timed(args: string[], rssFile?: string): Timed {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (rssFile) env.NODE_OPTIONS = `--require ${path.join(ROOT, 'scripts', 'bench-rss.js')}`;
  if (rssFile) env.ECSLINT_BENCH_RSS_FILE = rssFile;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const maxRssMb = rssFile && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  return { seconds, maxRssMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-bench-'));
  try {
    const small = path.join(tmp, 'small');
    const k1 = path.join(tmp, 'k1');
    const k10 = path.join(tmp, 'k10');
    generate(small, 1);
    generate(k1, 1000);
    generate(k10, 10000);
    const r = prng(SEED + 1);
    const tds = Array.from({ length: 1000 }, (_, i) => taskDefinition(r, i));
    const t100 = path.join(tmp, 'template-100.json');
    const t1000 = path.join(tmp, 'template-1000.json');
    fs.writeFileSync(t100, JSON.stringify(template(tds.slice(0, 100)), null, 2));
    fs.writeFileSync(t1000, JSON.stringify(template(tds), null, 2));
    const smallFile = path.join(small, fs.readdirSync(small)[0]);

    // Cold start: interleaved, so that load on the machine hits both alike.
    const node: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(timed(['-e', '']).seconds);
      cold.push(timed([BIN, smallFile]).seconds);
    }
    const best = (f: () => Timed, n = 3) => Array.from({ length: n }, f).sort((a, b) => a.seconds - b.seconds)[0];
    const run1k = best(() => timed([BIN, k1]));
    const run10k = best(() => timed([BIN, k10], path.join(tmp, 'rss.txt')), 2);
    const tpl100 = best(() => timed([BIN, t100]));
    const tpl1000 = best(() => timed([BIN, t1000]));

    const rows: Array<[string, string, string]> = [
      [
        'cold start: ecslint on one file / node -e ""',
        `${(median(cold) / median(node)).toFixed(2)}×`,
        `≤ 2.5× (medians of ${RUNS}: ${(median(cold) * 1000).toFixed(0)} ms / ${(median(node) * 1000).toFixed(0)} ms)`,
      ],
      ['throughput, 1,000 files', `${Math.round(1000 / run1k.seconds)} files/s`, ''],
      ['throughput, 10,000 files', `${Math.round(10000 / run10k.seconds)} files/s`, '≥ 2,500 files/s'],
      ['scaling: 10,000 / 1,000 files', `${(run10k.seconds / run1k.seconds).toFixed(2)}`, '≤ 11 (linear is 10)'],
      ['scaling: template of 1,000 / 100 task definitions', `${(tpl1000.seconds / tpl100.seconds).toFixed(2)}`, '≤ 11 (linear is 10)'],
      ['peak RSS, 10,000 files', `${run10k.maxRssMb?.toFixed(0) ?? '?'} MB`, '≤ 300 MB'],
    ];
    const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
    process.stdout.write(`ecslint benchmark (seed ${SEED}, ${os.cpus().length} cores, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)})\n\n`);
    process.stdout.write(`| ${'measure'.padEnd(w[0])} | ${'result'.padEnd(w[1])} | target |\n| ${'-'.repeat(w[0])} | ${'-'.repeat(w[1])} | --- |\n`);
    for (const [a, b, c] of rows) process.stdout.write(`| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c} |\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) main();
