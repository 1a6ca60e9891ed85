import { isMainThread } from 'node:worker_threads';

// One bundle, two roles: the language server, and (started by the workspace scan's pool) a scan
// worker, so dist/ does not ship the engine twice. `require` keeps the other role's module unevaluated.
if (isMainThread) require('./serverMain');
else (require('./scanWorker') as typeof import('./scanWorker')).runScanWorker();
