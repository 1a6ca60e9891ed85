import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/engine/lint';
import { toDiagnostics } from '../../server/src/engine/toLsp';
import { fileDocLinks } from '../../server/src/files/docFiles';
import { LspHarness } from './harness';

// A Compose file over 200 lines is re-linted incrementally by the server; what it publishes, and the fixes it offers, must not show it.
const DOC_URI = 'untitled:large-compose';

function largeCompose(services: number): string {
  const lines = ['x-common: &common', '  restart: unless-stopped', 'services:'];
  for (let i = 0; i < services; i++) lines.push(`  app${i}:`, '    <<: *common', '    image: nginx:1.27', '    read_only: true', '    cap_drop: [ALL]', `    hostname: app${i}`);
  return lines.join('\n') + '\n';
}

// 500 services (~3,000 lines, the size the incremental path was built for) and 40 (~240 lines, just over the threshold).
for (const services of [500, 40]) describe(`the server on a Compose file of ${services} services`, () => {
  let lsp: LspHarness;
  const text = largeCompose(services);
  const at = text.indexOf(`    hostname: app${services / 2}\n`);
  const edited = text.slice(0, at) + '    privileged: true\n' + text.slice(at);
  const expected = (t: string) => toDiagnostics(TextDocument.create(DOC_URI, 'dockercompose', 0, t), lint(t, 'compose', { withFixes: false }).findings, fileDocLinks());

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 } }));
  });
  after(() => lsp.stop());

  it('publishes after each edit what a whole lint gives, and offers the fix of a finding added by the edit', async () => {
    assert.ok(text.split('\n').length > 200);
    await lsp.open(DOC_URI, 'dockercompose', text, 1);
    const first = await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 1, 'version 1');
    assert.deepEqual(first.diagnostics, expected(text));

    await lsp.replace(DOC_URI, 2, edited);
    const second = await lsp.waitForDiagnostics((p) => p.uri === DOC_URI && p.version === 2, 'version 2');
    assert.deepEqual(second.diagnostics, expected(edited));
    const privileged = second.diagnostics.find((d: Diagnostic) => d.code === 'no-privileged');
    assert.ok(privileged, 'the edit added a no-privileged finding');

    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: DOC_URI },
      range: privileged.range,
      context: { diagnostics: [privileged] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Remove privileged mode (grant specific capabilities instead)', 'Ignore no-privileged on this line', 'Ignore no-privileged in this file'],
    );
    const line = privileged.range.start.line;
    assert.deepEqual(actions[1].edit?.documentChanges?.[0], {
      textDocument: { uri: DOC_URI, version: 2 },
      edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '    # capdrop-ignore no-privileged -- \n' }],
    });
  });
});
