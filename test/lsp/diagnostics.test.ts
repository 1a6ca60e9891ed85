import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspHarness, codes } from './harness';

const COMPOSE_URI = 'file:///virtual/project/compose.yaml';
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const NOT_PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n';

describe('open documents', () => {
  let lsp: LspHarness;

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 } }));
  });
  after(() => lsp.stop());

  it('publishes a privileged finding with the document version, code, source, link and exact range', async () => {
    await lsp.open(COMPOSE_URI, 'dockercompose', PRIVILEGED, 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === COMPOSE_URI && p.version === 1, 'diagnostics of version 1');
    const privileged = published.diagnostics.find((d) => d.code === 'no-privileged');
    assert.deepEqual(privileged, {
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } },
      severity: 1,
      source: 'capdrop',
      code: 'no-privileged',
      // A client other than Capdrop's own extension gets the page's file, which ships beside the server.
      codeDescription: { href: pathToFileURL(path.join(__dirname, '..', '..', 'docs', 'rules', 'no-privileged.md')).href },
      message: 'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.',
      data: { ruleId: 'no-privileged', index: published.diagnostics.indexOf(privileged!) },
    });
  });

  it('publishes the new version after a change, and the fixed file loses the finding', async () => {
    await lsp.replace(COMPOSE_URI, 2, NOT_PRIVILEGED);
    const published = await lsp.waitForDiagnostics((p) => p.uri === COMPOSE_URI && p.version === 2, 'diagnostics of version 2');
    assert.equal(codes(published).includes('no-privileged'), false);
  });
});

describe('debouncing and stale results', () => {
  let lsp: LspHarness;

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 300 } }));
  });
  after(() => lsp.stop());

  it('lints only the last of quick edits and never delivers an older version after a newer one', async () => {
    const docUri = 'file:///virtual/debounce/docker-compose.yml';
    await lsp.open(docUri, 'dockercompose', NOT_PRIVILEGED, 1);
    await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'diagnostics on open');
    await lsp.replace(docUri, 2, PRIVILEGED);
    await lsp.replace(docUri, 3, NOT_PRIVILEGED);
    await lsp.replace(docUri, 4, PRIVILEGED);
    const last = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 4, 'diagnostics of version 4');
    assert.equal(codes(last).includes('no-privileged'), true);
    // A request round trip: anything the server had queued for the older versions would have arrived by now.
    await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 0, character: 0 } });
    const versions = lsp.diagnostics.filter((p) => p.uri === docUri).map((p) => p.version);
    assert.deepEqual(versions, [1, 4]);
  });
});

describe('re-linting an open document that did not change', () => {
  let lsp: LspHarness;

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0 } }));
  });
  after(() => lsp.stop());

  it('publishes its version again only when the diagnostics differ', async () => {
    await lsp.open(COMPOSE_URI, 'dockercompose', PRIVILEGED, 1);
    await lsp.waitForDiagnostics((p) => p.uri === COMPOSE_URI && p.version === 1, 'diagnostics of version 1');
    const sent = () => lsp.diagnostics.filter((p) => p.uri === COMPOSE_URI).length;
    const first = sent();
    // Settings that change no finding of this file: the re-lint finds the same diagnostics and sends nothing.
    await lsp.changeSettings({ validationDelayMs: 0, limits: { memory: '1g' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(sent(), first);
    // Settings that drop a finding: the same version is published again, without it.
    const since = lsp.diagnostics.length;
    await lsp.changeSettings({ validationDelayMs: 0, limits: { memory: '1g' }, rules: { 'no-privileged': 'off' } });
    const republished = await lsp.waitForDiagnostics((p) => p.uri === COMPOSE_URI, 'diagnostics after turning no-privileged off', since);
    assert.equal(republished.version, 1);
    assert.equal(codes(republished).includes('no-privileged'), false);
  });
});
