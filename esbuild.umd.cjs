// An esbuild plugin shared by esbuild.mjs and the benchmark's engine bundle.
//
// esbuild.mjs prefers the `module` main fields (jsonc-parser's UMD build cannot be bundled), which
// resolves vscode-languageserver-types and -textdocument to their ESM builds. dockerfile-ast
// require()s them, so esbuild wraps each in `__toCommonJS`, whose exports are getters: every
// `Range.create`/`positionAt` in a Dockerfile parse then pays a getter call (~5-6 % of the parse in
// profiles). Their UMD builds are plain CommonJS objects, so every import of these two packages is
// pointed at the UMD build Node itself would load (one copy per package version, as before).
'use strict';

const PACKAGES = /^vscode-languageserver-(?:types|textdocument)$/;

const preferUmdBuilds = {
  name: 'prefer-umd-builds',
  setup(build) {
    build.onResolve({ filter: PACKAGES }, (args) => {
      try {
        return { path: require.resolve(args.path, { paths: [args.resolveDir || process.cwd()] }) };
      } catch {
        return undefined; // let esbuild report it as it would have
      }
    });
  },
};

module.exports = { preferUmdBuilds };
