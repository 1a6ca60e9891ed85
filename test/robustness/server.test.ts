import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspHarness, codes, uri } from '../lsp/harness';

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'capdrop-trust-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('server: nothing outside the workspace is read', () => {
  let outside: string;
  let workspace: string;
  let lsp: LspHarness;

  before(async () => {
    outside = makeTree({ 'secret/compose.yaml': PRIVILEGED });
    workspace = makeTree({ 'app/compose.yaml': PRIVILEGED });
    symlinkSync(path.join(outside, 'secret', 'compose.yaml'), path.join(workspace, 'linked-compose.yaml'));
    symlinkSync(path.join(outside, 'secret'), path.join(workspace, 'linked-dir'));
    ({ harness: lsp } = await LspHarness.start({ workspaceFolder: workspace }));
  });
  after(async () => {
    await lsp.stop();
    rmSync(outside, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  it('the scan follows no link out of the workspace, and a watcher event for one reads nothing', async () => {
    const inside = uri(path.join(workspace, 'app', 'compose.yaml'));
    await lsp.waitForDiagnostics((p) => p.uri === inside, 'the scanned file inside');
    const link = uri(path.join(workspace, 'linked-compose.yaml'));
    const throughDir = uri(path.join(workspace, 'linked-dir', 'compose.yaml'));
    // Events are handled in order: once the inside file is linted again, the links' events were handled.
    const mark = lsp.diagnostics.length;
    await lsp.watchedFiles([
      { uri: link, type: 2 },
      { uri: throughDir, type: 2 },
      { uri: inside, type: 2 },
    ]);
    await lsp.connection.sendRequest('workspace/executeCommand', { command: 'capdrop.lintWorkspace', arguments: [] });
    const seen = lsp.diagnostics.map((p) => p.uri);
    assert.equal(seen.includes(link), false, 'the link to a file outside was read');
    assert.equal(seen.includes(throughDir), false, 'a file behind a directory link was read');
    assert.ok(lsp.diagnostics.length >= mark);
  });
});

describe('server: hostile workspace configuration', () => {
  it('a .capdrop.yaml with JS tags and code is data: logged, defaults used, nothing evaluated', async () => {
    const sentinel = path.join(tmpdir(), `capdrop-pwned-${process.pid}`);
    const root = makeTree({
      'compose.yaml': PRIVILEGED,
      '.capdrop.yaml': `preset: !!js/function "function () { require('fs').writeFileSync('${sentinel}', 'x') }"\nrules: { no-privileged: off }\nrequire: child_process\n`,
      '.capdrop.js': `require('fs').writeFileSync('${sentinel}', 'x');\n`,
    });
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, trusted: true });
    try {
      const fileUri = uri(path.join(root, 'compose.yaml'));
      const published = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the scanned file');
      assert.equal(codes(published).includes('no-privileged'), false, 'the valid part of the file applies');
      const config = path.join(root, '.capdrop.yaml');
      assert.deepEqual(
        lsp.logs.filter((l) => l.includes(config)),
        [
          `Capdrop: ${config}:1:9: Unresolved tag: tag:yaml.org,2002:js/function: the config is plain data, tags are ignored`,
          `Capdrop: ${config}:1:23: preset must be one of recommended, strict, pss-baseline, pss-restricted`,
          `Capdrop: ${config}:3:1: unknown key "require" (expected one of: preset, rules, exclude, limits, user, hosts, maxFileSize, maxAliasNodes, trustedRegistries)`,
        ],
      );
      assert.throws(() => require('node:fs').statSync(sentinel), /ENOENT/);
    } finally {
      await lsp.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a .capdrop.yaml that is not YAML is one logged problem, and the defaults are used', async () => {
    const root = makeTree({ 'compose.yaml': PRIVILEGED, '.capdrop.yaml': 'module.exports = { rules: { "no-privileged": "off" } };\n' });
    const { harness: lsp } = await LspHarness.start({ workspaceFolder: root });
    try {
      const fileUri = uri(path.join(root, 'compose.yaml'));
      const published = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the scanned file');
      assert.equal(codes(published).includes('no-privileged'), true);
      const config = path.join(root, '.capdrop.yaml');
      const logged = lsp.logs.filter((l) => l.includes(config));
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0], /^Capdrop: .+\.capdrop\.yaml:1:\d+: not valid YAML \(.+\); using the defaults$/);
    } finally {
      await lsp.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the workspace maxFileSize applies when trusted, and is ignored when not', async () => {
    const root = makeTree({ 'compose.yaml': PRIVILEGED, '.capdrop.yaml': 'maxFileSize: 20\n' });
    for (const trusted of [true, false]) {
      const { harness: lsp } = await LspHarness.start({ workspaceFolder: root, trusted });
      try {
        const fileUri = uri(path.join(root, 'compose.yaml'));
        const published = await lsp.waitForDiagnostics((p) => p.uri === fileUri, 'the scanned file');
        assert.deepEqual(codes(published).includes('file-too-large'), trusted, `trusted=${trusted}`);
        assert.deepEqual(codes(published).includes('no-privileged'), !trusted, `trusted=${trusted}`);
      } finally {
        await lsp.stop();
      }
    }
    rmSync(root, { recursive: true, force: true });
  });
});

describe('server: hostile documents and requests', () => {
  let lsp: LspHarness;
  before(async () => {
    ({ harness: lsp } = await LspHarness.start());
  });
  after(() => lsp.stop());

  it('deep nesting and an alias bomb are one parse-error diagnostic each, and the server keeps answering', async () => {
    let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 12; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const docs: [string, string][] = [
      ['file:///virtual/deep/compose.yaml', `services: ${'['.repeat(1000)}${']'.repeat(1000)}\n`],
      ['file:///virtual/block/compose.yaml', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
      ['file:///virtual/bomb/compose.yaml', bomb],
    ];
    for (const [docUri, text] of docs) {
      await lsp.open(docUri, 'dockercompose', text, 1);
      const published = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, `diagnostics of ${docUri}`);
      assert.deepEqual(codes(published), ['parse-error'], docUri);
    }
    const hover = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: docs[0][0] }, position: { line: 0, character: 3 } });
    assert.equal(hover === null || typeof hover === 'object', true);
  });

  it('malformed request parameters get an empty answer, not a failed request, and the error is logged', async () => {
    const before = lsp.logs.length;
    const actions = await lsp.within(lsp.connection.sendRequest('textDocument/codeAction', { textDocument: null, range: null, context: null }), 'a code action answer');
    assert.deepEqual(actions, []);
    const hover = await lsp.within(lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: 'nowhere' }), 'a hover answer');
    assert.equal(hover, null);
    const command = await lsp.within(lsp.connection.sendRequest('workspace/executeCommand', { command: 'capdrop.fixAllInFile', arguments: [{ not: 'a uri' }] }), 'a command answer');
    assert.equal(command, null);
    const logged = lsp.logs.slice(before).filter((l) => l.startsWith('Capdrop: error while'));
    assert.ok(logged.length >= 1, 'the failure is logged');
    assert.match(logged[0], /\n\s+at /, 'with its stack');
  });
});
