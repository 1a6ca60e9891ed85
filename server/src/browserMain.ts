import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientScanner, clientFilesOf } from './handlers/clientScan';
import { startLanguageServer } from './languageServer';

// The browser's server (dist/web/server.js): a Web Worker that the web extension starts
// (client/src/browserExtension.ts), speaking LSP over postMessage. The wiring is languageServer.ts, as
// for the Node server; here there is no disk, and the workspace scan reads files through the client.
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
startLanguageServer(createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker)), {
  createScanner: ({ connection, diagnostics, config, sendsScanState }) => new ClientScanner(connection, diagnostics, config, clientFilesOf(connection), sendsScanState),
});
