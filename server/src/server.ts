import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS, FIX_ALL_KIND, fixAllInFile, provideCodeActions } from './handlers/codeActions';
import { ConfigStore, WORKSPACE_CONFIG_NAMES } from './handlers/config';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { uriToPath } from './handlers/documentKind';
import { guarded, guardedNotification } from './handlers/guard';
import { provideHover } from './handlers/hover';
import { WorkspaceScanner } from './handlers/workspaceScan';

// Wiring only: every behaviour lives in handlers/, and the linting itself in engine/lint.ts.
const connection = createConnection();
const documents = new TextDocuments(TextDocument);

let folders: string[] = [];
let canPullConfiguration = false;
let config!: ConfigStore;
let diagnostics!: DiagnosticsHandler;
let scanner!: WorkspaceScanner;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => p !== undefined);
  config = new ConfigStore(
    {
      fetch: async () => {
        if (!canPullConfiguration) return undefined;
        const [capdrop, filesExclude] = await connection.workspace.getConfiguration([{ section: 'capdrop' }, { section: 'files.exclude' }]);
        return { capdrop, filesExclude };
      },
      readFile: (p) => fs.readFile(p, 'utf8').catch(() => undefined),
      log: (message) => connection.console.warn(`Capdrop: ${message}`),
    },
    trusted,
  );
  diagnostics = new DiagnosticsHandler(connection, documents, config);
  scanner = new WorkspaceScanner(connection, diagnostics, config);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: [COMMANDS.fixAllInFile, COMMANDS.lintWorkspace] },
    },
    serverInfo: { name: 'capdrop' },
  };
});

/** Settings or a .capdrop.yaml changed: everything is linted again. */
async function reloadAndRelintAll(): Promise<void> {
  await config.reload(folders);
  if (!config.settings.enable) diagnostics.clearAll();
  diagnostics.relintOpen();
  await scanner.scan(folders);
}

connection.onInitialized(
  guardedNotification(connection, 'initializing', async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'capdrop' }).catch(() => undefined);
    await reloadAndRelintAll();
  }),
);

connection.onDidChangeConfiguration(
  guardedNotification(connection, 'applying new settings', async (params) => {
    config.setPushedSettings(params.settings);
    await reloadAndRelintAll();
  }),
);

// Opening shows problems at once; typing waits for capdrop.validationDelayMs.
documents.onDidOpen((e) => guardedNotification(connection, 'linting an opened document', () => void diagnostics.lintOpen(e.document.uri))(undefined));
documents.onDidChangeContent((e) => guardedNotification(connection, 'scheduling a lint', () => diagnostics.schedule(e.document.uri))(undefined));
documents.onDidClose((e) => guardedNotification(connection, 'closing a document', () => diagnostics.onClosed(e.document.uri))(undefined));

connection.onDidChangeWatchedFiles(
  guardedNotification(connection, 'handling file changes', async (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const fsPath = uriToPath(change.uri);
      if (fsPath && WORKSPACE_CONFIG_NAMES.includes(path.basename(fsPath))) configChanged = true;
      else if (change.type === FileChangeType.Deleted) diagnostics.clear(change.uri);
      else if (!diagnostics.isOpen(change.uri)) await diagnostics.lintFromDisk(change.uri);
    }
    if (configChanged) await reloadAndRelintAll();
  }),
);

connection.onCodeAction(guarded(connection, 'computing code actions', [], (params) => provideCodeActions(diagnostics, params)));
connection.onHover(guarded(connection, 'computing a hover', null, (params) => provideHover(diagnostics, params)));
connection.onExecuteCommand(
  guarded(connection, 'running a command', null, async (params) => {
    if (params.command === COMMANDS.lintWorkspace) {
      diagnostics.relintOpen();
      await scanner.scan(folders);
    } else if (params.command === COMMANDS.fixAllInFile) {
      const uri = params.arguments?.[0];
      if (typeof uri === 'string') await fixAllInFile(connection, diagnostics, uri);
    }
    return null;
  }),
);

documents.listen(connection);
connection.listen();
