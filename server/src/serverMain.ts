import * as path from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { nodeDisk } from './files/nodeDisk';
import { ScanPool } from './handlers/scanPool';
import { WorkspaceScanner } from './handlers/workspaceScan';
import { startLanguageServer } from './languageServer';

// The Node server: the wiring (languageServer.ts) with the disk, and a workspace scan that walks it with
// worker threads. The browser's counterpart is browserMain.ts.
startLanguageServer(createConnection(), {
  disk: nodeDisk,
  createScanner: ({ connection, diagnostics, config, sendsScanState }) => new WorkspaceScanner(connection, diagnostics, config, scanPool(), sendsScanState),
});

/**
 * The workspace scan's worker threads, running this server's entry (its worker role). CAPDROP_SCAN_WORKERS
 * sets how many; 0 lints in the server's thread (tests compare both).
 */
function scanPool(): ScanPool | undefined {
  const wanted = process.env.CAPDROP_SCAN_WORKERS;
  const size = wanted === undefined || wanted === '' ? undefined : Number(wanted);
  if (size === 0 || (size !== undefined && !Number.isInteger(size))) return undefined;
  // From the sources (tests) this module is not the entry; bundled, everything is dist/server.js.
  const entry = path.basename(__filename) === 'serverMain.ts' ? path.join(__dirname, 'server.ts') : __filename;
  return new ScanPool(entry, size);
}
