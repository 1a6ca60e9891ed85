import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateCapdrop, deactivateCapdrop } from './activate';
import { answerFileRequests } from './browserFiles';

// The web extension (package.json `browser`, dist/web/extension.js), for vscode.dev, github.dev and other
// VS Codes in a browser: the language server runs as a Web Worker (dist/web/server.js) and reads the
// workspace through this client. Everything else is activate.ts, shared with the Node extension.

/** The browser's Worker, Blob and URL (this bundle is built without the DOM types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The server's Web Worker. A browser loads a worker only from an http(s) or blob URL: where the extension's
 * files have such a URI (vscode.dev, github.dev) the script is loaded from it; elsewhere (code-server, whose
 * extension files are `vscode-remote:` URIs) it is read through VS Code's file system and started from a blob.
 */
async function startServerWorker(script: vscode.Uri): Promise<MessageTransports> {
  let worker: InstanceType<typeof Worker>;
  if (script.scheme === 'http' || script.scheme === 'https') worker = new Worker(script.toString(true));
  else worker = new Worker(URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(script)], { type: 'text/javascript' })));
  // Transports rather than the worker: VS Code's extension host wraps `Worker`, so the client library's
  // `instanceof Worker` does not recognise the worker it returns.
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

const languages = ['dockerfile', 'dockercompose', 'shellscript'];

/**
 * Any scheme: in a browser every document is on a virtual file system (vscode-vfs, vscode-remote…). Host
 * files (Markdown, Makefiles, CI workflows, devcontainer.json) by path, as on the desktop.
 */
export const BROWSER_DOCUMENT_SELECTOR = [
  ...languages.map((language) => ({ language })),
  { language: 'yaml' },
  { language: 'markdown' },
  { language: 'makefile' },
  { language: 'jsonc', pattern: '**/{.devcontainer/**/devcontainer.json,.devcontainer.json}' },
  { language: 'json', pattern: '**/{.devcontainer/**/devcontainer.json,.devcontainer.json}' },
];

export function activate(context: vscode.ExtensionContext): void {
  activateCapdrop(context, {
    documentSelector: BROWSER_DOCUMENT_SELECTOR,
    // The server has no disk to re-read a changed file from; "Capdrop: Scan workspace" reads them again.
    watchFiles: false,
    createClient(ctx, clientOptions) {
      const script = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'server.js');
      return new LanguageClient('capdrop', 'Capdrop', () => startServerWorker(script), clientOptions);
    },
    setUp: answerFileRequests,
  });
}

export function deactivate(): Promise<void> {
  return deactivateCapdrop();
}
