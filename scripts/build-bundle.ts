/**
 * The last step of `npm run build`: bundles the command line with esbuild, so that a run loads three
 * files instead of some 90 modules (160 with YAML). The sources stay as they are; `tsc` still builds
 * dist/src, the library API (`main` and `types` in package.json) and what the tests load.
 *
 *   dist/bundle/cli/ecslint.js   the CLI (src/cli/main.ts and everything it imports), run by bin/ecslint.js
 *   dist/bundle/cli/worker.js    a worker thread of a parallel run (src/worker.ts)
 *   dist/bundle/cli/yaml.js      what the sources use of the yaml package, loaded by the first YAML file a run reads
 *   dist/bundle/cli/lsp-server.js, lint-worker.js   `ecslint lsp` (src/lsp/server.ts) and its lint thread
 *   dist/code-cache/             V8 code caches of these and of dist/generated's validators (bin/code-cache.js)
 *
 * Every other dependency stays a plain `require` of node_modules, made only when needed: commander (help,
 * subcommands, usage errors), chalk (colour), ajv (a team's own rule schemas), jsonpath-plus (paths outside
 * the compiled subset), web-tree-sitter (Terraform). The generated rules and validators in dist/generated
 * are read at run time, as from dist/src.
 *
 * The bundles sit two folders below dist/, as each module of dist/src/<stage>/ does, so the paths the
 * sources build from `__dirname` (dist/generated, the package's schemas/) name the same files.
 */
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist', 'bundle', 'cli');

/** Check functions are loaded by name; the bundler needs the name with its extension to find it in src/functions. */
const FUNCTION_REQUIRE = 'require(`../functions/${name}`)';

const plugin: esbuild.Plugin = {
  name: 'ecslint',
  setup(build) {
    // The package's own manifest (for `--version`), written into the bundle.
    build.onResolve({ filter: /^\.\.\/\.\.\/package\.json$/ }, () => ({ path: path.join(ROOT, 'package.json') }));
    // The language server is its own bundle beside this one, loaded only by `ecslint lsp`.
    build.onResolve({ filter: /^\.\.\/lsp\/server$/ }, () => ({ path: './lsp-server.js', external: true }));
    // The yaml package is its own bundle beside this one.
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
    build.onLoad({ filter: /[\\/]src[\\/]engine[\\/]registry\.ts$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      if (text.split(FUNCTION_REQUIRE).length !== 2) throw new Error(`src/engine/registry.ts: expected one ${FUNCTION_REQUIRE} to bundle the check functions`);
      return { contents: text.replace(FUNCTION_REQUIRE, 'require(`../functions/${name}.ts`)'), loader: 'ts' };
    });
  },
};

/**
 * The yaml bundle: what the sources take from the package, from its ES module build (browser/dist), so that the
 * bundler leaves out what no source uses (a fifth of it: stringifying, YAML 1.1's extra types). That build is
 * the same code as the package's Node build less two debugging switches read from `process.env`
 * (LOG_TOKENS for every token, LOG_STREAM for every document). A one-YAML-file run starts about 3.5 ms sooner.
 * The names are read from the sources' imports; a name the ES build lacks fails the build.
 */
function yamlEntry(): string {
  const runtime = new Set(Object.keys(require(require.resolve('yaml', { paths: [ROOT] })) as object));
  const names = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import (type )?\{([^}]*)\} from 'yaml';$/gm)) {
      if (m[1]) continue;
      for (const part of m[2].split(',')) {
        const name = part.trim();
        if (name !== '' && !name.startsWith('type ')) names.add(name);
      }
    }
    const required = text.split("require('yaml')").length - 1;
    const forms = [...text.matchAll(/const \{ ([\w, ]+) \} = require\('yaml'\)|\(require\('yaml'\) as typeof import\('yaml'\)\)\.(\w+)/g)];
    if (forms.length !== required) throw new Error(`${path.relative(ROOT, file)}: a require('yaml') the build cannot read the names of`);
    for (const m of forms) for (const name of (m[1] ?? m[2]).split(',')) names.add(name.trim());
  }
  // A name that is no value of the package (an interface such as Node) is a type only.
  const values = [...names].filter((n) => runtime.has(n)).sort();
  // The package's exports map names no subpath for it: found beside the package's manifest.
  const esBuild = path.join(path.dirname(require.resolve('yaml/package.json', { paths: [ROOT] })), 'browser', 'dist', 'index.js');
  return `export { ${values.join(', ')} } from ${JSON.stringify(esBuild)};\n`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function dependencies(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  return Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((d) => d !== 'yaml');
}

