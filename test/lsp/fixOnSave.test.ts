import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

// Fix-on-save (`source.fixAll.capdrop`, docs/editor.md#fix-on-save): safe fixes, plus the rules the user opts in.

const DOC_URI = 'file:///virtual/save/compose.yaml';
const COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /etc/localtime:/etc/localtime\n    cap_add:\n      - NET_ADMIN\n';

async function onSave(lsp: LspHarness, uri = DOC_URI, text = COMPOSE): Promise<string | undefined> {
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    // What VS Code asks for with "editor.codeActionsOnSave": { "source.fixAll": "explicit" }.
    context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
  })) as CodeAction[];
  if (actions.length === 0) return undefined;
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Capdrop: fix all auto-fixable problems', 'source.fixAll.capdrop']]);
  const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockercompose', 1, text), change.edits as TextEdit[]);
}

/** The text after fix-on-save, with these `capdrop.*` settings (each a server of its own: settings are read at start). */
async function savedWith(settings: Record<string, unknown>): Promise<string | undefined> {
  const { harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0, ...settings } });
  try {
    await lsp.open(DOC_URI, 'dockercompose', COMPOSE, 1);
    await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 1, 'the first diagnostics');
    return await onSave(lsp);
  } finally {
    await lsp.stop();
  }
}

describe('fix-on-save', () => {
  it('applies the safe fixes only by default: the time zone mount becomes read-only, nothing else changes', async () => {
    assert.equal(await savedWith({}), COMPOSE.replace('/etc/localtime:/etc/localtime\n', '/etc/localtime:/etc/localtime:ro\n'));
  });

  it('capdrop.fixOnSave.rules opts a rule in, review fixes included', async () => {
    assert.equal(
      await savedWith({ fixOnSave: { rules: ['drop-all-capabilities', 'no-such-rule'] } }),
      'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n    cap_add:\n      - NET_ADMIN\n    cap_drop:\n      - ALL\n',
    );
  });

  it('"!RULE" keeps a rule out, its safe fixes too', async () => {
    assert.equal(await savedWith({ fixOnSave: { rules: ['!no-sensitive-mount'] } }), undefined);
  });
});

describe('fix-on-save in Restricted Mode', () => {
  it('leaves alone a finding the repository suppresses, though it is shown', async () => {
    const { harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 }, trusted: false });
    try {
      const uri = 'file:///virtual/save/suppressed/compose.yaml';
      const text = COMPOSE.replace('      - /etc/localtime', '      # capdrop-ignore no-sensitive-mount -- sets the host clock zone on purpose\n      - /etc/localtime');
      await lsp.open(uri, 'dockercompose', text, 1);
      const published = await lsp.waitForDiagnostics((p) => p.uri === uri && p.version === 1, 'the diagnostics');
      assert.ok(published.diagnostics.some((d) => d.code === 'no-sensitive-mount' && String(d.message).endsWith('(suppressed here: sets the host clock zone on purpose)')));
      assert.equal(await onSave(lsp, uri, text), undefined);
    } finally {
      await lsp.stop();
    }
  });
});
