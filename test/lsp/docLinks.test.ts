import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspHarness } from './harness';

// Rule links open the documentation that ships with Capdrop: through the extension's command in VS Code,
// as the page's file for other clients. Never a web address (Capdrop has no site).

const DOC_URI = 'file:///virtual/links/compose.yaml';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    restart: always\n';
const COMMAND = (page: string) => `command:capdrop.showDocumentation?${encodeURIComponent(JSON.stringify([page]))}`;

async function opened(docLinks?: string): Promise<{ lsp: LspHarness; diagnostics: Diagnostic[] }> {
  const { harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 }, docLinks });
  await lsp.open(DOC_URI, 'dockercompose', COMPOSE, 1);
  const published = await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 1, 'the diagnostics');
  return { lsp, diagnostics: published.diagnostics };
}

describe('documentation links for the VS Code extension (docLinks: command)', () => {
  let lsp: LspHarness;
  let diagnostics: Diagnostic[];
  before(async () => ({ lsp, diagnostics } = await opened('command')));
  after(() => lsp.stop());

  it('each diagnostic links its rule page through the command, the summary the hardening page', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.codeDescription?.href]),
      [
        ['container-hardening', COMMAND('hardening')],
        ['no-privileged', COMMAND('no-privileged')],
      ],
    );
  });

  it('the hover links the same pages', async () => {
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: DOC_URI }, position: { line: 3, character: 6 } })) as Hover;
    assert.ok((hover.contents as { value: string }).value.includes(`[Rule documentation](${COMMAND('no-privileged')})`));
  });

  it('"Show documentation for RULE" is a code action running the command, last', async () => {
    const privileged = diagnostics.find((d) => d.code === 'no-privileged')!;
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: DOC_URI }, range: privileged.range, context: { diagnostics: [privileged], only: ['quickfix'] } })) as CodeAction[];
    const last = actions[actions.length - 1];
    assert.deepEqual(last, {
      title: 'Show documentation for no-privileged',
      kind: 'quickfix',
      diagnostics: [privileged],
      command: { title: 'Show documentation for no-privileged', command: 'capdrop.showDocumentation', arguments: ['no-privileged'] },
    });
  });
});

describe('documentation links for other clients', () => {
  it('are the files of the pages, which exist; no "Show documentation" action (the client has no such command)', async () => {
    const { lsp, diagnostics } = await opened();
    try {
      for (const d of diagnostics) {
        const file = fileURLToPath(d.codeDescription!.href);
        assert.ok(fs.existsSync(file), `${d.code}: ${file}`);
      }
      const privileged = diagnostics.find((d) => d.code === 'no-privileged')!;
      const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: DOC_URI }, range: privileged.range, context: { diagnostics: [privileged], only: ['quickfix'] } })) as CodeAction[];
      assert.equal(actions.some((a) => a.title.startsWith('Show documentation')), false);
    } finally {
      await lsp.stop();
    }
  });
});
