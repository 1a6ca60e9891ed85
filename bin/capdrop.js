#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (built by `node esbuild.mjs` from cli/main.ts).
require('../dist/cli.js').runFromProcess();
