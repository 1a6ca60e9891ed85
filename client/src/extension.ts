import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CAPDROP_FILES_GLOB, isCapdropDocument } from './relevance';

// Kept in step with COMMANDS in server/src/handlers/codeActions.ts (the client must not import server code).
const SERVER_COMMANDS = { fixAllInFile: 'capdrop.server.fixAllInFile', lintWorkspace: 'capdrop.server.lintWorkspace' };

/**
 * V8 flags for the server process. A young generation of 2 × 1 MiB instead of up to 2 × 16 MiB: the workspace
 * scan's main thread filled all of it, ~30 MiB of the server's RSS (bench/README.md, scan memory). Costs
 * ~15 % more CPU per keystroke on a 25,000-line Compose file, none measurable on small files.
 * bench/lspClient.ts starts the benchmark's server with the same flags.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

let client: LanguageClient | undefined;
let deactivated = false;

/**
 * The language client library, required when the client is first made rather than when this bundle
 * loads: with the LSP libraries and the Node modules it pulls in (child_process, net, crypto, streams)
 * it was most of loading dist/extension.js (bench/activation.ts).
 */
function clientLibrary(): typeof import('vscode-languageclient/node') {
  return require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const { LanguageClient, TransportKind } = clientLibrary();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const languages = ['dockerfile', 'dockercompose', 'shellscript'];
  const documentSelector = [
    ...languages.map((language) => ({ language, scheme: 'file' })),
    ...languages.map((language) => ({ language, scheme: 'untitled' })),
    // Other schemes of virtual workspaces (vscode-vfs…) are linted as text; there is no disk to scan.
    ...languages.map((language) => ({ language, scheme: 'vscode-vfs' })),
    { language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
    // Any other YAML may be a Kubernetes manifest: the server reads its content and leaves the rest alone.
    { language: 'yaml', scheme: 'file' },
    { language: 'yaml', scheme: 'untitled' },
    // Host files (docs/hosts.md): only by path, so other Markdown-like or YAML documents are left alone.
    { language: 'markdown', scheme: 'file' },
    { language: 'makefile', scheme: 'file' },
    { language: 'yaml', pattern: '**/.github/workflows/*.{yml,yaml}' },
    { language: 'yaml', pattern: '**/.gitlab-ci.{yml,yaml}' },
    { language: 'jsonc', pattern: '**/{.devcontainer/**/devcontainer.json,.devcontainer.json}' },
    { language: 'json', pattern: '**/{.devcontainer/**/devcontainer.json,.devcontainer.json}' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,*compose*.y*ml,*.sh,*.bash,*.md,*.markdown,Makefile,GNUmakefile,*.mk,*.y*ml,devcontainer.json,.devcontainer.json,.capdrop.yaml,.capdrop.yml}'),
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('capdrop', 'Capdrop', serverOptions, clientOptions);
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('capdrop.lintWorkspace', () => client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.lintWorkspace, arguments: [] })),
    vscode.commands.registerCommand('capdrop.fixAllInFile', () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri) return client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.fixAllInFile, arguments: [uri] });
    }),
    // The server reads the workspace .capdrop.yaml only once trusted, and learns trust when it starts.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createClient(context);
      await client.start();
    }),
  );
  // After activate() returns: the client library's load and the server's start-up (~100 ms) happen in the
  // background; a failed start is reported by the language client in its output channel. Commands run
  // before then find no client and do nothing (the server could not have answered them yet).
  // Activated by a YAML file (onLanguage:yaml) in a workspace with nothing else of Capdrop's, the server
  // waits until a document it reads is opened (a Kubernetes manifest, say).
  const start = () => {
    if (client || deactivated) return;
    client = createClient(context);
    void client.start();
  };
  const isOurs = (doc: vscode.TextDocument) => isCapdropDocument(doc.languageId, doc.uri.path, () => doc.getText());
  setImmediate(() => {
    if (vscode.workspace.textDocuments.some(isOurs)) return start();
    const opened = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!isOurs(doc)) return;
      opened.dispose();
      start();
    });
    context.subscriptions.push(opened);
    void Promise.resolve(vscode.workspace.findFiles(CAPDROP_FILES_GLOB, '**/node_modules/**', 1)).then(
      (found) => {
        if (found.length === 0) return;
        opened.dispose();
        start();
      },
      () => undefined,
    );
  });
}

export async function deactivate(): Promise<void> {
  deactivated = true;
  await client?.stop();
}
