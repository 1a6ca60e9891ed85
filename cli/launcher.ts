import * as path from 'node:path';
import { cacheDirectory, loadWithCodeCache } from './compileCache';
import { startAsShortRun, tuneForRun } from './shortRun';

/** What `runCli` of the engine bundle (server/src/server.ts) accepts. */
export interface CliHooks {
  beforeLint?(files: number): void;
}

/**
 * The CLI's process entry (`bin/capdrop.js` → `dist/cli.js`): sets the V8 flags of a short run, loads the
 * engine bundle through the code cache and runs the CLI. A run over more files than a short one gets
 * V8's default flags back; it then writes no cache, since the cache would carry those flags and be
 * rejected by every run that starts as a short one. `bundle` is `dist/server.js` of Capdrop's package.
 */
export function launch(bundle: string): void {
  try {
    startAsShortRun();
    const engine = loadWithCodeCache(bundle, cacheDirectory(process.env, path.dirname(path.dirname(bundle))));
    let flagsChanged = false;
    if (engine.stale) process.once('exit', () => flagsChanged || engine.save());
    (engine.exports.runCli as (hooks: CliHooks) => void)({ beforeLint: (files) => (flagsChanged = tuneForRun(files) || flagsChanged) });
  } catch (err) {
    // The engine could not be loaded or started (a broken install): one line and exit 2, as for any internal
    // error (cli/main.ts), not Node's stack trace and exit 1, which CI would read as findings.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`capdrop: internal error: ${message.replace(/\s+/g, ' ').trim() || 'unknown error'}\n`);
    process.exitCode = 2;
  }
}