function check(result: esbuild.BuildResult, what: string): void {
  // A warning (a require the bundler cannot follow, a glob that matches nothing) would be a broken bundle.
  if (result.warnings.length > 0) {
    const text = esbuild.formatMessagesSync(result.warnings, { kind: 'warning' }).join('\n');
    throw new Error(`bundling ${what}:\n${text}`);
  }
}

/**
 * esbuild gives each `import * as fs from 'fs'` of the sources its own copy of the module's namespace: __toESM
 * copies every export as a getter, 34 times in the CLI bundle, about 1.5 ms of a one-file run. A Node builtin
 * needs no copy when its importer only reads its members, as every one here does, so the bundle binds the
 * module itself. The build fails if a variable bound this way is ever read as `.default`, the one member the
 * copy adds.
 */
function plainBuiltins(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const bound = /\b([A-Za-z_$][\w$]*) = __toESM\(require\("(node:)?(fs|path|os)"\)\)/g;
  for (const m of text.matchAll(bound)) {
    if (new RegExp(`\\b${m[1].replace(/\$/g, '\\$')}\\.default\\b`).test(text)) throw new Error(`${path.relative(ROOT, file)}: ${m[1]}.default is read; the namespace copy of "${m[3]}" is needed`);
  }
  fs.writeFileSync(
    file,
    text.replace(bound, (_, name: string, prefix: string | undefined, mod: string) => `${name} = require("${prefix ?? ''}${mod}")`),
  );
}

/**
 * A bundle must be ASCII: esbuild escapes what strings and regular expressions hold, but keeps comments as
 * written, and one character outside ASCII anywhere makes V8 hold the whole text two bytes a character,
 * which a run pays for in reading and hashing it (about 2 ms for the CLI).
 */
function oneByte(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/[\u0080-\uffff]/);
  if (at === -1) return;
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`${path.relative(ROOT, file)}:${line}: a character outside ASCII (in a comment of the source?): ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
}

export async function buildBundles(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const common: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', legalComments: 'none', charset: 'ascii' };
  check(
    await esbuild.build({
      ...common,
      entryPoints: {
        ecslint: path.join(ROOT, 'src', 'cli', 'main.ts'),
        worker: path.join(ROOT, 'src', 'worker.ts'),
        'lsp-server': path.join(ROOT, 'src', 'lsp', 'server.ts'),
        // The language server's lint thread; src/lsp/worker-client.ts starts it from beside itself.
        'lint-worker': path.join(ROOT, 'src', 'lsp', 'lint-worker.ts'),
      },
      outdir: OUT,
      external: dependencies(),
      plugins: [plugin],
    }),
    'the CLI',
  );
  check(
    await esbuild.build({
      ...common,
      stdin: { contents: yamlEntry(), resolveDir: ROOT, loader: 'js', sourcefile: 'yaml-entry.js' },
      outfile: path.join(OUT, 'yaml.js'),
    }),
    'yaml',
  );
  for (const name of fs.readdirSync(OUT)) {
    plainBuiltins(path.join(OUT, name));
    oneByte(path.join(OUT, name));
  }
  for (const needed of ['../../generated/rules.json', '../../generated/rule-texts.json', '../../generated/validators.js', '../../../schemas/rule.schema.json']) {
    if (!fs.existsSync(path.join(OUT, needed))) throw new Error(`the bundle would not find ${needed} from ${path.relative(ROOT, OUT)}`);
  }
}

/**
 * The V8 code caches of the bundle and the generated validators (bin/code-cache.js): the CLI run once on the
 * examples, a JSON and a YAML task definition and a CloudFormation template, so that the caches hold what an
 * ordinary run compiles. Written only for the Node.js that builds; another one compiles as usual.
 */
export function writeCodeCaches(): void {
  const examples = ['task-definition/good.json', 'task-definition/bad.yaml', 'cloudformation/bad.yaml'].map((f) => path.join(ROOT, 'examples', f));
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ecslint.js'), '--no-config', '--format', 'json', '--', ...examples], {
    cwd: ROOT,
    env: { ...process.env, ECSLINT_CODE_CACHE: 'write' },
    encoding: 'utf8',
  });
  // Exit 1: the bad examples have error findings, as they should.
  if (run.status !== 0 && run.status !== 1) throw new Error(`writing the code caches: the CLI exited ${run.status}: ${run.stderr}`);
  const written = fs.existsSync(path.join(ROOT, 'dist', 'code-cache')) ? fs.readdirSync(path.join(ROOT, 'dist', 'code-cache')) : [];
  if (!written.some((f) => f.startsWith('ecslint-'))) throw new Error(`writing the code caches: no cache of the bundle was written: ${run.stderr}`);
}

if (require.main === module) {
  buildBundles()
    .then(writeCodeCaches)
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
