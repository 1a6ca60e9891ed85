// `node --import tsx bench/activation.ts`: what the extension's activate() costs, in two parts measured
// apart (VS Code itself is not started): loading dist/extension.js (with a stand-in `vscode` module, in
// a fresh process each time), and the language server's start up to its initialize answer, which
// activate() no longer waits for (it starts the client in the background). Not a test: it prints medians.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchClient, REPO } from './lspClient';
import { ms, summarize } from './stats';

const REPS = 9;

// The stand-in \`vscode\` has what activate() touches before it returns (the bundle's import copies the
// module's own properties, so a Proxy would not do).
const LOAD_ONLY = `
const Module = require('node:module');
const disposable = { dispose() {} };
const vscode = { commands: { registerCommand: () => disposable }, workspace: { onDidGrantWorkspaceTrust: () => disposable, isTrusted: true }, window: {} };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const t = performance.now();
const extension = require(${JSON.stringify(path.join(REPO, 'dist', 'extension.js'))});
const loaded = performance.now() - t;
if (typeof extension.activate !== 'function') throw new Error('no activate()');
// activate() itself, up to its return; what it leaves for later (the client library's load and the
// server's start, in a setImmediate) is not run: the stand-in context cannot start a server.
const t2 = performance.now();
extension.activate({ subscriptions: [], asAbsolutePath: (p) => p });
const activated = performance.now() - t2;
process.stdout.write(JSON.stringify([loaded, activated]));
process.exit(0);
`;

async function main(): Promise<void> {
  const load: number[] = [];
  const activate: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const [loaded, activated] = JSON.parse(execFileSync(process.execPath, ['-e', LOAD_ONLY], { cwd: REPO, encoding: 'utf8' })) as [number, number];
    load.push(loaded);
    activate.push(activated);
  }
  const start: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    const client = await BenchClient.start();
    start.push(performance.now() - t);
    await client.stop();
  }
  const l = summarize(load);
  const s = summarize(start);
  const a = summarize(activate);
  const both = summarize(load.map((x, i) => x + activate[i]));
  console.log(`require dist/extension.js: median ${ms(l.median)} ms, p99 ${ms(l.p99)} ms`);
  console.log(`activate() until it returns: median ${ms(a.median)} ms, p99 ${ms(a.p99)} ms`);
  console.log(`activation (require + activate()): median ${ms(both.median)} ms, p99 ${ms(both.p99)} ms`);
  console.log(`server start → initialize answer (node dist/server.js): median ${ms(s.median)} ms, p99 ${ms(s.p99)} ms`);
}

void main();
