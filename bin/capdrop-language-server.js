#!/usr/bin/env node
'use strict';
// The Capdrop language server for any LSP client (Neovim, Helix, Emacs, Zed, Sublime): standard
// input/output by default (--stdio), or --node-ipc / --socket=PORT / --pipe=NAME. docs/editors.md.
require('../dist/server.js').runLanguageServer();
