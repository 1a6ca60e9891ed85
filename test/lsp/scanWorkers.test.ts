import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/engine/lint';
import { toDiagnostics } from '../../server/src/engine/toLsp';
import { ScanPool } from '../../server/src/handlers/scanPool';
import { detectKind } from '../../server/src/parse';
import type { ScanJob } from '../../server/src/scanWorker';
import { fileDocLinks } from '../../server/src/files/docFiles';
import { LspHarness } from './harness';

// The workspace scan lints in worker threads; what they publish must be what the server's own thread would.
const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'compose');
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SERVER_ENTRY = path.join(__dirname, '..', '..', 'server', 'src', 'server.ts');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Every file Capdrop reads by its name, and the corpus's YAML files (most not named like Compose files) as Compose. */
const kindOf = (f: string) => detectKind(f) ?? (f.startsWith(CORPUS) && /\.ya?ml$/.test(f) ? 'compose' : undefined);

describe('workspace scan in worker threads', () => {
  const pool = new ScanPool(SERVER_ENTRY, 2);
  after(() => pool.dispose());

  it('a worker returns the diagnostics of an in-process lint, and hands back files that read other files', async () => {
    const inputs = [...files(CORPUS), ...files(FIXTURES)].filter((f) => kindOf(f) !== undefined);
    const jobs: ScanJob[] = inputs.map((fsPath) => ({
      uri: pathToFileURL(fsPath).href,
      fsPath,
      kind: kindOf(fsPath)!,
      languageId: 'plaintext',
      options: { withFixes: false, maxFileSize: 5_000_000 },
    }));
    // Two batches, so both workers answer.
    const half = Math.ceil(jobs.length / 2);
    const results = (await Promise.all([pool.lint(jobs.slice(0, half)), pool.lint(jobs.slice(half))])).flat();
    assert.equal(results.length, jobs.length);
    let linted = 0;
    let handedBack = 0;
    for (const [i, job] of jobs.entries()) {
      const result = results[i];
      assert.equal(result.uri, job.uri);
      const text = fs.readFileSync(job.fsPath, 'utf8');
      let readOthers = false;
      // Every Compose file looks for its project's files (.env, override files): only one found is read in the main thread.
      const exists = (rel: string, from: string) => fs.statSync(path.resolve(path.dirname(from), rel), { throwIfNoEntry: false })?.isFile() === true;
      const local = lint(text, job.kind, { withFixes: false, files: { path: job.fsPath, read: (rel, from) => ((readOthers ||= exists(rel, from)), { status: 'missing' }) } });
      if (readOthers) {
        assert.equal(result.status, 'in-process', job.fsPath);
        handedBack++;
        continue;
      }
      assert.equal(result.status, 'linted', job.fsPath);
      if (result.status !== 'linted') continue;
      const diagnostics = JSON.parse(result.diagnosticsJson) as unknown[];
      assert.deepEqual(diagnostics, toDiagnostics(TextDocument.create(job.uri, 'plaintext', 0, text), local.findings, fileDocLinks(), (p) => pathToFileURL(p).href), job.fsPath);
      if (diagnostics.length) linted++;
    }
    assert.ok(linted > 50, `only ${linted} files with diagnostics`);
    assert.ok(handedBack > 0, 'no file of the corpus reads another');
  });

  it('a file over the size limit or gone is reported as such, not linted', async () => {
    const fsPath = files(CORPUS).filter((f) => kindOf(f))[0];
    const base = { fsPath, kind: 'compose' as const, languageId: 'yaml', options: { maxFileSize: 10 } };
    const [tooLarge, missing] = await pool.lint([
      { ...base, uri: 'file:///a' },
      { ...base, uri: 'file:///b', fsPath: fsPath + '.does-not-exist', options: { maxFileSize: 5_000_000 } },
    ]);
    assert.deepEqual(tooLarge, { uri: 'file:///a', status: 'too-large', size: fs.statSync(fsPath).size, limit: 10 });
    assert.deepEqual(missing, { uri: 'file:///b', status: 'missing' });
  });

  it('the server publishes the same diagnostics for every file of a scanned folder with and without workers', async () => {
    const scan = async (workers: string): Promise<Map<string, PublishDiagnosticsParams['diagnostics']>> => {
      const saved = process.env.CAPDROP_SCAN_WORKERS;
      process.env.CAPDROP_SCAN_WORKERS = workers;
      const { harness } = await LspHarness.start({ workspaceFolder: CORPUS, moreFolders: [FIXTURES], workDoneProgress: true });
      if (saved === undefined) delete process.env.CAPDROP_SCAN_WORKERS;
      else process.env.CAPDROP_SCAN_WORKERS = saved;
      try {
        await harness.waitForProgressOf(undefined, 'end');
        const latest = new Map<string, PublishDiagnosticsParams['diagnostics']>();
        for (const p of harness.diagnostics) latest.set(p.uri, p.diagnostics);
        return latest;
      } finally {
        await harness.stop();
      }
    };
    const [inProcess, withWorkers] = await Promise.all([scan('0'), scan('2')]);
    assert.ok([...inProcess.values()].filter((d) => d.length).length >= 15, `only ${inProcess.size} files published`);
    assert.deepEqual(withWorkers, inProcess);
  });
});
