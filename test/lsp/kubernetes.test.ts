import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspHarness, uri } from './harness';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
const codesOf = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.map((d) => d.code).sort();

describe('Kubernetes manifests in the editor', () => {
  let lsp: LspHarness;
  let root: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-k8s-'));
    const files: Record<string, string> = {
      'deploy/web.yaml': POD,
      'chart/templates/deployment.yaml': POD.replace('image: nginx:1.27', 'image: "{{ .Values.image }}"'),
      'config/settings.yaml': 'kind: Settings\nprivileged: true\n',
      'chart/values.yaml': 'image: nginx\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    ({ harness: lsp } = await LspHarness.start({ workspaceFolder: root, workDoneProgress: true, settings: { validationDelayMs: 0 } }));
    await lsp.waitForProgress('end');
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the workspace scan lints manifests found by content, templates included, and says nothing about other YAML', () => {
    const published = new Map(lsp.diagnostics.map((p) => [p.uri, p]));
    assert.ok(codesOf(published.get(uri(path.join(root, 'deploy', 'web.yaml')))!).includes('no-privileged'));
    assert.ok(codesOf(published.get(uri(path.join(root, 'chart', 'templates', 'deployment.yaml')))!).includes('no-privileged'));
    assert.equal(published.has(uri(path.join(root, 'config', 'settings.yaml'))), false);
    assert.equal(published.has(uri(path.join(root, 'chart', 'values.yaml'))), false);
  });

  it('lints an open YAML document once its content is a manifest, with code actions and hover', async () => {
    const doc = 'untitled:Untitled-1';
    await lsp.open(doc, 'yaml', 'kind: Nothing\n', 1);
    await lsp.replace(doc, 2, POD);
    const published = await lsp.waitForDiagnostics((p) => p.uri === doc && p.version === 2 && p.diagnostics.length > 0, 'the manifest diagnostics');
    const privileged = published.diagnostics.find((d) => d.code === 'no-privileged')!;
    assert.equal(privileged.range.start.line, 9);
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: doc },
      range: privileged.range,
      context: { diagnostics: [privileged], only: ['quickfix'] },
    })) as CodeAction[];
    // The rule's fix first, then the ignore actions every finding has.
    assert.equal(actions[0]?.title, 'Remove privileged mode (grant specific capabilities instead)');
    assert.ok(actions.some((a) => a.title === 'Ignore no-privileged on this line'));
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: privileged.range.start })) as Hover | null;
    assert.ok(hover && JSON.stringify(hover.contents).includes('no-privileged'), 'the hover explains the rule');
  });

  it('an open YAML document that is not a manifest gets no diagnostics', async () => {
    const doc = uri(path.join(root, 'config', 'open.yaml'));
    await lsp.open(doc, 'yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  privileged: "true"\n', 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === doc && p.version === 1, 'the empty diagnostics');
    assert.deepEqual(published.diagnostics, []);
  });
});
