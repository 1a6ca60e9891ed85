#!/usr/bin/env node
'use strict';
// Runs the CLI from the bundle it shares with the language server (built by `node esbuild.mjs`).
require('../dist/server.js').runCli();
