import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspHarness, codes, uri } from './harness';

// Restricted Mode (docs/editor.md#restricted-mode): a repository that tries to hide its findings with
// its .capdrop.yaml, capdrop-ignore comments and its .gitignore, opened trusted and untrusted.

const COMPOSE = [
  'services:',
  '  app:',
  '    image: nginx:1.27',
  '    privileged: true',
  '    volumes:',
  '      # capdrop-ignore no-docker-socket-mount -- the CI runner needs it',
  '      - /var/run/docker.sock:/var/run/docker.sock',
  '',
].join('\n');
const DOCKERFILE = '# capdrop-ignore-file no-root-user -- fine\nFROM debian:12.5\n';
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

const FILES: Record<string, string> = {
  'compose.yaml': COMPOSE,
  Dockerfile: DOCKERFILE,
  '.capdrop.yaml': 'rules:\n  no-privileged: off\n  no-sensitive-mount: info\nexclude:\n  - excluded/\n',
  '.gitignore': 'hidden/\n',
  'excluded/compose.yaml': PRIVILEGED,
  'hidden/compose.yaml': PRIVILEGED,
  // Published last in the scan's order, so when it is in, every earlier file is too.
  'zz/compose.yaml': PRIVILEGED,
};

function byCode(p: PublishDiagnosticsParams, code: string): Diagnostic | undefined {
  return p.diagnostics.find((d) => d.code === code);
}

describe('Restricted Mode: a repository cannot hide its findings', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'capdrop-restricted-'));
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function scanned(trusted: boolean): Promise<{ lsp: LspHarness; get: (rel: string) => PublishDiagnosticsParams | undefined }> {
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, trusted });
    await lsp.waitForDiagnostics((p) => p.uri === uri(path.join(root, 'zz/compose.yaml')), 'the last scanned file');
    const get = (rel: string) => [...lsp.diagnostics].reverse().find((p) => p.uri === uri(path.join(root, rel)));
    return { lsp, get };
  }

  it('untrusted: what the config turns off and what comments suppress are shown at information, saying so', async () => {
    const { lsp, get } = await scanned(false);
    try {
      const compose = get('compose.yaml')!;
      const privileged = byCode(compose, 'no-privileged')!;
      assert.equal(privileged.severity, 3, 'information');
      assert.match(String(privileged.message), / \(suppressed by \.capdrop\.yaml: no-privileged: off\)$/);
      const socket = byCode(compose, 'no-docker-socket-mount')!;
      assert.equal(socket.severity, 3);
      assert.match(String(socket.message), / \(suppressed here: the CI runner needs it\)$/);
      assert.equal(socket.range.start.line, 6, 'at the mount, not the comment');
      assert.deepEqual(socket.relatedInformation, [
        { location: { uri: compose.uri, range: { start: { line: 5, character: 6 }, end: { line: 5, character: 71 } } }, message: 'The repository suppresses this finding here.' },
      ]);
      const rootUser = byCode(get('Dockerfile')!, 'no-root-user')!;
      assert.match(String(rootUser.message), / \(suppressed in this file: fine\)$/);
      // Neither the config's exclude nor the .gitignore keeps a file from the scan.
      assert.ok(get('excluded/compose.yaml') && codes(get('excluded/compose.yaml')!).includes('no-privileged'));
      assert.ok(get('hidden/compose.yaml') && codes(get('hidden/compose.yaml')!).includes('no-privileged'));
    } finally {
      await lsp.stop();
    }
  });

  it('untrusted: an open document is linted the same way, and a comment typed into it hides nothing', async () => {
    const { lsp } = await scanned(false);
    try {
      const docUri = uri(path.join(root, 'compose.yaml'));
      const typed = COMPOSE.replace('    privileged: true\n', '    privileged: true  # capdrop-ignore no-privileged -- trust me\n');
      await lsp.open(docUri, 'dockercompose', typed, 4);
      const published = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 4, 'the opened document');
      // The config's note wins over the comment's: one finding, one note.
      assert.equal(published.diagnostics.filter((d) => d.code === 'no-privileged').length, 1);
      assert.equal(codes(published).includes('unused-suppression'), false);
    } finally {
      await lsp.stop();
    }
  });

  it('trusted: the same repository gets what it asks for', async () => {
    const { lsp, get } = await scanned(true);
    try {
      const compose = get('compose.yaml')!;
      assert.equal(byCode(compose, 'no-privileged'), undefined);
      assert.equal(byCode(compose, 'no-docker-socket-mount'), undefined);
      assert.equal(byCode(get('Dockerfile') ?? { uri: '', diagnostics: [] }, 'no-root-user'), undefined);
      assert.equal(get('excluded/compose.yaml'), undefined);
      assert.equal(get('hidden/compose.yaml'), undefined);
    } finally {
      await lsp.stop();
    }
  });
});
