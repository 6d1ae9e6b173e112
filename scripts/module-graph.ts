/**
 * `npm run graph [-- <src folder>]`: the module graph of src/, by folder (stage), with its cycles and every import
 * that goes against the stages' order. Exits 1 when there is a cycle or a backward import, so CI can keep it so.
 *
 * The stages, earliest first. A module may import from its own stage and from earlier ones only.
 */
import * as fs from 'fs';
import * as path from 'path';

const STAGES: string[][] = [
  ['model'],
  ['files', 'regexp'],
  ['load'],
  ['link'],
  // The check functions are the engine's: it loads them by name.
  ['engine', 'functions'],
  ['report'],
  ['config'],
  ['formatters'],
  ['pipeline', 'parallel', 'worker', 'index'],
  ['docs', 'fix'],
  ['cli', 'lsp'],
];

function stageOf(group: string): number {
  const i = STAGES.findIndex((s) => s.includes(group));
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** The group of a module: its folder under src/, or its file name for modules at the top of src/. */
function groupOf(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '');
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Relative imports: `import … from './x'`, `export … from`, `import('./x')` types and `require('./x')` with a literal path. */
const IMPORT = /(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

export interface Graph {
  edges: Map<string, Set<string>>;
  backward: string[];
  cycles: string[][];
}

export function moduleGraph(root: string): Graph {
  const edges = new Map<string, Set<string>>();
  const backward: string[] = [];
  for (const file of sources(root)) {
    const from = groupOf(root, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(file, m[1]);
      if (!target || !target.startsWith(root)) continue;
      const to = groupOf(root, target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      if (stageOf(to) > stageOf(from)) backward.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
    }
  }
  return { edges, backward, cycles: findCycles(edges) };
}

/** Elementary cycles between groups, each listed once (depth-first, from its smallest member). */
function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  for (const start of nodes) {
    const stack: string[] = [start];
    const walk = (node: string) => {
      for (const next of [...(edges.get(node) ?? [])].sort()) {
        if (next === start) cycles.push([...stack, start]);
        else if (next > start && !stack.includes(next)) {
          stack.push(next);
          walk(next);
          stack.pop();
        }
      }
    };
    walk(start);
  }
  return cycles;
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'src'));
  const g = moduleGraph(root);
  const groups = [...g.edges.keys()].sort((a, b) => stageOf(a) - stageOf(b) || (a < b ? -1 : 1));
  for (const from of groups) process.stdout.write(`${from} -> ${[...g.edges.get(from)!].sort().join(', ')}\n`);
  process.stdout.write(`\ncycles: ${g.cycles.length === 0 ? 'none' : ''}\n`);
  for (const c of g.cycles) process.stdout.write(`  ${c.join(' -> ')}\n`);
  process.stdout.write(`imports against the stage order: ${g.backward.length === 0 ? 'none' : ''}\n`);
  for (const b of g.backward) process.stdout.write(`  ${b}\n`);
  if (g.cycles.length > 0 || g.backward.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
