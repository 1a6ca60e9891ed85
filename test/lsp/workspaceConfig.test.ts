import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspHarness, codes, uri, type HarnessOptions } from './harness';

// .capdrop.yaml in the editor: the nearest file up to the workspace folder, as on the command line;
// its problems shown in it; "Turn RULE off in .capdrop.yaml" in trusted folders.

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-config-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

async function scanned(root: string, last: string, options: Partial<HarnessOptions> = {}) {
  const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, ...options });
  await lsp.waitForDiagnostics((p) => p.uri === uri(path.join(root, last)), `the scan to reach ${last}`);
  const get = (rel: string) => [...lsp.diagnostics].reverse().find((p) => p.uri === uri(path.join(root, rel)));
  return { lsp, get };
}

const severityOf = (p: PublishDiagnosticsParams | undefined, code: string) => p?.diagnostics.find((d) => d.code === code)?.severity;

describe('the nearest .capdrop.yaml, up to the workspace folder', () => {
  let root: string;
  before(() => {
    root = workspace({
      '.capdrop.yaml': 'rules:\n  no-privileged: warning\n',
      'compose.yaml': PRIVILEGED,
      'team/.capdrop.yaml': 'rules:\n  no-privileged: off\nexclude:\n  - generated/\n',
      'team/compose.yaml': PRIVILEGED,
      'team/deeper/compose.yaml': PRIVILEGED,
      'team/generated/compose.yaml': PRIVILEGED,
      'zz/compose.yaml': PRIVILEGED,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('governs each file, with its exclude patterns relative to its own directory', async () => {
    const { lsp, get } = await scanned(root, 'zz/compose.yaml');
    try {
      assert.equal(severityOf(get('compose.yaml'), 'no-privileged'), 2, 'the root file: warning');
      assert.equal(severityOf(get('zz/compose.yaml'), 'no-privileged'), 2);
      assert.equal(codes(get('team/compose.yaml')!).includes('no-privileged'), false, 'team/.capdrop.yaml: off');
      assert.equal(codes(get('team/deeper/compose.yaml')!).includes('no-privileged'), false, 'and below it');
      assert.equal(get('team/generated/compose.yaml'), undefined, 'excluded by team/.capdrop.yaml');
      // An open document follows the same file.
      const doc = uri(path.join(root, 'team', 'deeper', 'compose.yaml'));
      await lsp.open(doc, 'dockercompose', PRIVILEGED, 5);
      const opened = await lsp.waitForDiagnostics((p) => p.uri === doc && p.version === 5, 'the opened document');
      assert.equal(codes(opened).includes('no-privileged'), false);
    } finally {
      await lsp.stop();
    }
  });
});

describe('problems in a .capdrop.yaml', () => {
  it('are diagnostics in that file, from disk and as you type', async () => {
    const root = workspace({ '.capdrop.yaml': 'preset: loose\nrules:\n  no-such-rule: off\n', 'compose.yaml': PRIVILEGED });
    const { lsp, get } = await scanned(root, 'compose.yaml');
    try {
      const config = get('.capdrop.yaml');
      assert.ok(config, 'the config file has diagnostics');
      assert.deepEqual(
        config.diagnostics.map((d: Diagnostic) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
        [
          ['config', 1, 0, 8, 13, 'preset must be one of recommended, strict, pss-baseline, pss-restricted.'],
          ['config', 1, 2, 2, 14, 'unknown rule "no-such-rule".'],
        ],
      );
      const configUri = uri(path.join(root, '.capdrop.yaml'));
      await lsp.open(configUri, 'yaml', 'preset: strict\nrules:\n  no-root-user: fatal\n', 2);
      const typed = await lsp.waitForDiagnostics((p) => p.uri === configUri && p.version === 2, 'the edited config');
      assert.deepEqual(typed.diagnostics.map((d) => [d.range.start.line, d.message]), [[2, 'rule "no-root-user": severity must be one of off, info, warning, error.']]);
      await lsp.replace(configUri, 3, 'preset: strict\n');
      const fixed = await lsp.waitForDiagnostics((p) => p.uri === configUri && p.version === 3, 'the fixed config');
      assert.deepEqual(fixed.diagnostics, []);
    } finally {
      await lsp.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('"Turn RULE off in .capdrop.yaml"', () => {
  async function turnOff(root: string, rel: string, options: Partial<HarnessOptions>): Promise<CodeAction | undefined> {
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, ...options });
    try {
      const doc = uri(path.join(root, rel));
      await lsp.open(doc, 'dockercompose', PRIVILEGED, 1);
      const published = await lsp.waitForDiagnostics((p) => p.uri === doc && p.version === 1 && codes(p).includes('no-privileged'), 'the finding');
      const diagnostic = published.diagnostics.find((d) => d.code === 'no-privileged')!;
      const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[];
      return actions.find((a) => a.title.startsWith('Turn '));
    } finally {
      await lsp.stop();
    }
  }

  it('edits the config file that governs the document', async () => {
    const root = workspace({ '.capdrop.yaml': 'preset: strict\n', 'svc/.capdrop.yaml': 'rules:\n  no-root-user: error\n', 'svc/compose.yaml': PRIVILEGED });
    try {
      const action = await turnOff(root, 'svc/compose.yaml', {});
      assert.equal(action?.title, 'Turn no-privileged off in svc/.capdrop.yaml');
      const change = action!.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(change, {
        textDocument: { uri: uri(path.join(root, 'svc', '.capdrop.yaml')), version: null },
        edits: [{ range: { start: { line: 1, character: 21 }, end: { line: 1, character: 21 } }, newText: '\n  no-privileged: off' }],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('creates .capdrop.yaml at the folder root when there is none, where the client can create files', async () => {
    const root = workspace({ 'compose.yaml': PRIVILEGED });
    try {
      const action = await turnOff(root, 'compose.yaml', { workspaceEdit: { resourceOperations: ['create'] } });
      const target = uri(path.join(root, '.capdrop.yaml'));
      assert.deepEqual(action?.edit?.documentChanges, [
        { kind: 'create', uri: target, options: { ignoreIfExists: true } },
        { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'rules:\n  no-privileged: off\n' }] },
      ]);
      assert.equal(await turnOff(root, 'compose.yaml', {}), undefined, 'not without file creation');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is not offered in an untrusted workspace, nor for a rule the user\'s settings set', async () => {
    const root = workspace({ '.capdrop.yaml': 'preset: strict\n', 'compose.yaml': PRIVILEGED });
    try {
      assert.equal(await turnOff(root, 'compose.yaml', { trusted: false }), undefined);
      assert.equal(await turnOff(root, 'compose.yaml', { settings: { validationDelayMs: 0, rules: { 'no-privileged': 'warning' } } }), undefined);
      assert.ok(await turnOff(root, 'compose.yaml', {}), 'offered otherwise');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
