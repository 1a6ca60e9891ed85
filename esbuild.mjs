// Bundles the extension client and the language server (which is also the CLI) into dist/, so the
// .vsix ships no node_modules. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import umd from './esbuild.umd.cjs';
import shared from './esbuild.shared.cjs';
import web from './esbuild.web.cjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The language server, its scan workers and the CLI (server/src/server.ts picks the role).
  { in: 'server/src/server.ts', out: 'server', external: [] },
  // The CLI's process entry: loads dist/server.js through V8's code cache (cli/compileCache.ts), so it
  // must not contain the engine itself.
  { in: 'cli/launcher.ts', out: 'cli', external: [] },
  // The LSP libraries the two bundles above share (esbuild.shared.cjs).
  { stdin: shared.chunkEntry(), out: shared.CHUNK, external: [] },
];

/** Prints errors in the `file:line:col: error: message` form that VS Code's problem matchers read. */
const reportProblems = {
  name: 'report-problems',
  setup(build) {
    build.onStart(() => console.log(`[${watch ? 'watch' : 'build'}] started`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log(`[${watch ? 'watch' : 'build'}] finished`);
    });
  },
};

// A clean dist/ on every build, so files of entries that no longer exist are not shipped.
if (!watch) rmSync('dist', { recursive: true, force: true });

const nodeContexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      ...(entry.stdin ? { stdin: entry.stdin, outfile: `dist/${entry.out}.js` } : { entryPoints: { [entry.out]: entry.in }, outdir: 'dist' }),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      // ESM builds first: jsonc-parser's UMD build requires './impl/format' at run time, which a bundle cannot resolve.
      mainFields: ['module', 'main'],
      target: 'node20',
      external: entry.external,
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      logLevel: 'silent',
      plugins: entry.stdin ? [umd.preferUmdBuilds, reportProblems] : [shared.useSharedChunk, umd.preferUmdBuilds, reportProblems],
    }),
  ),
);

// The web extension (package.json `browser`): the same client and server for a browser, without Node.
const webContexts = await Promise.all(
  web.entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      outdir: 'dist',
      bundle: true,
      format: entry.format,
      platform: 'browser',
      mainFields: ['browser', 'module', 'main'],
      target: 'es2022',
      external: entry.external,
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [web.noNodeBuiltins, umd.preferUmdBuilds, reportProblems],
    }),
  ),
);
const contexts = [...nodeContexts, ...webContexts];

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } catch {
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}
