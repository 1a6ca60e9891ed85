/** Appended to a scan worker's `process.argv` by the pool: how dist/server.js knows to take the worker role. */
export const SCAN_WORKER_ARG = '--capdrop-scan-worker';
