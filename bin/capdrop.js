#!/usr/bin/env node
'use strict';
// Runs the CLI: dist/cli.js loads the bundle it shares with the language server (dist/server.js) through
// V8's code cache (both built by `node esbuild.mjs`).
require('../dist/cli.js').launch(require('node:path').join(__dirname, '..', 'dist', 'server.js'));
