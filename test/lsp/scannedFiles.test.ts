import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

// The server keeps only the URI and kind of a file the scan linted in a worker (no text, no findings):
// what it needs later, it reads from disk when asked.
const ROOT_USER_DOCKERFILE = 'FROM nginx:1.27\nCMD ["nginx"]\n';
const CHANGED_ON_DISK = 'FROM nginx:1.27\nEXPOSE 8080\nCMD ["nginx"]\n';

describe('files linted by the workspace scan in a worker', () => {
  let dir: string;
  let lsp: LspHarness;
  let dockerfileUri: string;
  let savedWorkers: string | undefined;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-lsp-scanned-')));
    const dockerfile = path.join(dir, 'Dockerfile');
    fs.writeFileSync(dockerfile, ROOT_USER_DOCKERFILE);
    dockerfileUri = pathToFileURL(dockerfile).href;
    savedWorkers = process.env.CAPDROP_SCAN_WORKERS;
    process.env.CAPDROP_SCAN_WORKERS = '1';
    lsp = (await LspHarness.start({ workspaceFolder: dir, workDoneProgress: true })).harness;
    await lsp.waitForProgressOf(undefined, 'end');
  });

  after(async () => {
    await lsp.stop();
    if (savedWorkers === undefined) delete process.env.CAPDROP_SCAN_WORKERS;
    else process.env.CAPDROP_SCAN_WORKERS = savedWorkers;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the problems of the closed Dockerfile', () => {
    const published = lsp.diagnostics.filter((p) => p.uri === dockerfileUri);
    assert.ok(published.length >= 1, 'no diagnostics for the scanned Dockerfile');
    assert.ok(published.at(-1)!.diagnostics.some((d) => d.code === 'no-root-user'), JSON.stringify(published.at(-1)));
  });

  it('"Fix all in file" on it reads its text from disk at that moment and edits that text', async () => {
    // Changed behind the server's back after the scan: a kept copy of the scanned text would be stale.
    fs.writeFileSync(path.join(dir, 'Dockerfile'), CHANGED_ON_DISK);
    assert.equal(await lsp.executeCommand('capdrop.server.fixAllInFile', [dockerfileUri]), null);
    assert.equal(lsp.appliedEdits.length, 1);
    const change = lsp.appliedEdits[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: dockerfileUri, version: null });
    const fixed = TextDocument.applyEdits(TextDocument.create(dockerfileUri, 'dockerfile', 0, CHANGED_ON_DISK), change.edits as TextEdit[]);
    assert.match(fixed, /^FROM nginx:1\.27\nEXPOSE 8080\n(?:.*\n)*USER 10001:10001\nCMD \["nginx"\]\n$/);
  });

  it('a hover on it finds nothing to show (its findings are not kept) and does not fail', async () => {
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri: dockerfileUri }, position: { line: 1, character: 2 } });
    assert.equal(hover, null);
  });
});
