import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspHarness, codes, uri } from './harness';
import { lintJob } from '../../server/src/scanWorker';

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n  db:\n    image: postgres:${PG_TAG}\n    user: "${DB_UID:-999}"\n';
const OVERRIDE = 'services:\n  web:\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    mem_limit: 256m\n    cpus: "0.5"\n    pids_limit: 100\n  db:\n    privileged: true\n';

describe('server: a Compose project judged as one', () => {
  let lsp: LspHarness;
  let root: string;
  const file = (rel: string) => path.join(root, rel);
  /** The last diagnostics published for a file, once they satisfy `accept`. */
  const settle = (rel: string, accept: (p: PublishDiagnosticsParams) => boolean, what: string) =>
    lsp.waitForDiagnostics((p) => p.uri === uri(file(rel)) && accept(p) && p === lastFor(uri(file(rel))), what);
  const lastFor = (fileUri: string) => lsp.diagnostics.filter((p) => p.uri === fileUri).at(-1);

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-project-')));
    writeFileSync(file('compose.yaml'), COMPOSE);
    writeFileSync(file('compose.override.yaml'), OVERRIDE);
    writeFileSync(file('.env'), 'PG_TAG=latest\nDB_UID=0\n');
    ({ harness: lsp } = await LspHarness.start({ workspaceFolder: root, workDoneProgress: true, settings: { validationDelayMs: 0 } }));
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('the workspace scan reports each finding once, in the file that writes it', async () => {
    await lsp.waitForProgress('end');
    assert.deepEqual(codes(lastFor(uri(file('compose.yaml')))!), ['container-hardening', 'pin-image-version', 'no-root-user']);
    assert.deepEqual(codes(lastFor(uri(file('compose.override.yaml')))!), ['no-privileged']);
    const pin = lastFor(uri(file('compose.yaml')))!.diagnostics.find((d) => d.code === 'pin-image-version')!;
    assert.deepEqual(pin.relatedInformation, [
      { location: { uri: uri(file('.env')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } } }, message: 'The value comes from PG_TAG=latest, set here.' },
    ]);
  });

  it('an unsaved edit of .env updates the problems of the open compose.yaml', async () => {
    await lsp.open(uri(file('compose.yaml')), 'dockercompose', COMPOSE);
    await settle('compose.yaml', (p) => codes(p).includes('pin-image-version'), 'compose.yaml opened');
    await lsp.open(uri(file('.env')), 'dotenv', 'PG_TAG=latest\nDB_UID=0\n');
    await lsp.replace(uri(file('.env')), 2, 'PG_TAG=16.4\nDB_UID=0\n');
    const updated = await settle('compose.yaml', (p) => !codes(p).includes('pin-image-version'), 'compose.yaml re-linted after the .env edit');
    assert.deepEqual(codes(updated), ['container-hardening', 'no-root-user']);
    await lsp.close(uri(file('.env')));
  });

  it('a change to the override on disk re-judges compose.yaml: hardening supplied there is no longer asked for', async () => {
    writeFileSync(file('compose.override.yaml'), OVERRIDE.replace('  db:\n    privileged: true\n', '  db:\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    mem_limit: 1g\n    cpus: "1"\n    pids_limit: 100\n'));
    await lsp.watchedFiles([{ uri: uri(file('compose.override.yaml')), type: 2 }]);
    await settle('compose.override.yaml', (p) => codes(p).length === 0, 'the override re-linted');
    const updated = await settle('compose.yaml', (p) => !codes(p).includes('container-hardening'), 'compose.yaml re-linted after the override changed');
    // The .env edit was closed unsaved: the disk's PG_TAG=latest counts again.
    assert.deepEqual(codes(updated), ['pin-image-version', 'no-root-user']);
  });

  it('a .env saved on disk re-lints compose.yaml as well', async () => {
    await lsp.close(uri(file('compose.yaml')));
    writeFileSync(file('.env'), 'PG_TAG=16.4\nDB_UID=1000\n');
    await lsp.watchedFiles([{ uri: uri(file('.env')), type: 2 }]);
    await settle('compose.yaml', (p) => codes(p).length === 0, 'compose.yaml re-linted after .env was saved');
  });
});

describe('server: a project file created after the scan', () => {
  let lsp: LspHarness;
  let root: string;

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-lsp-project-new-')));
    writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  db:\n    image: postgres:${PG_TAG}\n');
    ({ harness: lsp } = await LspHarness.start({ workspaceFolder: root, workDoneProgress: true, settings: { validationDelayMs: 0 } }));
  });
  after(async () => {
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('re-lints the Compose files that looked for it (a scan worker reports what it did not find)', async () => {
    await lsp.waitForProgress('end');
    const composeUri = uri(path.join(root, 'compose.yaml'));
    const scanned = lsp.diagnostics.filter((p) => p.uri === composeUri).at(-1)!;
    assert.deepEqual(codes(scanned), ['container-hardening']);
    const since = lsp.diagnostics.length;
    writeFileSync(path.join(root, '.env'), 'PG_TAG=latest\n');
    await lsp.watchedFiles([{ uri: uri(path.join(root, '.env')), type: 1 }]);
    const updated = await lsp.waitForDiagnostics((p) => p.uri === composeUri && codes(p).includes('pin-image-version'), 'compose.yaml re-linted after .env was created', since);
    assert.deepEqual(codes(updated), ['container-hardening', 'pin-image-version']);
  });
});

describe('scan worker: Compose project files', () => {
  it('lints a Compose file whose project files are missing, and says what it looked for; hands one with a .env back', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'capdrop-worker-project-')));
    try {
      const fsPath = path.join(root, 'compose.yaml');
      writeFileSync(fsPath, 'services:\n  db:\n    image: postgres:${PG_TAG}\n');
      const job = { uri: uri(fsPath), fsPath, kind: 'compose' as const, languageId: 'dockercompose', options: { maxFileSize: 5_000_000 } };
      const alone = lintJob(job);
      assert.equal(alone.status, 'linted');
      if (alone.status === 'linted') assert.deepEqual(alone.lookedFor, [path.join(root, '.env'), ...['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'].map((n) => path.join(root, n))]);
      writeFileSync(path.join(root, '.env'), 'PG_TAG=latest\n');
      assert.equal(lintJob(job).status, 'in-process');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
