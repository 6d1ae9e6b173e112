'use strict';
/**
 * V8 code caches for the package's own compiled files (the CLI bundle, dist/generated's validators), so that a
 * run starts from bytecode instead of compiling them again: about 20 ms of a one-file run's 80 ms over bare
 * Node (docs/performance.md). `npm run build` writes the caches (scripts/build-bundle.ts runs the CLI once
 * with ECSLINT_CODE_CACHE=write); a run reads them. A cache is used only when it was made from the same text
 * by the same Node.js (its name holds a hash of both); V8 checks it again and rejects one it cannot use. A
 * cache that is missing, stale or rejected costs nothing but the compile it would have saved: the file is
 * compiled as usual. Nothing is ever written outside a build.
 */
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');

const DIST = path.join(__dirname, '..', 'dist');
const CACHE_DIR = path.join(DIST, 'code-cache');

/**
 * The cache file of a module's text under this Node.js: a new text or a new Node.js is a new name. CRC-32 (zlib's,
 * native and loaded in a few milliseconds, where crypto takes twice that) tells an edited file from the built one;
 * V8 checks the text's length and its own version and flags again. Undefined on a Node.js without zlib.crc32.
 */
function cacheFile(filename, content) {
  if (typeof zlib.crc32 !== 'function') return undefined;
  const hash = zlib.crc32(content, zlib.crc32(`${process.version}/${process.arch}/${content.length}`)).toString(16).padStart(8, '0');
  return path.join(CACHE_DIR, `${path.basename(filename, '.js')}-${hash}.bin`);
}

/** Compile the package's files under dist/ with their code caches; every other module loads as Node loads it. */
function install() {
  const write = process.env.ECSLINT_CODE_CACHE === 'write';
  const compiled = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (typeof filename !== 'string' || !filename.startsWith(DIST + path.sep) || !filename.endsWith('.js')) return compile.call(this, content, filename);
    const file = cacheFile(filename, content);
    if (file === undefined) return compile.call(this, content, filename);
    let script;
    try {
      let cachedData;
      if (!write) {
        try {
          cachedData = fs.readFileSync(file);
        } catch {
          // No cache for this text: compiled as usual.
        }
      }
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Not compiled (nothing has run yet): Node's own loader compiles it, and reports any error its way.
      return compile.call(this, content, filename);
    }
    compiled.push({ script, file });
    const dirname = path.dirname(filename);
    const require = Module.createRequire(filename);
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, dirname);
  };
  if (write) {
    // At exit, the caches hold every function the run compiled, not only the top level.
    process.on('exit', () => {
      try {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        for (const { script, file } of compiled) fs.writeFileSync(file, script.createCachedData());
      } catch (err) {
        // A package folder that cannot be written keeps its run's outcome; the build checks that the caches exist.
        process.stderr.write(`ecslint: the code caches were not written: ${err.code ?? err.message}\n`);
      }
    });
  }
}

module.exports = { install };
