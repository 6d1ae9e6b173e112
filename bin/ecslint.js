#!/usr/bin/env node
'use strict';
// The bundled CLI (scripts/build-bundle.ts): a few files to load instead of the whole dist/src tree.
require('../dist/bundle/cli/ecslint.js').main(process.argv);
