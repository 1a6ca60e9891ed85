import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { LspHarness, codes } from './harness';

describe('robustness', () => {
  let lsp: LspHarness;

  before(async () => {
    ({ harness: lsp } = await LspHarness.start({ settings: { validationDelayMs: 0, maxFileSize: 200_000 } }));
  });
  after(() => lsp.stop());

  async function stillAnswers(docUri: string): Promise<void> {
    const actions = await lsp.within(
      lsp.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: docUri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [] },
      }),
      'a code action answer',
    );
    assert.equal(Array.isArray(actions), true);
  }

  it('survives binary content in a Dockerfile', async () => {
    const docUri = 'file:///virtual/garbage/Dockerfile';
    await lsp.open(docUri, 'dockerfile', '\u0000\u0001\u0002FROM\u0000\uFFFD\uD800 USER root\n\u0007\u0008', 1);
    await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'diagnostics of binary content');
    await stillAnswers(docUri);
  });

  it('survives broken YAML and reports it as a parse problem', async () => {
    const docUri = 'file:///virtual/garbage/compose.yaml';
    await lsp.open(docUri, 'dockercompose', 'services:\n  app: [\n    privileged: true\n  - {{ {\n"unterminated\n', 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'diagnostics of broken YAML');
    assert.equal(codes(published).includes('parse-error'), true);
    assert.equal(published.diagnostics.find((d) => d.code === 'parse-error')!.codeDescription, undefined, 'engine ids have no rule page');
    await stillAnswers(docUri);
  });

  it('survives 1 MB of random bytes in a shell script', async () => {
    const { harness: big } = await LspHarness.start({ settings: { validationDelayMs: 0 } });
    try {
      const docUri = 'file:///virtual/garbage/random.sh';
      await big.open(docUri, 'shellscript', randomBytes(1_000_000).toString('latin1'), 1);
      await big.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'diagnostics of random bytes', 0);
      const hover = await big.within(big.connection.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 0, character: 0 } }), 'a hover answer');
      assert.equal(hover === null || typeof hover === 'object', true);
    } finally {
      await big.stop();
    }
  });

  it('skips a document larger than capdrop.maxFileSize with one information diagnostic', async () => {
    const docUri = 'file:///virtual/garbage/docker-compose.yml';
    const text = 'services:\n  app:\n    privileged: true\n' + '#'.repeat(250_000) + '\n';
    await lsp.open(docUri, 'dockercompose', text, 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'the skipped-file diagnostic');
    assert.deepEqual(published.diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'capdrop',
        code: 'file-too-large',
        message: `Capdrop skipped this file: it is ${Buffer.byteLength(text)} bytes, more than capdrop.maxFileSize (200000 bytes).`,
      },
    ]);
  });

  it('answers requests about unknown documents with empty results', async () => {
    const docUri = 'file:///virtual/never-opened/compose.yaml';
    await stillAnswers(docUri);
    assert.equal(await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 0, character: 0 } }), null);
  });

  it('leaves documents it does not read alone', async () => {
    const docUri = 'file:///virtual/other/values.yaml';
    await lsp.open(docUri, 'yaml', 'privileged: true\n', 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === docUri, 'the empty result for plain YAML');
    assert.deepEqual(published.diagnostics, []);
  });

  it('reads untitled documents by their language', async () => {
    const docUri = 'untitled:Untitled-1';
    await lsp.open(docUri, 'dockercompose', 'services:\n  app:\n    privileged: true\n', 1);
    const published = await lsp.waitForDiagnostics((p) => p.uri === docUri && p.version === 1, 'diagnostics of an untitled document');
    assert.equal(codes(published).includes('no-privileged'), true);
  });
});
