import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigStore } from '../../server/src/handlers/config';
import { nodeDisk } from '../../server/src/files/nodeDisk';
import { DiagnosticsHandler } from '../../server/src/handlers/diagnostics';

// The workspace scan waits for the client to read its diagnostics instead of queueing them in memory.

/** A connection whose diagnostics notifications are written only when the test says so. */
function slowClient() {
  const unwritten: (() => void)[] = [];
  const connection = { sendDiagnostics: () => new Promise<void>((resolve) => unwritten.push(resolve)) } as unknown as Connection;
  const documents = { get: () => undefined, keys: () => [] } as unknown as TextDocuments<TextDocument>;
  const config = new ConfigStore({ fetch: async () => undefined, log: () => undefined }, true, nodeDisk);
  return { handler: new DiagnosticsHandler(connection, documents, config, 'command'), unwritten };
}

/** Whether the promise settles before the pending callbacks and microtasks have run. */
async function settlesNow(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('diagnostics backpressure (whenWritten)', () => {
  it('resolves at once while at most 64 notifications wait to be written', async () => {
    const { handler, unwritten } = slowClient();
    for (let i = 0; i < 64; i++) handler.clear(`file:///w/${i}/Dockerfile`);
    assert.equal(unwritten.length, 64);
    assert.equal(await settlesNow(handler.whenWritten()), true);
  });

  it('waits while over 64 are unwritten, until the client has read down to 32', async () => {
    const { handler, unwritten } = slowClient();
    for (let i = 0; i < 65; i++) handler.clear(`file:///w/${i}/Dockerfile`);
    const waiting = handler.whenWritten();
    assert.equal(await settlesNow(waiting), false);
    for (const write of unwritten.splice(0, 32)) write();
    assert.equal(await settlesNow(waiting), false, '33 still unwritten');
    unwritten.shift()!();
    assert.equal(await settlesNow(waiting), true, '32 unwritten');
  });

  it('a failed write counts as done, so the scan cannot wait forever', async () => {
    const failures: (() => void)[] = [];
    const connection = { sendDiagnostics: () => new Promise<void>((_, reject) => failures.push(() => reject(new Error('pipe closed')))) } as unknown as Connection;
    const documents = { get: () => undefined, keys: () => [] } as unknown as TextDocuments<TextDocument>;
    const config = new ConfigStore({ fetch: async () => undefined, log: () => undefined }, true, nodeDisk);
    const handler = new DiagnosticsHandler(connection, documents, config, 'command');
    for (let i = 0; i < 80; i++) handler.clear(`file:///w/${i}/Dockerfile`);
    const waiting = handler.whenWritten();
    assert.equal(await settlesNow(waiting), false);
    for (const fail of failures.splice(0)) fail();
    assert.equal(await settlesNow(waiting), true);
  });
});
