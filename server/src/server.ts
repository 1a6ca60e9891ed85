import { isMainThread } from 'node:worker_threads';

// One bundle, three roles, so dist/ ships the engine once: the language server (run as the main
// module: the client forks `dist/server.js`), a scan worker (started by the workspace scan's pool on the
// same file) and the CLI (`bin/capdrop.js` requires this file and calls `runCli`). `require` keeps the
// other roles' modules unevaluated; only their source is parsed.
if (!isMainThread) (require('./scanWorker') as typeof import('./scanWorker')).runScanWorker();
else if (require.main === module) require('./serverMain');

/** The command line (`bin/capdrop.js`): reads `process.argv`, sets `process.exitCode`. */
export function runCli(): void {
  (require('../../cli/main') as typeof import('../../cli/main')).runFromProcess();
}
