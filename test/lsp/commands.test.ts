import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InitializeResult, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

const DOCKERFILE_URI = 'untitled:Dockerfile-1';
const DOCKERFILE = 'FROM nginx:1.27\nCMD ["nginx"]\n';

/** The commands behind the palette's "Capdrop: Fix all in file" and "Capdrop: Scan workspace" (the latter is exercised in scanControl.test.ts). */
describe('server commands through workspace/executeCommand', () => {
  let lsp: LspHarness;
  let capabilities: InitializeResult['capabilities'];

  before(async () => {
    const started = await LspHarness.start({ settings: { validationDelayMs: 0 } });
    lsp = started.harness;
    capabilities = started.result.capabilities;
  });
  after(() => lsp.stop());

  it('declares the server-side command ids (the third selects an ignore comment\'s reason, ignoreActions.test.ts)', () => {
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['capdrop.server.fixAllInFile', 'capdrop.server.lintWorkspace', 'capdrop.server.selectRange']);
  });

  it('"Fix all in file" on a Dockerfile applies the review fix (a non-root user) as one versioned edit', async () => {
    await lsp.open(DOCKERFILE_URI, 'dockerfile', DOCKERFILE, 4);
    await lsp.waitForDiagnostics((p) => p.uri === DOCKERFILE_URI && p.version === 4, 'the Dockerfile linted');
    assert.equal(await lsp.executeCommand('capdrop.server.fixAllInFile', [DOCKERFILE_URI]), null);
    assert.equal(lsp.appliedEdits.length, 1);
    assert.equal(lsp.appliedEdits[0].label, 'Capdrop: fix all in file');
    const change = lsp.appliedEdits[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: DOCKERFILE_URI, version: 4 });
    const fixed = TextDocument.applyEdits(TextDocument.create(DOCKERFILE_URI, 'dockerfile', 4, DOCKERFILE), change.edits as TextEdit[]);
    assert.equal(
      fixed,
      'FROM nginx:1.27\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["nginx"]\n',
    );
  });

  it('"Fix all in file" asks for no edit when nothing is left to fix, or when no document is named', async () => {
    const clean = 'untitled:Dockerfile-2';
    const fixedText = 'FROM nginx:1.27\nUSER 10001:10001\nCMD ["nginx"]\n';
    await lsp.open(clean, 'dockerfile', fixedText, 1);
    await lsp.waitForDiagnostics((p) => p.uri === clean, 'the fixed Dockerfile linted');
    const before = lsp.appliedEdits.length;
    assert.equal(await lsp.executeCommand('capdrop.server.fixAllInFile', [clean]), null);
    assert.equal(await lsp.executeCommand('capdrop.server.fixAllInFile', []), null);
    assert.equal(await lsp.executeCommand('capdrop.server.fixAllInFile', ['untitled:not-open']), null);
    assert.equal(lsp.appliedEdits.length, before);
  });
});
