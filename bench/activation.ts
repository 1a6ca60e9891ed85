// `node --import tsx bench/activation.ts`: what the extension's activate() costs, in two parts measured
// apart (VS Code itself is not started): loading dist/extension.js (with a stand-in `vscode` module, in
// a fresh process each time), and the language server's start up to its initialize answer, which
// activate() no longer waits for (it starts the client in the background). Not a test: it prints medians.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchClient, REPO } from './lspClient';
import { ms, summarize } from './stats';

const REPS = 7;

// Every property of the stand-in is a callable stand-in, so top-level code of the bundle may touch anything.
const LOAD_ONLY = `
const Module = require('node:module');
const stub = () => new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub() : load.call(this, request, ...rest); };
const t = performance.now();
const extension = require(${JSON.stringify(path.join(REPO, 'dist', 'extension.js'))});
const loaded = performance.now() - t;
if (typeof extension.activate !== 'function') throw new Error('no activate()');
process.stdout.write(String(loaded));
`;

async function main(): Promise<void> {
  const load: number[] = [];
  for (let i = 0; i < REPS; i++) load.push(Number(execFileSync(process.execPath, ['-e', LOAD_ONLY], { cwd: REPO, encoding: 'utf8' })));
  const start: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    const client = await BenchClient.start();
    start.push(performance.now() - t);
    await client.stop();
  }
  const l = summarize(load);
  const s = summarize(start);
  console.log(`require dist/extension.js: median ${ms(l.median)} ms, p99 ${ms(l.p99)} ms`);
  console.log(`server start → initialize answer (node dist/server.js): median ${ms(s.median)} ms, p99 ${ms(s.p99)} ms`);
}

void main();
