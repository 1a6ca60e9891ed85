// Bundles the extension client and the language server (which is also the CLI) into dist/, so the
// .vsix ships no node_modules. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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

/**
 * The CLI reads dist/server.js on every run. esbuild escapes non-ASCII text in strings but not in regular
 * expression literals; one character above U+00FF there (a `…` in a pattern) made Node decode the whole
 * 0.7 MB on its slow path and V8 keep it as UTF-16: ~15 ms of every CLI run (measured). Write `\u2026`.
 */
function asciiOnly(files) {
  let ok = true;
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    const at = text.search(/[^\x00-\x7f]/);
    if (at < 0) continue;
    console.error(`✘ [ERROR] ${file} is not ASCII at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))} (escape it in the source, e.g. \\u2026)`);
    ok = false;
  }
  return ok;
}

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    if (!asciiOnly(['dist/server.js', 'dist/cli.js', 'dist/lsp-libraries.js'])) process.exitCode = 1;
  } catch {
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}
