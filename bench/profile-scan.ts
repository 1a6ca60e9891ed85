// Profiles the language server during a workspace scan: `node --import tsx bench/profile-scan.ts [dir]`
// writes a .cpuprofile of the server into bench/.generated/profiles/ (open it in Chrome DevTools).
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENERATED, generate } from './generate';
import { BenchClient } from './lspClient';

async function main(): Promise<void> {
  const folder = process.argv[2] ?? generate().workspace;
  // CAPDROP_SCAN_WORKERS=0 profiles the scan in the server's thread; workers write their own profiles.
  const client = await BenchClient.start(folder, ['--cpu-prof', `--cpu-prof-dir=${path.join(GENERATED, 'profiles')}`]);
  const t = performance.now();
  let files = 0;
  const done = new Promise<void>((resolve) => {
    client.onDiagnostics(() => files++);
    client.progressEnded = resolve;
  });
  await client.initialized();
  await done;
  console.log(`${files} diagnostics notifications in ${(performance.now() - t).toFixed(0)} ms; peak RSS ${client.peakRssMiB()?.toFixed(0)} MiB`);
  await client.stop();
}

void main();
