// An esbuild plugin used by esbuild.mjs: the LSP libraries that both the client (dist/extension.js) and the
// server (dist/server.js) bundle are built once, into dist/lsp-libraries.js, and both bundles require them
// from there. They are ~40 % of the client and a fifth of the server; sharing them is what keeps dist/
// under 1 MB (issue 7). It works because package.json's override gives the client and the server the same
// protocol and jsonrpc versions; a specifier not listed here is bundled as usual.
'use strict';

const CHUNK = 'lsp-libraries';

const SHARED_SPECIFIERS = [
  'vscode-jsonrpc',
  'vscode-jsonrpc/node',
  'vscode-languageserver-protocol',
  'vscode-languageserver-protocol/node',
  'vscode-languageserver-types',
  'vscode-languageserver-textdocument',
];

const NAMESPACE = 'capdrop-shared-chunk';

/** The chunk's entry: one lazy getter per specifier, so loading the chunk evaluates none of them. */
function chunkEntry() {
  const lines = SHARED_SPECIFIERS.map((s) => `exports[${JSON.stringify(s)}] = () => require(${JSON.stringify(s)});`);
  return { contents: lines.join('\n'), resolveDir: __dirname, sourcefile: `${CHUNK}-entry.js`, loader: 'js' };
}

/** In the client's and the server's builds: imports of the shared libraries become requires of the chunk. */
const useSharedChunk = {
  name: 'use-shared-chunk',
  setup(build) {
    const shared = new Set(SHARED_SPECIFIERS);
    build.onResolve({ filter: /^vscode-/ }, (args) => (shared.has(args.path) ? { path: args.path, namespace: NAMESPACE } : undefined));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${CHUNK}.js`)})[${JSON.stringify(args.path)}]();`,
      loader: 'js',
    }));
    build.onResolve({ filter: new RegExp(`^\\./${CHUNK}\\.js$`), namespace: NAMESPACE }, (args) => ({ path: args.path, external: true }));
  },
};

module.exports = { CHUNK, chunkEntry, useSharedChunk };
