/**
 * `npm run bench`: the speed and memory of the built CLI, run as a user runs it (a child process per run),
 * printed as a Markdown table for docs/performance.md.
 *
 * The machine may be shared and busy, so no figure is a best-of absolute. Every measure is paired: the
 * CLI and its baseline run one after the other, round after round, and the table gives the median of the
 * per-round ratios (load that hits a round hits both), with the medians of the times beside them.
 *
 *   baselines   `node -e ""` (Node's own start), and the floor: a Node process that reads every file and
 *               runs JSON.parse on it (YAML files are read, and JSON.parse fails on their first character)
 *   cold start  one small JSON file, one small YAML file, one real CloudFormation YAML template
 *   throughput  1,000, 10,000 and 50,000 generated files: files/s on one thread, / the floor, threads / none
 *   scaling     the cost of a file from 10,000 to 50,000 / the average cost at 10,000 (1.00 is linear)
 *   memory      peak RSS at 10,000 and 50,000 files
 *   real files  the real corpus (copied up to 1,000 files), when there is one
 *   hostile     inputs built to be slow: seconds each, and / a one-file run
 *
 * Generated corpora come from a seed (the same files everywhere) and are kept in .ecslint-bench/.
 * Environment: ECSLINT_BENCH_CORPUS (a folder of real files; default ../shared/corpus/real beside the
 * repository, used when present), ECSLINT_BENCH_QUICK=1 (fewer rounds, no 50,000-file run),
 * ECSLINT_BENCH_SEED.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'ecslint.js');
const SEED = Number(process.env.ECSLINT_BENCH_SEED ?? 20261125);
const QUICK = process.env.ECSLINT_BENCH_QUICK === '1';
const CACHE = path.join(ROOT, '.ecslint-bench');
/** A hostile input that takes longer than this is stopped and reported as such. */
const HOSTILE_LIMIT = 120;

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

/** Write n files of mixed forms into dir: 40% API JSON, 20% API YAML, 15% describe outputs, 15% CloudFormation YAML, 10% CloudFormation JSON. */
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

/** A generated corpus of n files, made once per seed and kept. */
function corpus(n: number): string {
  const dir = path.join(CACHE, `mixed-${SEED}-${n}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    progress(`generating ${n.toLocaleString('en-US')} files`);
    generate(dir, n);
    fs.writeFileSync(done, '');
  }
  return dir;
}

// ---- hostile inputs --------------------------------------------------------------------------------

/** Inputs built to be slow or large, each just inside the limits a file must pass to be read at all. */
function hostileInputs(dir: string): Array<{ name: string; file: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const out: Array<{ name: string; file: string }> = [];
  const write = (name: string, file: string, text: () => string) => {
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) fs.writeFileSync(p, text());
    out.push({ name, file: p });
  };
  const td = (containers: unknown[]) => ({ family: 'hostile', requiresCompatibilities: ['EC2'], containerDefinitions: containers });
  write('a 1 MB unknown key', 'unknown-key.json', () => JSON.stringify(td([{ name: 'web', image: 'nginx:1.27', memory: 128, ['k'.repeat(1_000_000)]: 1 }])));
  write('10,000 YAML aliases', 'aliases.yaml', () => {
    const lines = ['family: hostile', 'containerDefinitions:', '  - name: web', '    image: nginx:1.27', '    memory: 128', 'anchors:'];
    for (let i = 0; i < 10_000; i++) lines.push(`  - &a${i} value${i}`);
    lines.push('uses:');
    for (let i = 0; i < 10_000; i++) lines.push(`  - *a${i}`);
    return lines.join('\n') + '\n';
  });
  write(
    '8 MiB of empty arrays',
    'empty-arrays.json',
    () =>
      '[' +
      Array(Math.floor((8 * 1024 * 1024 - 4096) / 3))
        .fill('[]')
        .join(',') +
      ']',
  );
  write('a 5,000-container dependsOn chain', 'depends-on.json', () =>
    JSON.stringify(
      td(Array.from({ length: 5000 }, (_, i) => ({ name: `c${i}`, image: 'nginx:1.27', memory: 16, ...(i < 4999 ? { dependsOn: [{ containerName: `c${i + 1}`, condition: 'START' }] } : {}) }))),
    ),
  );
  return out;
}

// ---- measuring ------------------------------------------------------------------------------------

interface Run {
  seconds: number;
  /** Stopped at the time limit. */
  stopped?: boolean;
  /** Peak resident set size of the process, in MB (ecslint runs only). */
  rssMb?: number;
}

const RSS_FILE = path.join(os.tmpdir(), `ecslint-bench-rss-${process.pid}`);

/** Run node with these arguments; with `rss`, a preloaded module records the process's peak RSS. */
function timed(args: string[], rss = false, timeoutSeconds = 0, cwd = ROOT): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (rss) {
    env.NODE_OPTIONS = `--require ${path.join(ROOT, 'scripts', 'bench-rss.js')}`;
    env.ECSLINT_BENCH_RSS_FILE = RSS_FILE;
    fs.rmSync(RSS_FILE, { force: true });
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, ...(timeoutSeconds > 0 ? { timeout: timeoutSeconds * 1000 } : {}) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (timeoutSeconds > 0 && r.signal) return { seconds, stopped: true };
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ').slice(0, 200)} exited ${r.status}: ${String(r.stderr).slice(0, 2000)}`);
  const rssMb = rss && fs.existsSync(RSS_FILE) ? Number(fs.readFileSync(RSS_FILE, 'utf8')) / 1024 : undefined;
  return { seconds, rssMb };
}

