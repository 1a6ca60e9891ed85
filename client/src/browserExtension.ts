import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCapdrop, deactivateCapdrop } from './activate';
import { answerFileRequests } from './browserFiles';

// The web extension (package.json `browser`, dist/web/extension.js), for vscode.dev, github.dev and other
// VS Codes in a browser: the language server runs as a Web Worker (dist/web/server.js) and reads the
// workspace through this client. Everything else is activate.ts, shared with the Node extension.

/** The browser's Worker (this bundle is built without the DOM types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

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
      const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'server.js').toString(true));
      return new LanguageClient('capdrop', 'Capdrop', worker, clientOptions);
    },
    setUp: answerFileRequests,
  });
}

export function deactivate(): Promise<void> {
  return deactivateCapdrop();
}
