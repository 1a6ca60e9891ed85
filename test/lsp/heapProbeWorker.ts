// A stand-in scan worker for scanWorkerHeap.test.ts: it answers each batch with the size its young
// generation grew to under allocation, in the first result's `uri`.
import { getHeapSpaceStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { READY, type ScanReply, type ScanRequest } from '../../server/src/scanWorker';

export function newSpaceBytes(): number {
  // Short-lived garbage, as linting makes: V8 grows the young generation up to its limit under it.
  let kept: { i: number }[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    kept.push({ i });
    if (kept.length > 1000) kept = [];
  }
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
}

parentPort?.on('message', (request: ScanRequest) => {
  const reply: ScanReply = { id: request.id, results: [{ uri: String(newSpaceBytes()), status: 'missing' }] };
  parentPort!.postMessage(reply);
});
parentPort?.postMessage(READY);
