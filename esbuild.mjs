// Bundles the extension client, the language server and the CLI into dist/ (one file each, so the
// .vsix ships no node_modules). `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import umd from './esbuild.umd.cjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  // Written in parallel: bundled once it exists.
  { in: 'cli/main.ts', out: 'cli', external: [], optional: true },
].filter((e) => !e.optional || existsSync(e.in));

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

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      // ESM builds first: jsonc-parser's UMD build requires './impl/format' at run time, which a bundle cannot resolve.
      mainFields: ['module', 'main'],
      target: 'node20',
      outdir: 'dist',
      external: entry.external,
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [umd.preferUmdBuilds, reportProblems],
    }),
  ),
);

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
