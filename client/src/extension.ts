import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CAPDROP_FILES_GLOB, isCapdropDocument } from './relevance';
import { CapdropStatus, SCAN_STATE_NOTIFICATION, type ScanState } from './statusBar';

// Kept in step with COMMANDS in server/src/handlers/codeActions.ts (the client must not import server code).
const SERVER_COMMANDS = { fixAllInFile: 'capdrop.server.fixAllInFile', lintWorkspace: 'capdrop.server.lintWorkspace' };
// Kept in step with SHOW_DOCUMENTATION_COMMAND in server/src/engine/docLinks.ts.
const SHOW_DOCUMENTATION = 'capdrop.showDocumentation';

/**
 * V8 flags for the server process. A young generation of 2 × 1 MiB instead of up to 2 × 16 MiB: the workspace
 * scan's main thread filled all of it, ~30 MiB of the server's RSS (bench/README.md, scan memory). Costs
 * ~15 % more CPU per keystroke on a 25,000-line Compose file, none measurable on small files.
 * bench/lspClient.ts starts the benchmark's server with the same flags.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

let client: LanguageClient | undefined;
let deactivated = false;
let status: CapdropStatus | undefined;
/** One output channel for every server the extension starts (a restart, trust granted). */
let output: vscode.LogOutputChannel | undefined;

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
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,*compose*.y*ml,*.sh,*.bash,*.md,*.markdown,Makefile,GNUmakefile,*.mk,*.y*ml,devcontainer.json,.devcontainer.json,.capdrop.yaml,.capdrop.yml,.env,.env.*,*.env}'),
    },
    // Restricted Mode: the server shows the repository's suppressions instead of applying them, and
    // ignores its .gitignore files. The workspace values of Capdrop's own settings are dropped by VS Code
    // (package.json restrictedConfigurations); VS Code's files.exclude is answered here without them.
    // docLinks: rule links are `command:capdrop.showDocumentation` URIs, which `showDocumentation` opens.
    initializationOptions: { trusted: vscode.workspace.isTrusted, docLinks: 'command', scanState: true },
    outputChannel: (output ??= vscode.window.createOutputChannel('Capdrop', { log: true })),
    // Hovers link the rule pages through that command, and may run no other.
    markdown: { isTrusted: { enabledCommands: [SHOW_DOCUMENTATION] } },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(answer)) return answer;
          return params.items.map((item, i) => (item.section === 'files.exclude' ? userFilesExclude() : answer[i]));
        },
      },
    },
  };
  const made = new LanguageClient('capdrop', 'Capdrop', serverOptions, clientOptions);
  made.onNotification(SCAN_STATE_NOTIFICATION, (state: ScanState) => status?.setScan(state));
  return made;
}

/** Stops the server (if any) and starts a new one: settings of the process, trust granted, or the user asked. */
async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop().catch(() => undefined);
  if (deactivated) return;
  status?.setScan({ scanning: false, files: 0 });
  client = createClient(context);
  await client.start();
}

/**
 * Opens a page of the documentation that ships in the extension (docs/) in the Markdown preview: a rule
 * id (docs/rules/<id>.md) or a page of docs/ (`hardening`, `hosts`, `editor`…). Through the file system
 * API, so it works locally, on remotes and in the browser, and offline.
 */
async function showDocumentation(context: vscode.ExtensionContext, page: string): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(page)) return;
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs');
  const rulePage = vscode.Uri.joinPath(docs, 'rules', `${page}.md`);
  const uri = (await exists(rulePage)) ? rulePage : vscode.Uri.joinPath(docs, `${page}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // Without the built-in Markdown extension: the page as text.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** "Capdrop: Show rules": every rule with its title, opening the chosen one's page. */
async function pickRule(context: vscode.ExtensionContext): Promise<void> {
  const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const items = await Promise.all(
    entries
      .filter(([name]) => name.endsWith('.md'))
      .map(async ([name]) => {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
        // Each generated page: `# <id>`, then the title as its first paragraph.
        const title = /^# .*\n\n(.+)$/m.exec(text)?.[1] ?? '';
        return { label: name.slice(0, -3), detail: title };
      }),
  );
  const picked = await vscode.window.showQuickPick(items.sort((a, b) => a.label.localeCompare(b.label)), { placeHolder: 'Capdrop rule to read about', matchOnDetail: true });
  if (picked) await showDocumentation(context, picked.label);
}

/** `files.exclude` as the user and VS Code set it, without the workspace's say (it could hide a file from the scan). */
function userFilesExclude(): Record<string, unknown> {
  const inspected = vscode.workspace.getConfiguration('files').inspect<Record<string, unknown>>('exclude');
  return { ...inspected?.defaultValue, ...inspected?.globalValue };
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DOCUMENTATION, (page?: unknown) => (typeof page === 'string' ? showDocumentation(context, page) : pickRule(context))),
    vscode.commands.registerCommand('capdrop.showRules', () => pickRule(context)),
    vscode.commands.registerCommand('capdrop.showOutput', () => (output ??= vscode.window.createOutputChannel('Capdrop', { log: true })).show(true)),
    vscode.commands.registerCommand('capdrop.restartServer', () => restart(context)),
    (status = new CapdropStatus('capdrop.showOutput')),
    vscode.commands.registerCommand('capdrop.lintWorkspace', () => client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.lintWorkspace, arguments: [] })),
    vscode.commands.registerCommand('capdrop.fixAllInFile', () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri) return client?.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.fixAllInFile, arguments: [uri] });
    }),
    // The server reads the workspace .capdrop.yaml only once trusted, and learns trust when it starts.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
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
