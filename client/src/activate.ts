import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CAPDROP_FILES_GLOB, isCapdropDocument } from './relevance';
import { CapdropStatus, SCAN_STATE_NOTIFICATION, type ScanState } from './statusBar';

// Kept in step with COMMANDS in server/src/handlers/codeActions.ts (the client must not import server code).
const SERVER_COMMANDS = { fixAllInFile: 'capdrop.server.fixAllInFile', lintWorkspace: 'capdrop.server.lintWorkspace' };
// Kept in step with SHOW_DOCUMENTATION_COMMAND in server/src/engine/docLinks.ts.
const SHOW_DOCUMENTATION = 'capdrop.showDocumentation';

/**
 * What differs between the Node extension (extension.ts) and the web extension (browserExtension.ts): how the
 * language client and its server are made, which documents it is given, and whether files are watched.
 */
export interface ClientPlatform {
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
  documentSelector: DocumentSelector;
  /** A file system watcher tells the server about changes to unopened files (only where the server reads a disk). */
  watchFiles: boolean;
  /** Anything more the client answers (the browser's file requests). */
  setUp?(client: BaseLanguageClient): void;
}

let platform!: ClientPlatform;
let client: BaseLanguageClient | undefined;
let deactivated = false;
let status: CapdropStatus | undefined;
/** One output channel for every server the extension starts (a restart, trust granted). */
let output: vscode.LogOutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): BaseLanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: platform.documentSelector,
    synchronize: platform.watchFiles
      ? { fileEvents: vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,*compose*.y*ml,*.sh,*.bash,*.md,*.markdown,Makefile,GNUmakefile,*.mk,*.y*ml,devcontainer.json,.devcontainer.json,.capdrop.yaml,.capdrop.yml,.env,.env.*,*.env}') }
      : {},
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
  const made = platform.createClient(context, clientOptions);
  made.onNotification(SCAN_STATE_NOTIFICATION, (state: ScanState) => status?.setScan(state));
  platform.setUp?.(made);
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

/** Activates Capdrop with the client of `how` (the Node or the browser one). */
export function activateCapdrop(context: vscode.ExtensionContext, how: ClientPlatform): void {
  platform = how;
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
  setTimeout(() => {
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
  }, 0);
}

export async function deactivateCapdrop(): Promise<void> {
  deactivated = true;
  await client?.stop();
}
