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

const DIST = path.join(__dirname, '..', 'dist');
const CACHE_DIR = path.join(DIST, 'code-cache');
/**
 * What the build recorded of each file it cached: its size, its modification time and its cache's name. A file
 * whose size and time are still those is the text the cache was made from, and the hash is not computed again
 * (hashing the files takes about 5 ms of a run, loading zlib included). Any other file is hashed.
 */
const MANIFEST = path.join(CACHE_DIR, 'manifest.json');
const RUNTIME = `${process.version}/${process.arch}`;

let manifest;
function recorded() {
  if (manifest === undefined) {
    try {
      const read = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
      manifest = read && read.runtime === RUNTIME && read.files && typeof read.files === 'object' ? read.files : {};
    } catch {
      manifest = {};
    }
  }
  return manifest;
}

function stamp(filename) {
  try {
    const s = fs.statSync(filename);
    return `${s.size}/${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * The cache file of a module's text under this Node.js: a new text or a new Node.js is a new name. CRC-32 (zlib's,
 * native and loaded in a few milliseconds, where crypto takes twice that) tells an edited file from the built one;
 * V8 checks the text's length and its own version and flags again. Undefined on a Node.js without zlib.crc32.
 */
function hashedName(filename, content) {
  const zlib = require('zlib');
  if (typeof zlib.crc32 !== 'function') return undefined;
  const hash = zlib.crc32(content, zlib.crc32(`${RUNTIME}/${content.length}`)).toString(16).padStart(8, '0');
  return `${path.basename(filename, '.js')}-${hash}.bin`;
}

/** The cache's name for this file: the one the build recorded while the file is unchanged, else from its hash. */
function cacheName(filename, content) {
  const entry = recorded()[path.relative(DIST, filename)];
  if (entry && typeof entry.name === 'string' && entry.stamp === stamp(filename)) return entry.name;
  return hashedName(filename, content);
}

/** Compile the package's files under dist/ with their code caches; every other module loads as Node loads it. */
function install() {
  const write = process.env.ECSLINT_CODE_CACHE === 'write';
  const compiled = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (typeof filename !== 'string' || !filename.startsWith(DIST + path.sep) || !filename.endsWith('.js')) return compile.call(this, content, filename);
    const name = write ? hashedName(filename, content) : cacheName(filename, content);
    if (name === undefined) return compile.call(this, content, filename);
    let script;
    try {
      let cachedData;
      if (!write) {
        try {
          cachedData = fs.readFileSync(path.join(CACHE_DIR, name));
        } catch {
          // No cache for this text: compiled as usual.
        }
      }
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      // Not compiled (nothing has run yet): Node's own loader compiles it, and reports any error its way.
      return compile.call(this, content, filename);
    }
    compiled.push({ script, filename, name });
    const dirname = path.dirname(filename);
    const require = Module.createRequire(filename);
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, dirname);
  };
  if (write) {
    // At exit, the caches hold every function the run compiled, not only the top level.
    process.on('exit', () => {
      try {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        const files = {};
        for (const { script, filename, name } of compiled) {
          fs.writeFileSync(path.join(CACHE_DIR, name), script.createCachedData());
          files[path.relative(DIST, filename)] = { name, stamp: stamp(filename) };
        }
        fs.writeFileSync(MANIFEST, JSON.stringify({ runtime: RUNTIME, files }));
      } catch (err) {
        // A package folder that cannot be written keeps its run's outcome; the build checks that the caches exist.
        process.stderr.write(`ecslint: the code caches were not written: ${err.code ?? err.message}\n`);
      }
    });
  }
}

module.exports = { install };
