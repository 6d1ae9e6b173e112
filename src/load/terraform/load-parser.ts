import * as fs from 'fs';
import type { Language, Parser } from 'web-tree-sitter';

/**
 * Loads the HCL parser (web-tree-sitter with the Terraform dialect of tree-sitter-hcl, both WebAssembly)
 * once per thread. Only this module touches the `web-tree-sitter` package, and only when
 * `loadHclParser()` is called, so a run that lints no Terraform never loads it.
 *
 * web-tree-sitter's runtime is an Emscripten module whose factory is an async function: even when the
 * WebAssembly is compiled and instantiated synchronously (as here, from bytes read with readFileSync),
 * `Parser.init()` settles only on a later turn of the microtask queue, which synchronous code cannot wait
 * for. So loading is the one asynchronous step: `await loadHclParser()` once (per process, and per worker
 * thread), after which `parseHcl()` is synchronous. Loading the language itself is synchronous
 * (`Language.loadSync`).
 */

/** Node's WebAssembly API; the project's TypeScript library setting (ES2022, no DOM) does not declare it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Loaded {
  parser: Parser;
  language: Language;
}

let loaded: Loaded | undefined;
let loading: Promise<void> | undefined;
let failure: string | undefined;

/** Load the parser; later calls return the same promise. */
export function loadHclParser(): Promise<void> {
  loading ??= load().catch((err: unknown) => {
    loading = undefined;
    failure = (err as Error).message;
    throw err;
  });
  return loading;
}

/** Why the last attempt to load the parser failed, if it did. */
export function hclParserFailure(): string | undefined {
  return failure;
}

/** Whether `loadHclParser()` has finished. */
export function hclParserLoaded(): boolean {
  return loaded !== undefined;
}

async function load(): Promise<void> {
  const ts = require('web-tree-sitter') as typeof import('web-tree-sitter');
  const runtime = new wasm.Module(fs.readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')));
  await ts.Parser.init({
    // Compile and instantiate synchronously from the bytes: no fetch, no file system promise.
    instantiateWasm(imports: object, done: (instance: object, module: object) => void) {
      const instance = new wasm.Instance(runtime, imports);
      done(instance, runtime);
      return instance.exports;
    },
  });
  const grammar = new wasm.Module(fs.readFileSync(grammarPath()));
  const language = ts.Language.loadSync(grammar as Parameters<typeof ts.Language.loadSync>[0]);
  const parser = new ts.Parser();
  parser.setLanguage(language);
  loaded = { parser, language };
}

/**
 * The grammar's package is an optional dependency: its install script (a native binding that this
 * project does not use) may fail on a platform without a prebuilt binary, and that must not stop
 * ecslint from installing for JSON and YAML.
 */
function grammarPath(): string {
  try {
    return require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
  } catch {
    throw new Error('Terraform files cannot be read: the optional package @tree-sitter-grammars/tree-sitter-hcl is not installed.');
  }
}

/** The loaded parser; throws when `loadHclParser()` has not finished. */
export function hclParser(): Parser {
  if (!loaded) throw new Error('The Terraform (HCL) parser is not loaded: await loadHclParser() before parsing .tf files.');
  return loaded.parser;
}
