import type * as vscode from 'vscode';
import type { LanguageClient, ServerOptions } from 'vscode-languageclient/node';
import { activateCapdrop, deactivateCapdrop } from './activate';

// The Node extension (package.json `main`): starts the language server (dist/server.js) as a Node process.
// Everything else is activate.ts, shared with the web extension (browserExtension.ts).

/**
 * V8 flags for the server process. A young generation of 2 × 1 MiB instead of up to 2 × 16 MiB: the workspace
 * scan's main thread filled all of it, ~30 MiB of the server's RSS (bench/README.md, scan memory). Costs
 * ~15 % more CPU per keystroke on a 25,000-line Compose file, none measurable on small files.
 * bench/lspClient.ts starts the benchmark's server with the same flags.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/**
 * The language client library, required when the client is first made rather than when this bundle
 * loads: with the LSP libraries and the Node modules it pulls in (child_process, net, crypto, streams)
 * it was most of loading dist/extension.js (bench/activation.ts).
 */
function clientLibrary(): typeof import('vscode-languageclient/node') {
  return require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
}

const languages = ['dockerfile', 'dockercompose', 'shellscript'];

/** The Node extension's documents: files, untitled documents and some virtual schemes (see below). */
export const NODE_DOCUMENT_SELECTOR = [
  ...languages.map((language) => ({ language, scheme: 'file' })),
  ...languages.map((language) => ({ language, scheme: 'untitled' })),
  // Other schemes of virtual workspaces (vscode-vfs…) are linted as text; there is no disk to scan.
  ...languages.map((language) => ({ language, scheme: 'vscode-vfs' })),
  { language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
  // Capdrop's own config: its problems show as you type (it applies once saved).
  { language: 'yaml', pattern: '**/.capdrop.{yml,yaml}' },
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
  // Env files are not linted, but Compose files read them: their unsaved text updates those files' problems.
  { scheme: 'file', pattern: '**/{.env,.env.*,*.env}' },
];

export function activate(context: vscode.ExtensionContext): void {
  activateCapdrop(context, {
    documentSelector: NODE_DOCUMENT_SELECTOR,
    watchFiles: true,
    createClient(ctx, clientOptions): LanguageClient {
      const { LanguageClient, TransportKind } = clientLibrary();
      const serverModule = ctx.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
      };
      return new LanguageClient('capdrop', 'Capdrop', serverOptions, clientOptions);
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateCapdrop();
}
