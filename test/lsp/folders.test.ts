import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { LspHarness, codes, uri } from './harness';

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const EXTENDS_SHARED = 'services:\n  app:\n    extends:\n      file: ../shared/base.yml\n      service: web\n';
const BASE_PRIVILEGED = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
const BASE_PLAIN = 'services:\n  web:\n    image: nginx:1.27\n';

/**
 * Three sibling folders: `main` extends a file of `shared`, `other` stands alone. The server starts
 * with `main` only; the others come and go as workspace folders at runtime.
 */
describe('workspace folders added and removed at runtime; re-lint of files that extend a changed file', () => {
  let lsp: LspHarness;
  let capabilities: InitializeResult['capabilities'];
  let root: string;
  const at = (rel: string) => path.join(root, rel);
  const mainUri = () => uri(at('main/compose.yaml'));
  const otherUri = () => uri(at('other/compose.yaml'));

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-folders-')));
    for (const dir of ['main', 'shared', 'other']) mkdirSync(at(dir));
    writeFileSync(at('main/compose.yaml'), EXTENDS_SHARED);
    writeFileSync(at('shared/base.yml'), BASE_PRIVILEGED);
    writeFileSync(at('other/compose.yaml'), PRIVILEGED);
    const started = await LspHarness.start({ workspaceFolder: at('main'), settings: { validationDelayMs: 0 } });
    lsp = started.harness;
    capabilities = started.result.capabilities;
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('declares workspace folder support with change notifications, and at first reads no reference outside its folder', async () => {
    assert.deepEqual(capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const first = await lsp.waitForDiagnostics((p) => p.uri === mainUri(), 'the first scan of main');
    assert.deepEqual(codes(first).filter((c) => c === 'parse-error' || c === 'no-privileged'), ['parse-error'], 'the base outside the folders is not read');
    assert.match(String(first.diagnostics.find((d) => d.code === 'parse-error')?.message), /resolves outside the workspace/);
  });

  it('scans an added folder, and a reference into it is read from then on', async () => {
    const mark = lsp.diagnostics.length;
    await lsp.changeFolders([at('other'), at('shared')], []);
    const other = await lsp.waitForDiagnostics((p) => p.uri === otherUri(), 'the scan of the added folder', mark);
    assert.equal(codes(other).includes('no-privileged'), true);
    const main = await lsp.waitForDiagnostics((p) => p.uri === mainUri(), 'main re-linted with its base readable', mark);
    assert.equal(codes(main).includes('parse-error'), false);
    assert.deepEqual(main.diagnostics.find((d) => d.code === 'no-privileged')?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
  });

  it('clears the problems of the unopened files of a removed folder', async () => {
    const mark = lsp.diagnostics.length;
    await lsp.changeFolders([], [at('other')]);
    const cleared = await lsp.waitForDiagnostics((p) => p.uri === otherUri(), 'the removed folder cleared', mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('re-lints a file when the file it extends changes on disk', async () => {
    writeFileSync(at('shared/base.yml'), BASE_PLAIN);
    const mark = lsp.diagnostics.length;
    await lsp.watchedFiles([{ uri: uri(at('shared/base.yml')), type: 2 }]);
    const main = await lsp.waitForDiagnostics((p) => p.uri === mainUri(), 'main re-linted after its base changed', mark);
    assert.equal(codes(main).includes('no-privileged'), false);
    assert.equal(main.diagnostics.length > 0, true, 'the other rules still report');
  });

  it('re-lints a file when the file it extends is edited (unsaved), and again from disk when the editor closes it', async () => {
    const baseUri = uri(at('shared/base.yml'));
    let mark = lsp.diagnostics.length;
    await lsp.open(baseUri, 'yaml', BASE_PLAIN, 1);
    await lsp.replace(baseUri, 2, BASE_PRIVILEGED);
    const edited = await lsp.waitForDiagnostics((p) => p.uri === mainUri() && codes(p).includes('no-privileged'), 'main re-linted with the unsaved base', mark);
    assert.equal(edited.version, undefined, 'main itself is not open');

    mark = lsp.diagnostics.length;
    await lsp.close(baseUri);
    const closed = await lsp.waitForDiagnostics((p) => p.uri === mainUri(), 'main re-linted from the base on disk', mark);
    assert.equal(codes(closed).includes('no-privileged'), false);
  });

  it('re-lints an open file when the file it extends changes, keeping its version', async () => {
    let mark = lsp.diagnostics.length;
    await lsp.open(mainUri(), 'dockercompose', EXTENDS_SHARED, 5);
    await lsp.waitForDiagnostics((p) => p.uri === mainUri() && p.version === 5, 'the opened main', mark);
    writeFileSync(at('shared/base.yml'), BASE_PRIVILEGED);
    mark = lsp.diagnostics.length;
    await lsp.watchedFiles([{ uri: uri(at('shared/base.yml')), type: 2 }]);
    const main = await lsp.waitForDiagnostics((p) => p.uri === mainUri(), 'the open main re-linted', mark);
    assert.equal(main.version, 5);
    assert.equal(codes(main).includes('no-privileged'), true);
    await lsp.close(mainUri());
  });

  it('stops reading a reference into a folder once that folder is removed', async () => {
    const mark = lsp.diagnostics.length;
    await lsp.changeFolders([], [at('shared')]);
    const main = await lsp.waitForDiagnostics((p) => p.uri === mainUri() && codes(p).includes('parse-error'), 'main re-linted without its base', mark);
    assert.equal(codes(main).includes('no-privileged'), false);
  });
});