const NODE = ['-e', ''];
/** The read-and-parse floor: every file of the folders read, and given to JSON.parse. */
const FLOOR = `const fs=require('fs'),p=require('path');let n=0;const walk=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);if(e.isDirectory())walk(f);else if(e.isFile()&&!e.name.startsWith('.')){const t=fs.readFileSync(f,'utf8');try{JSON.parse(t)}catch{}n++}}};for(const d of process.argv.slice(1))walk(d);`;
const floor = (dir: string) => ['-e', FLOOR, dir];
// A file that holds nothing to lint (a hostile input may not) is not a usage error here.
const ecslint = (target: string, ...options: string[]) => [BIN, '--no-error-on-unmatched-pattern', ...options, '--', target];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Round after round, each command once; returns the runs of each, by name. */
function paired(rounds: number, commands: Record<string, { args: string[]; rss?: boolean; timeout?: number }>): Record<string, Run[]> {
  const out: Record<string, Run[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) for (const [name, c] of Object.entries(commands)) out[name].push(timed(c.args, c.rss, c.timeout));
  return out;
}

/** The median of the per-round ratios a/b. */
function ratio(a: Run[], b: Run[]): number {
  return median(a.map((r, i) => r.seconds / b[i].seconds));
}

const sec = (runs: Run[]) => median(runs.map((r) => r.seconds));
const ms = (runs: Run[]) => `${Math.round(sec(runs) * 1000)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;
const maxRss = (runs: Run[]) => Math.max(...runs.map((r) => r.rssMb ?? 0));

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/** Busy loops, one per core, for the duration of a measure: how threads fare on a machine that is already loaded. */
function loadTheMachine(): () => void {
  const children = Array.from({ length: cores() }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return () => children.forEach((c) => c.kill());
}

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

// ---- the benchmark --------------------------------------------------------------------------------

type Row = [measure: string, result: string, goal: string, detail: string];

function realCorpus(): { dir: string; files: string[] } | undefined {
  const dir = process.env.ECSLINT_BENCH_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus', 'real');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(json|ya?ml|template)$/.test(f))
    .sort();
  return files.length > 0 ? { dir, files } : undefined;
}

/** The real CloudFormation YAML template to start on: the one of median size among those with a task definition. */
function realCloudFormation(real: { dir: string; files: string[] }): string | undefined {
  const candidates = real.files
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(real.dir, f))
    .filter((f) => /AWS::ECS::TaskDefinition/.test(fs.readFileSync(f, 'utf8')))
    .sort((a, b) => fs.statSync(a).size - fs.statSync(b).size || (a < b ? -1 : 1));
  return candidates[Math.floor(candidates.length / 2)];
}

function main(): void {
  const started = Date.now();
  const load0 = os.loadavg()[0];
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    progress(`${row[0]}: ${row[1]}${row[3] ? ` (${row[3]})` : ''}`);
  };
  const notes: string[] = [];
  const real = realCorpus();
  const scratch = path.join(CACHE, 'scratch');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  try {
    // Cold start.
    const small = corpus(100);
    const smallJson = path.join(
      small,
      fs.readdirSync(small).find((f) => /^td-\d+\.json$/.test(f))!,
    );
    const smallYaml = path.join(
      small,
      fs.readdirSync(small).find((f) => /^td-\d+\.yaml$/.test(f))!,
    );
    let cfn = real ? realCloudFormation(real) : undefined;
    let cfnLabel = cfn ? `real CloudFormation YAML (${path.basename(cfn)}, ${(fs.statSync(cfn).size / 1024).toFixed(1)} KiB)` : '';
    if (!cfn) {
      cfn = path.join(scratch, 'template.yaml');
      const r = prng(SEED + 2);
      fs.writeFileSync(cfn, yaml(template(Array.from({ length: 3 }, (_, i) => taskDefinition(r, i)))));
      cfnLabel = `generated CloudFormation YAML (3 task definitions, ${(fs.statSync(cfn).size / 1024).toFixed(1)} KiB; no real corpus)`;
    }
    const coldRounds = QUICK ? 7 : Number(process.env.ECSLINT_BENCH_RUNS ?? 21);
    progress(`cold start, ${coldRounds} rounds`);
    const cold = paired(coldRounds, {
      node: { args: NODE },
      json: { args: ecslint(smallJson) },
      yaml: { args: ecslint(smallYaml) },
      cfn: { args: ecslint(cfn) },
    });
    add(['cold start, one JSON task definition / `node -e ""`', x(ratio(cold.json, cold.node)), '≤ 1.5×', `${ms(cold.json)} / ${ms(cold.node)}, median of ${coldRounds} rounds`]);
    add(['cold start, one YAML task definition / `node -e ""`', x(ratio(cold.yaml, cold.node)), '≤ 1.5×', `${ms(cold.yaml)} / ${ms(cold.node)}`]);
    add([`cold start, ${cfnLabel} / \`node -e ""\``, x(ratio(cold.cfn, cold.node)), '≤ 1.5×', `${ms(cold.cfn)} / ${ms(cold.node)}`]);

    // Throughput, threads, memory, scaling.
    const threads = String(Math.max(2, cores()));
    const sizes = QUICK ? [1000, 10_000] : [1000, 10_000, 50_000];
    const bySize = new Map<number, Record<string, Run[]>>();
    for (const n of sizes) {
      const dir = corpus(n);
      const rounds = n <= 1000 ? (QUICK ? 3 : 7) : n <= 10_000 ? (QUICK ? 2 : 3) : 2;
      progress(`${n.toLocaleString('en-US')} files, ${rounds} rounds`);
      const runs = paired(rounds, {
        floor: { args: floor(dir) },
        off: { args: ecslint(dir, '--threads', 'off'), rss: true },
        threads: { args: ecslint(dir, '--threads', threads), rss: true },
        auto: { args: ecslint(dir), rss: true },
      });
      bySize.set(n, runs);
      const k = n.toLocaleString('en-US');
      add([`${k} files, one thread`, `${Math.round(n / sec(runs.off)).toLocaleString('en-US')} files/s`, n === 10_000 ? '≥ 8,000 files/s' : '', `${sec(runs.off).toFixed(2)} s`]);
      add([
        `${k} files, one thread / floor`,
        x(ratio(runs.off, runs.floor)),
        n === 10_000 ? '≤ 3×' : '',
        `floor ${sec(runs.floor).toFixed(2)} s (${Math.round(n / sec(runs.floor)).toLocaleString('en-US')} files/s)`,
      ]);
      add([
        `${k} files, ${threads} threads / one thread`,
        x(ratio(runs.threads, runs.off)),
        '< 1.00× (faster), or not used',
        `${sec(runs.threads).toFixed(2)} s; peak RSS ${maxRss(runs.threads).toFixed(0)} MB`,
      ]);
      add([`${k} files, --threads auto / one thread`, x(ratio(runs.auto, runs.off)), '≤ 1.00×', `${sec(runs.auto).toFixed(2)} s`]);
      if (n >= 10_000) add([`${k} files, peak RSS (one thread)`, `${maxRss(runs.off).toFixed(0)} MB`, '≤ 150 MB, flat in file count', '']);
    }
    const t = (n: number) => sec(bySize.get(n)!.off);
    const top = sizes[sizes.length - 1];
    const marginal = (t(top) - t(10_000)) / (top - 10_000);
    if (top > 10_000) {
      add([
        `scaling: cost of a file from 10,000 to ${top.toLocaleString('en-US')} / average at 10,000`,
        x(marginal / (t(10_000) / 10_000)),
        '≤ 1.10× (linear is 1.00×)',
        `${(marginal * 1e6).toFixed(0)} µs per file`,
      ]);
    }
    if (process.env.ECSLINT_BENCH_LOADED !== '0') {
      const dir = corpus(10_000);
      progress(`10,000 files with every core busy`);
      const stop = loadTheMachine();
      try {
        const busy = paired(QUICK ? 1 : 2, { off: { args: ecslint(dir, '--threads', 'off') }, threads: { args: ecslint(dir, '--threads', threads) }, auto: { args: ecslint(dir) } });
        add([`10,000 files, every core busy: ${threads} threads / one thread`, x(ratio(busy.threads, busy.off)), '', `${sec(busy.threads).toFixed(2)} s / ${sec(busy.off).toFixed(2)} s`]);
        add([`10,000 files, every core busy: --threads auto / one thread`, x(ratio(busy.auto, busy.off)), '≤ 1.00×', `${sec(busy.auto).toFixed(2)} s`]);
      } finally {
        stop();
      }
    }
    {
      const r = prng(SEED + 1);
      const tds = Array.from({ length: 1000 }, (_, i) => taskDefinition(r, i));
      const t100 = path.join(scratch, 'template-100.json');
      const t1000 = path.join(scratch, 'template-1000.json');
      fs.writeFileSync(t100, JSON.stringify(template(tds.slice(0, 100)), null, 2));
      fs.writeFileSync(t1000, JSON.stringify(template(tds), null, 2));
      progress('one template of 100 and of 1,000 task definitions');
      const tpl = paired(QUICK ? 2 : 3, { t100: { args: ecslint(t100) }, t1000: { args: ecslint(t1000) } });
      add([
        'scaling: one template of 1,000 task definitions / of 100',
        (sec(tpl.t1000) / sec(tpl.t100)).toFixed(2),
        '≤ 11 (linear is 10)',
        `${sec(tpl.t1000).toFixed(2)} s / ${sec(tpl.t100).toFixed(2)} s`,
      ]);
    }

    // The real corpus, copied up to 1,000 files.
    if (real) {
      const dir = path.join(scratch, 'real');
      fs.mkdirSync(dir);
      const copies = Math.max(1, Math.ceil(1000 / real.files.length));
      for (let c = 0; c < copies; c++) {
        const sub = path.join(dir, `copy-${c}`);
        fs.mkdirSync(sub);
        for (const f of real.files) fs.copyFileSync(path.join(real.dir, f), path.join(sub, f));
      }
      const n = copies * real.files.length;
      progress(`real corpus: ${n} files`);
      const runs = paired(QUICK ? 2 : 5, { floor: { args: floor(dir) }, off: { args: ecslint(dir, '--threads', 'off') } });
      add([`real corpus (${real.files.length} files × ${copies}), one thread`, `${Math.round(n / sec(runs.off)).toLocaleString('en-US')} files/s`, '', `${sec(runs.off).toFixed(2)} s`]);
      add([`real corpus, one thread / floor`, x(ratio(runs.off, runs.floor)), '≤ 3×', `floor ${sec(runs.floor).toFixed(2)} s`]);
    } else {
      notes.push('No real corpus (set ECSLINT_BENCH_CORPUS, or place one at ../shared/corpus/real): the real-file rows are left out and the CloudFormation cold start uses a generated template.');
    }

    // Hostile inputs.
    for (const h of hostileInputs(path.join(CACHE, 'hostile'))) {
      progress(`hostile: ${h.name}`);
      let runs: Record<string, Run[]>;
      try {
        runs = paired(QUICK ? 1 : 3, { one: { args: ecslint(smallJson) }, hostile: { args: ecslint(h.file), rss: true, timeout: HOSTILE_LIMIT } });
      } catch (err) {
        add([`hostile: ${h.name}`, 'failed', '', (err as Error).message.split('\n').slice(0, 2).join(' ').slice(0, 200)]);
        continue;
      }
      if (runs.hostile.some((r) => r.stopped)) add([`hostile: ${h.name}`, `> ${HOSTILE_LIMIT} s`, '', 'stopped at the time limit']);
      else add([`hostile: ${h.name}`, `${sec(runs.hostile).toFixed(2)} s`, '', `${x(ratio(runs.hostile, runs.one))} a one-file run; peak RSS ${maxRss(runs.hostile).toFixed(0)} MB`]);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(RSS_FILE, { force: true });
  }

  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'result', 'goal', 'detail'][i].length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i])).join(' | ')} |\n`;
  let out = `ecslint benchmark: ${new Date().toISOString().slice(0, 10)}, Node.js ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores()} cores, load average ${load0.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end, ${minutes} min, seed ${SEED}${QUICK ? ', quick' : ''}\n\n`;
  out += line(['measure', 'result', 'goal', 'detail']);
  out += line(w.map((n) => '-'.repeat(n)));
  for (const r of rows) out += line(r);
  for (const n of notes) out += `\n${n}\n`;
  process.stdout.write(out);
}

if (require.main === module) main();
