import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspHarness, codes, uri } from './harness';

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const hasPrivileged = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'no-privileged');

function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('workspace scan with progress', () => {
  let lsp: LspHarness;
  let root: string;

  before(async () => {
    root = makeWorkspace({
      'compose.yaml': PRIVILEGED,
      'deploy/docker-compose.prod.yml': PRIVILEGED,
      'ignored-by-git/compose.yaml': PRIVILEGED,
      'excluded/compose.yaml': PRIVILEGED,
      'hidden/compose.yaml': PRIVILEGED,
      'node_modules/pkg/compose.yaml': PRIVILEGED,
      '.gitignore': 'ignored-by-git/\n',
      'notes.txt': 'privileged: true\n',
    });
    ({ harness: lsp } = await LspHarness.start({
      workspaceFolder: root,
      workDoneProgress: true,
      settings: { validationDelayMs: 0, exclude: ['excluded/**'] },
      filesExclude: { '**/hidden': true },
    }));
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports cancellable progress through a token created by the server', async () => {
    const begin = (await lsp.waitForProgress('begin')) as { kind: string; cancellable?: boolean; title?: string };
    await lsp.waitForProgress('end');
    assert.equal(lsp.progressCreated.length >= 1, true);
    assert.equal(begin.cancellable, true);
    assert.equal(begin.title, 'Capdrop: linting the workspace');
    assert.deepEqual(new Set(lsp.progress.map((p) => p.token)), new Set(lsp.progressCreated));
  });

  it('publishes findings for unopened files, skipping .gitignore, files.exclude, capdrop.exclude and node_modules', async () => {
    await lsp.waitForProgress('end');
    const scanned = new Set(lsp.diagnostics.filter(hasPrivileged).map((p) => p.uri));
    assert.deepEqual(scanned, new Set([uri(path.join(root, 'compose.yaml')), uri(path.join(root, 'deploy', 'docker-compose.prod.yml'))]));
    for (const p of lsp.diagnostics) assert.equal(p.version, undefined, 'files read from disk carry no version');
  });

  it('keeps the problems of a closed document (re-read from disk), then clears them when the file is deleted', async () => {
    const file = path.join(root, 'compose.yaml');
    const fileUri = uri(file);
    await lsp.open(fileUri, 'dockercompose', PRIVILEGED + '    cap_add: [ALL]\n', 1);
    await lsp.waitForDiagnostics((p) => p.uri === fileUri && p.version === 1, 'diagnostics of the opened file');
    const mark = lsp.diagnostics.length;
    await lsp.close(fileUri);
    const afterClose = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'diagnostics after close', mark);
    assert.equal(afterClose.version, undefined);
    assert.equal(hasPrivileged(afterClose), true, 'the closed file still shows its problems, as on disk');

    const beforeDelete = lsp.diagnostics.length;
    unlinkSync(file);
    await lsp.watchedFiles([{ uri: fileUri, type: 3 }]);
    const cleared = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'diagnostics after delete', beforeDelete);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('lints a created file that is not open', async () => {
    const file = path.join(root, 'later', 'compose.yml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, PRIVILEGED);
    const mark = lsp.diagnostics.length;
    await lsp.watchedFiles([{ uri: uri(file), type: 1 }]);
    const published = await lsp.waitForDiagnostics((p) => p.uri === uri(file), 'diagnostics of the created file', mark);
    assert.equal(hasPrivileged(published), true);
  });

  it('re-lints everything on a configuration change, and a rule turned off disappears', async () => {
    const fileUri = uri(path.join(root, 'deploy', 'docker-compose.prod.yml'));
    const openUri = uri(path.join(root, 'open', 'compose.yaml'));
    await lsp.open(openUri, 'dockercompose', PRIVILEGED, 3);
    await lsp.waitForDiagnostics((p) => p.uri === openUri && hasPrivileged(p), 'the open file with its finding');
    const mark = lsp.diagnostics.length;
    await lsp.changeSettings({ validationDelayMs: 0, exclude: ['excluded/**'], rules: { 'no-privileged': 'off' } });
    const unopened = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the re-linted unopened file', mark);
    const opened = await lsp.waitForDiagnostics((p) => p.uri === openUri, 'the re-linted open file', mark);
    assert.equal(codes(unopened).includes('no-privileged'), false);
    assert.equal(codes(opened).includes('no-privileged'), false);
    assert.equal(opened.version, 3);
  });
});

describe('workspace scan without progress support, and workspace trust', () => {
  let root: string;

  before(() => {
    root = makeWorkspace({ 'compose.yaml': PRIVILEGED, '.capdrop.yaml': 'rules:\n  no-privileged: off\n' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('honours the workspace .capdrop.yaml when trusted, without asking for a progress token', async () => {
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, workDoneProgress: false, trusted: true });
    try {
      const fileUri = uri(path.join(root, 'compose.yaml'));
      const published = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the scanned file');
      assert.equal(codes(published).includes('no-privileged'), false);
      assert.equal(published.diagnostics.length > 0, true, 'other rules still report');
      assert.deepEqual(lsp.progressCreated, []);
      assert.deepEqual(lsp.progress, []);

      // Editing the .capdrop.yaml re-lints the workspace with the new rules.
      writeFileSync(path.join(root, '.capdrop.yaml'), 'rules:\n  no-privileged: warning\n');
      const mark = lsp.diagnostics.length;
      await lsp.watchedFiles([{ uri: uri(path.join(root, '.capdrop.yaml')), type: 2 }]);
      const relinted = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the file re-linted with the new config', mark);
      assert.equal(relinted.diagnostics.find((d) => d.code === 'no-privileged')?.severity, 2);
      writeFileSync(path.join(root, '.capdrop.yaml'), 'rules:\n  no-privileged: off\n');
    } finally {
      await lsp.stop();
    }
  });

  it('ignores the workspace .capdrop.yaml when the workspace is not trusted', async () => {
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, trusted: false });
    try {
      const fileUri = uri(path.join(root, 'compose.yaml'));
      const published = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the scanned file');
      assert.equal(codes(published).includes('no-privileged'), true);
    } finally {
      await lsp.stop();
    }
  });
});
