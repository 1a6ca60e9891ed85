// Run by scanWorkerHeap.test.ts in a process started with the server's V8 flags: prints the young
// generation sizes of a scan worker and of this (the server's) thread, as JSON.
import * as path from 'node:path';
import { ScanPool } from '../../server/src/handlers/scanPool';
import { newSpaceBytes } from './heapProbeWorker';

async function main(): Promise<void> {
  const pool = new ScanPool(path.join(__dirname, 'heapProbeWorker.ts'), 1);
  const [result] = await pool.lint([{ uri: 'file:///probe', fsPath: '/probe', kind: 'compose', languageId: 'yaml', options: {} }]);
  pool.dispose();
  process.stdout.write(JSON.stringify({ worker: Number(result.uri), server: newSpaceBytes() }));
}

void main();
