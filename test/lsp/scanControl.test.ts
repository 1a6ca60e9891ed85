import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspHarness, codes, uri } from './harness';

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
// Enough files that a scan lasts far longer than a message round trip, so a cancel or an open lands mid-scan.
const DIRS = 20;
const FILES_PER_DIR = 30;
const FILE_COUNT = DIRS * FILES_PER_DIR;

function bigWorkspace(): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-scan-')));
  for (let d = 0; d < DIRS; d++) {
    mkdirSync(path.join(root, `d${d}`));
    for (let f = 0; f < FILES_PER_DIR; f++) writeFileSync(path.join(root, `d${d}`, `compose-${f}.yaml`), PRIVILEGED);
  }
  return root;
}

describe('a long workspace scan: the editor stays responsive, the scan can be cancelled and superseded', () => {
  let lsp: LspHarness;
  let root: string;
  const inWorkspace = (p: PublishDiagnosticsParams) => p.uri.startsWith(uri(root) + '/');
  /** Workspace files published since `since` (a diagnostics index), once each. */
  const publishedSince = (since: number, accept: (p: PublishDiagnosticsParams) => boolean = () => true) =>
    new Set(lsp.diagnostics.slice(since).filter((p) => inWorkspace(p) && accept(p)).map((p) => p.uri));
  const scanTokens = () => lsp.progress.filter((p) => p.value.kind === 'begin').map((p) => p.token);

  before(async () => {
    root = bigWorkspace();
    ({ harness: lsp } = await LspHarness.start({ workspaceFolder: root, workDoneProgress: true, settings: { validationDelayMs: 0 } }));
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lints a newly opened document at once, before the scan ends', async () => {
    const { token } = await lsp.waitForProgressOf(undefined, 'begin');
    const opened = 'untitled:Untitled-1';
    await lsp.open(opened, 'dockercompose', PRIVILEGED, 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === opened, 'the opened document');
    assert.equal(codes(published).includes('no-privileged'), true);
    assert.equal(
      lsp.progress.some((p) => p.token === token && p.value.kind === 'end'),
      false,
      'the scan was still running when the opened document got its diagnostics',
    );
    assert.ok(publishedSince(0).size < FILE_COUNT);
  });

  it('stops when its progress is cancelled: fewer files published than exist, and the progress ends', async () => {
    const [token] = scanTokens();
    await lsp.cancelProgress(token);
    await lsp.waitForProgressOf(token, 'end');
    const published = publishedSince(0).size;
    assert.ok(published > 0, 'the scan had started');
    assert.ok(published < FILE_COUNT, `${published} of ${FILE_COUNT} files published: the cancel came too late to tell`);
    // A request after the end sees no further publication from the cancelled scan.
    await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } });
    assert.equal(publishedSince(0).size, published);
  });

  it('"Scan workspace" (capdrop.server.lintWorkspace) scans every file again and answers when done', async () => {
    const changed = path.join(root, 'd0', 'compose-0.yaml');
    writeFileSync(changed, 'services:\n  app:\n    image: nginx:1.27\n');
    const mark = lsp.diagnostics.length;
    const scansBefore = scanTokens().length;
    assert.equal(await lsp.executeCommand('capdrop.server.lintWorkspace'), null);
    const [, token] = scanTokens().slice(scansBefore - 1);
    assert.ok(lsp.progress.some((p) => p.token === token && p.value.kind === 'end'), 'the command answered after its scan ended');
    assert.equal(publishedSince(0).size, FILE_COUNT);
    const latest = lsp.diagnostics.slice(mark).filter((p) => p.uri === uri(changed)).at(-1);
    assert.ok(latest, 'the file changed without a watcher event was read again');
    assert.equal(codes(latest).includes('no-privileged'), false);
  });

  it('a newer scan supersedes an older one: the older ends early, the newer one lints everything', async () => {
    const mark = lsp.diagnostics.length;
    const progressMark = lsp.progress.length;
    await lsp.changeSettings({ validationDelayMs: 0, rules: { 'no-privileged': 'off' } });
    const older = await lsp.waitForProgressOf(undefined, 'begin', progressMark);
    await lsp.changeSettings({ validationDelayMs: 0, rules: { 'no-privileged': 'info' } });
    const olderEnd = await lsp.waitForProgressOf(older.token, 'end', progressMark);
    const newer = await lsp.waitForProgressOf(undefined, 'begin', lsp.progress.indexOf(olderEnd as (typeof lsp.progress)[number]));
    assert.notEqual(newer.token, older.token);
    await lsp.waitForProgressOf(newer.token, 'end', progressMark);

    const offByOlder = publishedSince(mark, (p) => p.diagnostics.length > 0 && !codes(p).includes('no-privileged'));
    assert.ok(offByOlder.size < FILE_COUNT - 1, `the older scan re-linted ${offByOlder.size} files before it was superseded`);
    const latest = new Map<string, PublishDiagnosticsParams>();
    for (const p of lsp.diagnostics) if (inWorkspace(p)) latest.set(p.uri, p);
    assert.equal(latest.size, FILE_COUNT);
    const withInfo = [...latest.values()].filter((p) => p.diagnostics.some((d) => d.code === 'no-privileged' && d.severity === 3));
    assert.equal(withInfo.length, FILE_COUNT - 1, 'every file but the one without privileged has the newest severity');
  });

  it('a folder added mid-scan supersedes the scan without cutting it short: the rest of the workspace is still linted', async () => {
    for (let d = 0; d < DIRS; d++) for (let f = 0; f < FILES_PER_DIR; f++) writeFileSync(path.join(root, `d${d}`, `compose-${f}.yaml`), PRIVILEGED + '    cap_add: [ALL]\n');
    const added = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-scan-added-')));
    writeFileSync(path.join(added, 'compose.yaml'), PRIVILEGED);
    try {
      const progressMark = lsp.progress.length;
      const command = lsp.executeCommand('capdrop.server.lintWorkspace');
      const older = await lsp.waitForProgressOf(undefined, 'begin', progressMark);
      await lsp.changeFolders([added], []);
      const olderEnd = await lsp.waitForProgressOf(older.token, 'end', progressMark);
      const newer = await lsp.waitForProgressOf(undefined, 'begin', lsp.progress.indexOf(olderEnd as (typeof lsp.progress)[number]));
      await lsp.waitForProgressOf(newer.token, 'end', progressMark);
      await command;

      await lsp.waitForDiagnostics((p) => p.uri === uri(path.join(added, 'compose.yaml')) && codes(p).includes('no-privileged'), 'the added folder scanned');
      const latest = new Map<string, PublishDiagnosticsParams>();
      for (const p of lsp.diagnostics) if (inWorkspace(p)) latest.set(p.uri, p);
      const withCapAdd = [...latest.values()].filter((p) => codes(p).includes('no-dangerous-capabilities'));
      assert.equal(withCapAdd.length, FILE_COUNT, 'every file of the first folder was linted after its change');
    } finally {
      rmSync(added, { recursive: true, force: true });
    }
  });
});
