import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

const DOC_URI = 'file:///virtual/actions/compose.yaml';
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

describe('code actions, hover and fix-all', () => {
  let lsp: LspHarness;
  let privileged: Diagnostic;

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 } }));
    await lsp.open(DOC_URI, 'dockercompose', PRIVILEGED, 7);
    const published = await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 7, 'diagnostics of version 7');
    privileged = published.diagnostics.find((d) => d.code === 'no-privileged')!;
    assert.ok(privileged, 'the privileged finding is published');
  });
  after(() => lsp.stop());

  it('offers the ignore action for the diagnostic as a versioned edit', async () => {
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC_URI },
      range: privileged.range,
      context: { diagnostics: [privileged] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore no-privileged on this line');
    assert.deepEqual(ignore, {
      title: 'Ignore no-privileged on this line',
      kind: 'quickfix',
      diagnostics: [privileged],
      edit: {
        documentChanges: [
          {
            textDocument: { uri: DOC_URI, version: 7 },
            edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '    # capdrop-ignore no-privileged -- \n' }],
          },
        ],
      },
    });
    // Every action answers this diagnostic only, and every edit is pinned to the linted version.
    for (const action of actions) {
      assert.deepEqual(action.diagnostics, [privileged]);
      assert.equal((action.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 7);
    }
  });

  it('offers the rule fix first, as the preferred action, with the ignore action after it', async () => {
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC_URI },
      range: privileged.range,
      context: { diagnostics: [privileged], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Remove privileged mode (grant specific capabilities instead)', true],
        ['Ignore no-privileged on this line', false],
        ['Ignore no-privileged in this file', false],
      ],
    );
    assert.deepEqual(actions[0].edit, {
      documentChanges: [
        {
          textDocument: { uri: DOC_URI, version: 7 },
          edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' }],
        },
      ],
    });
  });

  it('applies every fix, review ones included, through "fix all in file", in passes until nothing is left to fix', async () => {
    await lsp.connection.sendRequest('workspace/executeCommand', { command: 'capdrop.server.fixAllInFile', arguments: [DOC_URI] });
    assert.equal(lsp.appliedEdits.length, 1);
    const change = lsp.appliedEdits[0].edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: DOC_URI, version: 7 });
    const fixed = TextDocument.applyEdits(TextDocument.create(DOC_URI, 'dockercompose', 7, PRIVILEGED), change.edits as TextEdit[]);
    assert.doesNotMatch(fixed, /privileged/);
    assert.match(fixed, /^services:\n  app:\n    image: nginx:1\.27\n/);
  });

  it('ignores diagnostics from other sources and ones whose data does not match a finding', async () => {
    const foreign = { ...privileged, source: 'hadolint' };
    const forged = { ...privileged, data: { ruleId: 'no-root-user', index: 0 } };
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC_URI },
      range: privileged.range,
      context: { diagnostics: [foreign, forged], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions, []);
  });

  it('puts only safe fixes in source.fixAll (these findings have none)', async () => {
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.capdrop'] },
    })) as CodeAction[];
    assert.deepEqual(actions, []);
  });

  it('explains a finding on hover with its rule title, rationale, advice and link', async () => {
    const hover = (await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: DOC_URI },
      position: { line: 3, character: 8 },
    })) as Hover;
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.match(value, /^\*\*Do not run containers privileged\*\* \(`no-privileged`, error\)/);
    assert.match(value, /A privileged container gets every capability/);
    assert.match(value, /\*\*What to do:\*\* This container runs privileged/);
    assert.ok(value.includes(`[Rule documentation](${pathToFileURL(path.join(__dirname, '..', '..', 'docs', 'rules', 'no-privileged.md')).href})`), value);
    assert.deepEqual(hover.range, privileged.range);
  });

  it('answers hover with nothing away from findings', async () => {
    const hover = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: DOC_URI }, position: { line: 2, character: 12 } });
    assert.equal(hover, null);
  });
});
