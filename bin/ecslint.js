#!/usr/bin/env node
'use strict';
// The package's compiled files start from their V8 code caches when the build made them (bin/code-cache.js).
require('./code-cache').install();
// The bundled CLI (scripts/build-bundle.ts): a few files to load instead of the whole dist/src tree.
require('../dist/bundle/cli/ecslint.js').main(process.argv);
