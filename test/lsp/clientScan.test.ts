import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken, Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigStore } from '../../server/src/handlers/config';
import { DiagnosticsHandler, type FetchedFile } from '../../server/src/handlers/diagnostics';
import { ClientScanner, LIST_FILES_REQUEST, MAX_SCANNED_FILES, READ_FILE_REQUEST, SCAN_EXCLUDE, SCAN_INCLUDE, type ClientFiles, type ListFilesParams } from '../../server/src/handlers/clientScan';

// The browser's workspace scan (server/src/handlers/clientScan.ts): no disk, every file listed and read by
// the client. Driven here with a fake client; the real one is test/e2e/web-extension.test.ts.

const FOLDER = 'vscode-vfs://github/acme/app';
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const HOST_PID = 'services:\n  db:\n    image: postgres:16.4\n    pid: host\n';

type FakeFile = string | { tooLarge: number } | 'missing';

interface Case {
  name: string;
  files: Record<string, FakeFile>;
  settings?: Record<string, unknown>;
  open?: Record<string, string>;
  /** The files read through the client, in order. */
  read: string[];
  /** Rule ids published per file (only files published to). */
  codes: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    name: 'lists, reads and lints what Capdrop reads; other names are not read',
    files: { 'compose.yaml': PRIVILEGED, 'db/compose.yaml': HOST_PID, 'notes.txt': 'docker run --privileged x' },
    read: ['compose.yaml', 'db/compose.yaml'],
    codes: { 'compose.yaml': ['container-hardening', 'no-privileged'], 'db/compose.yaml': ['container-hardening', 'no-host-namespace'] },
  },
  {
    name: 'capdrop.exclude and files.exclude leave files unread',
    files: { 'compose.yaml': PRIVILEGED, 'vendor/compose.yaml': PRIVILEGED, 'gen/compose.yaml': PRIVILEGED },
    settings: { exclude: ['vendor/**'], filesExclude: { 'gen/**': true } },
    read: ['compose.yaml'],
    codes: { 'compose.yaml': ['container-hardening', 'no-privileged'] },
  },
  {
    name: 'a file over capdrop.maxFileSize gets one information diagnostic, unread',
    files: { 'compose.yaml': { tooLarge: 9000 } },
    settings: { maxFileSize: 100 },
    read: ['compose.yaml'],
    codes: { 'compose.yaml': ['file-too-large'] },
  },
  {
    name: 'a YAML file is read for its content: a manifest is linted, other YAML says nothing',
    files: { 'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: c\n      image: nginx:1.27\n', 'config/app.yaml': 'name: x\n' },
    read: ['config/app.yaml', 'k8s/pod.yaml'],
    codes: { 'k8s/pod.yaml': ['container-hardening', 'no-host-namespace'] },
  },
  {
    name: 'an open document is left to the editor; a file gone since the listing is cleared',
    files: { 'compose.yaml': PRIVILEGED, 'gone/compose.yaml': 'missing' },
    open: { 'compose.yaml': PRIVILEGED },
    read: ['gone/compose.yaml'],
    codes: { 'gone/compose.yaml': [] },
  },
  {
    name: 'Capdrop disabled: nothing is listed or read',
    files: { 'compose.yaml': PRIVILEGED },
    settings: { enable: false },
    read: [],
    codes: {},
  },
];

function fakeConnection(published: PublishDiagnosticsParams[], capdrop: Record<string, unknown>, filesExclude: unknown) {
  return {
    sendDiagnostics: async (p: PublishDiagnosticsParams) => void published.push(p),
    sendNotification: async () => undefined,
    console: { error: () => undefined, warn: () => undefined, log: () => undefined },
    window: { createWorkDoneProgress: async () => ({ token: { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) }, begin() {}, report() {}, done() {} }) },
    workspace: { getConfiguration: async () => [capdrop, filesExclude] },
  } as unknown as Connection;
}

function setUp(c: Pick<Case, 'files' | 'settings' | 'open'>) {
  const published: PublishDiagnosticsParams[] = [];
  const { filesExclude, ...capdrop } = c.settings ?? {};
  const connection = fakeConnection(published, capdrop, filesExclude ?? {});
  const docs = Object.entries(c.open ?? {}).map(([rel, text]) => TextDocument.create(`${FOLDER}/${rel}`, 'dockercompose', 1, text));
  const documents = { get: (uri: string) => docs.find((d) => d.uri === uri), keys: () => docs.map((d) => d.uri), all: () => docs } as unknown as TextDocuments<TextDocument>;
  // No disk: the browser's server.
  const config = new ConfigStore({ fetch: async () => ({ capdrop, filesExclude: filesExclude ?? {} }), log: () => undefined }, true);
  const diagnostics = new DiagnosticsHandler(connection, documents, config, 'command');
  const reads: string[] = [];
  const lists: ListFilesParams[] = [];
  const files: ClientFiles = {
    list: async (params) => {
      lists.push(params);
      return Object.keys(c.files).map((rel) => `${FOLDER}/${rel}`);
    },
    read: async ({ uri, maxSize }): Promise<FetchedFile> => {
      const rel = uri.slice(FOLDER.length + 1);
      reads.push(rel);
      const file = c.files[rel];
      if (file === 'missing') return { status: 'missing' };
      if (typeof file === 'object') return { status: 'too-large', size: file.tooLarge };
      return file.length > maxSize ? { status: 'too-large', size: file.length } : { status: 'ok', text: file };
    },
  };
  return { published, config, diagnostics, connection, files, reads, lists };
}

describe('the browser workspace scan (files read through the client)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { published, config, diagnostics, connection, files, reads, lists } = setUp(c);
      await config.reload([FOLDER]);
      await new ClientScanner(connection, diagnostics, config, files).scan([FOLDER]);
      assert.deepEqual(reads, c.read);
      const codes: Record<string, string[]> = {};
      for (const p of published) codes[p.uri.slice(FOLDER.length + 1)] = p.diagnostics.map((d) => String(d.code)).sort();
      assert.deepEqual(codes, c.codes);
      if (config.settings.enable) assert.deepEqual(lists, [{ folder: FOLDER, include: SCAN_INCLUDE, exclude: SCAN_EXCLUDE, maxFiles: MAX_SCANNED_FILES }]);
    });
  }

  it('a newer scan cancels the requests of the older one', async () => {
    const { config, diagnostics, connection, files } = setUp({ files: { 'compose.yaml': PRIVILEGED } });
    await config.reload([FOLDER]);
    const tokens: CancellationToken[] = [];
    let release!: () => void;
    const slow: ClientFiles = {
      list: async (params, token) => {
        tokens.push(token);
        if (tokens.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return files.list(params, token);
      },
      read: files.read,
    };
    const scanner = new ClientScanner(connection, diagnostics, config, slow);
    const first = scanner.scan([FOLDER]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = scanner.scan([FOLDER]);
    assert.equal(tokens[0].isCancellationRequested, false);
    release();
    await Promise.all([first, second]);
    assert.equal(tokens[0].isCancellationRequested, true);
    assert.equal(tokens[1].isCancellationRequested, false);
  });

  it("the client answers the same requests (client/src/browserFiles.ts names them too)", () => {
    const client = fs.readFileSync(path.join(__dirname, '..', '..', 'client', 'src', 'browserFiles.ts'), 'utf8');
    assert.match(client, new RegExp(`LIST_FILES_REQUEST = '${LIST_FILES_REQUEST}'`));
    assert.match(client, new RegExp(`READ_FILE_REQUEST = '${READ_FILE_REQUEST}'`));
  });
});
