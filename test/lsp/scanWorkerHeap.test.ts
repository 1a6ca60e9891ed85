import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../../bench/lspClient';

const MiB = 1024 * 1024;

// The server's small young generation (`--max-semi-space-size=1`) is a V8 flag, and V8 applies it to every
// isolate over a worker's own resourceLimits; the scan pool clears it before starting its workers.
describe("scan workers' heap", () => {
  it("a worker's young generation follows the pool's limits while the server's thread keeps its flag", () => {
    const run = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, '--import', 'tsx', path.join(__dirname, 'heapProbe.ts')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const { worker, server } = JSON.parse(run.stdout) as { worker: number; server: number };
    assert.ok(server <= 2 * MiB, `the server's thread grew its young generation to ${server / MiB} MiB despite its flag`);
    assert.ok(worker >= 4 * MiB, `the worker's young generation stayed at ${worker / MiB} MiB`);
  });
});
