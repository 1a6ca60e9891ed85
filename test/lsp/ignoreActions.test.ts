import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { LspHarness, type HarnessOptions } from './harness';

// The ignore actions over LSP: the cursor lands on the reason, by a snippet edit where the client takes
// them (LSP 3.18), else by selecting it after the edit (window/showDocument), else not at all.

const DOC_URI = 'file:///virtual/ignore/run.sh';
const SCRIPT = '#!/bin/sh\n# capdrop-ignore no-privileged -- the $CI runner needs {it}\ndocker run --privileged --pid=host nginx:1.27\n';

async function ignoreActions(options: HarnessOptions): Promise<{ lsp: LspHarness; actions: CodeAction[] }> {
  const { harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 }, ...options });
  await lsp.open(DOC_URI, 'shellscript', SCRIPT, 3);
  const published = await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 3, 'diagnostics of version 3');
  const hostPid = published.diagnostics.find((d) => d.code === 'no-host-namespace') as Diagnostic;
  assert.ok(hostPid, 'the --pid=host finding');
  const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: DOC_URI },
    range: hostPid.range,
    context: { diagnostics: [hostPid], only: ['quickfix'] },
  })) as CodeAction[];
  // The rule's own fix comes first; these tests are about the two ignore actions after it.
  return { lsp, actions: actions.filter((a) => a.title.startsWith('Ignore ')) };
}

function onlyEdit(action: CodeAction | undefined): TextEdit | SnippetTextEdit {
  assert.ok(action?.edit?.documentChanges, 'a versioned edit');
  const change = action.edit.documentChanges[0] as TextDocumentEdit;
  assert.equal(change.edits.length, 1);
  return change.edits[0];
}

describe('ignore actions over LSP', () => {
  it('with snippet edits: "on this line" joins the comment above, its reason a selected placeholder; "in this file" puts the cursor on the reason', async () => {
    const { lsp, actions } = await ignoreActions({ workspaceEdit: { snippetEditSupport: true } });
    try {
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Ignore no-host-namespace on this line', 'Ignore no-host-namespace in this file'],
      );
      // $, } and \ in the existing reason are escaped, so the snippet inserts them as written.
      assert.deepEqual(onlyEdit(actions[0]), {
        range: { start: { line: 1, character: 30 }, end: { line: 1, character: 59 } },
        snippet: { kind: 'snippet', value: ',no-host-namespace -- ${1:the \\$CI runner needs {it\\}}' },
      });
      assert.deepEqual(onlyEdit(actions[1]), {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        snippet: { kind: 'snippet', value: '# capdrop-ignore-file no-host-namespace -- $0\n' },
      });
      assert.equal(actions[0].command, undefined);
    } finally {
      await lsp.stop();
    }
  });

  it('without snippet edits but with showDocument: a plain edit, then a command that selects the reason', async () => {
    const { lsp, actions } = await ignoreActions({ showDocument: true });
    try {
      assert.deepEqual(onlyEdit(actions[0]), {
        range: { start: { line: 1, character: 30 }, end: { line: 1, character: 59 } },
        newText: ',no-host-namespace -- the $CI runner needs {it}',
      });
      const select = actions[0].command!;
      assert.equal(select.command, 'capdrop.server.selectRange');
      // After the edit the line reads `# capdrop-ignore no-privileged,no-host-namespace -- the $CI…`.
      const reasonStart = '# capdrop-ignore no-privileged,no-host-namespace -- '.length;
      assert.deepEqual(select.arguments, [DOC_URI, { start: { line: 1, character: reasonStart }, end: { line: 1, character: reasonStart + 'the $CI runner needs {it}'.length } }]);
      await lsp.executeCommand(select.command, select.arguments);
      assert.deepEqual(lsp.shownDocuments, [{ uri: DOC_URI, selection: select.arguments![1], takeFocus: true }]);
    } finally {
      await lsp.stop();
    }
  });

  it('with neither: plain edits and no command', async () => {
    const { lsp, actions } = await ignoreActions({});
    try {
      assert.deepEqual(
        actions.map((a) => [('newText' in onlyEdit(a)) as boolean, a.command]),
        [[true, undefined], [true, undefined]],
      );
    } finally {
      await lsp.stop();
    }
  });
});
