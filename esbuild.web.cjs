// The web extension's bundles (dist/web/), used by esbuild.mjs: the client for VS Code's web worker
// extension host and the language server as a Web Worker. Neither may contain Node: `noNodeBuiltins` fails
// the build on any import of a Node built-in, including one a package's `browser` field would quietly
// replace with an empty module.
'use strict';

const { builtinModules } = require('node:module');

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `the web build must not use Node's "${args.path}" (imported by ${args.importer})` }] };
    });
  },
};

const entries = [
  // Loaded by the web worker extension host, which provides `vscode` and CommonJS `module.exports`.
  { in: 'client/src/browserExtension.ts', out: 'web/extension', format: 'cjs', external: ['vscode'] },
  // Started by the client as `new Worker(dist/web/server.js)`: a plain script.
  { in: 'server/src/browserMain.ts', out: 'web/server', format: 'iife', external: [] },
];

module.exports = { entries, noNodeBuiltins };
