import { SCAN_WORKER_ARG } from './scanWorkerRole';

// One bundle, three roles, so dist/ ships the engine once: the language server (run as the main
// module: the client forks `dist/server.js`), a scan worker (started by the workspace scan's pool on the
// same file) and the CLI (`bin/capdrop.js` loads this file through cli/launcher.ts and calls `runCli`). `require` keeps the
// other roles' modules unevaluated; only their source is parsed. The worker is told by an argument, not
// by `worker_threads.isMainThread`: loading worker_threads (and the streams it pulls in) was ~6 ms of
// every CLI run (profiled).
if (process.argv.includes(SCAN_WORKER_ARG)) (require('./scanWorker') as typeof import('./scanWorker')).runScanWorker();
else if (require.main === module) require('./serverMain');

/** The command line (`bin/capdrop.js` through cli/launcher.ts): reads `process.argv`, sets `process.exitCode`. */
export function runCli(hooks: import('../../cli/launcher').CliHooks = {}): void {
  (require('../../cli/main') as typeof import('../../cli/main')).runFromProcess(hooks);
}

/** Transports `createConnection()` reads from the command line; without one it would throw. */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

/**
 * `capdrop-language-server` (bin/capdrop-language-server.js), for editors other than VS Code: the same
 * server over standard input/output unless the command line names another transport.
 */
export function runLanguageServer(): void {
  if (!process.argv.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
  require('./serverMain');
}
