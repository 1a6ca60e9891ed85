import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS, FIX_ALL_KIND, fixAllInFile, provideCodeActions, type ClientSupport } from './handlers/codeActions';
import { ConfigStore, isInside } from './handlers/config';
import { isConfigBaseName } from './handlers/workspaceConfigText';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { guarded, guardedNotification } from './handlers/guard';
import { provideHover } from './handlers/hover';
import type { LocalDisk } from './files/localDisk';

/** A workspace scan: of the disk with worker threads (Node), or of what the client lists and reads (the browser). */
export interface WorkspaceScan {
  /** Starts a scan of `folders` (their keys: `ServerPlatform.folderKey`), cancelling any scan under way. */
  scan(folders: readonly string[]): Promise<void>;
  /** A removed workspace folder is not scanned any more, even by a scan that was waiting for it. */
  forget(folder: string): void;
}

/** What the language server is given by where it runs: serverMain.ts (Node) or browserMain.ts (a Web Worker). */
export interface ServerPlatform {
  /** The local file system; absent in a browser, where unopened files are read through the client. */
  disk?: LocalDisk;
  createScanner(parts: { connection: Connection; diagnostics: DiagnosticsHandler; config: ConfigStore; sendsScanState: boolean }): WorkspaceScan;
}

/**
 * Wiring only: every behaviour lives in handlers/, and the linting itself in engine/lint.ts. The same for
 * the Node server and the browser's, which differ in `platform` alone.
 */
export function startLanguageServer(connection: Connection, platform: ServerPlatform): void {
  const disk = platform.disk;
  const documents = new TextDocuments(TextDocument);
  /** The path of a `file:` URI where there is a disk. */
  const pathOf = (uri: string): string | undefined => disk?.uriToPath(uri);
  /** What a file or folder is known by: its path where there is a disk (spellings of its URI differ), else its URI. */
  const keyOf = (uri: string): string => (disk ? disk.uriKey(uri) : uri);

  /** Folder keys: paths of `file:` folders with a disk (other schemes are not scanned there), URIs without. */
  let folders: string[] = [];
  let canPullConfiguration = false;
  /** Clients that do not register capabilities dynamically (eglot, Neovim 0.7) send every change unasked. */
  let canRegisterConfigurationChanges = false;
  /** How an ignore fix puts the cursor on the reason: a snippet edit, or selecting it afterwards (LSP 3.18 / 3.16). */
  let client: ClientSupport = { snippets: false };
  let clientSendsFolderChanges = false;
  let config!: ConfigStore;
  let diagnostics!: DiagnosticsHandler;
  let scanner!: WorkspaceScan;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    client = {
      snippets: workspaceEdit?.snippetEditSupport === true,
      selectCommand: params.capabilities.window?.showDocument?.support === true ? COMMANDS.selectRange : undefined,
      createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create'),
    };
    clientSendsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
    folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    config = new ConfigStore(
      {
        fetch: async () => {
          if (!canPullConfiguration) return undefined;
          const [capdrop, filesExclude] = await connection.workspace.getConfiguration([{ section: 'capdrop' }, { section: 'files.exclude' }]);
          return { capdrop, filesExclude };
        },
        log: (message) => connection.console.warn(`Capdrop: ${message}`),
      },
      trusted,
      disk,
    );
    // The VS Code extension opens the bundled rule pages through its command; other clients get their files.
    const docLinks = (params.initializationOptions as { docLinks?: unknown } | undefined)?.docLinks === 'command' || !disk ? 'command' : disk.docLinks();
    diagnostics = new DiagnosticsHandler(connection, documents, config, docLinks);
    if (disk) {
      // References to a file open in the editor read its unsaved text, as the user sees it.
      config.openText = (fsPath) => documents.get(disk.pathToUri(fsPath))?.getText() ?? openDocumentAt(fsPath)?.getText();
      // Problems in a .capdrop.yaml show in that file, whether or not it is open.
      config.onConfigLoaded = (loaded) => diagnostics.publishConfigProblems(disk.pathToUri(loaded.file), loaded.text, loaded.problems);
    }
    const sendsScanState = (params.initializationOptions as { scanState?: unknown } | undefined)?.scanState === true;
    scanner = platform.createScanner({ connection, diagnostics, config, sendsScanState });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMANDS.fixAllInFile, COMMANDS.lintWorkspace, COMMANDS.selectRange] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'capdrop' },
    };
  });

  function isRange(v: unknown): v is Range {
    const position = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);
    return typeof v === 'object' && v !== null && position((v as Range).start) && position((v as Range).end);
  }

  function folderPaths(list: readonly WorkspaceFolder[]): string[] {
    if (!disk) return list.map((f) => f.uri);
    return list.map((f) => disk.uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  }

  /** The open document of a path whose URI the client spelled differently (percent-encoding). */
  function openDocumentAt(fsPath: string): TextDocument | undefined {
    return documents.all().find((doc) => keyOf(doc.uri) === fsPath);
  }

  /**
   * A file changed (on disk or in the editor): the Compose files that `extends`/`include` it are linted
   * again, after the usual typing delay so a burst of keystrokes costs one lint per dependent.
   */
  const dependentTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function relintDependentsOf(fsPath: string | undefined): void {
    if (fsPath) relintLater(config.dependencies.dependentsOf(fsPath));
  }

  function relintLater(dependents: readonly string[]): void {
    for (const dependent of dependents) {
      clearTimeout(dependentTimers.get(dependent));
      dependentTimers.set(
        dependent,
        setTimeout(
          guardedNotification(connection, 'linting the files built on a changed file', async () => {
            dependentTimers.delete(dependent);
            const open = openDocumentAt(dependent);
            if (open) diagnostics.lintOpen(open.uri);
            // An unopened file of a folder no longer in the workspace keeps its problems cleared.
            else if (disk && folders.some((f) => isInside(dependent, f))) await diagnostics.lintFromDisk(disk.pathToUri(dependent));
          }),
          config.settings.validationDelayMs,
          undefined,
        ),
      );
    }
  }

  /** Settings or a .capdrop.yaml changed: everything is linted again. */
  async function reloadAndRelintAll(): Promise<void> {
    await config.reload(folders);
    if (!config.settings.enable) diagnostics.clearAll();
    diagnostics.relintOpen();
    await scanner.scan(folders);
  }

  connection.onInitialized(
    guardedNotification(connection, 'initializing', async () => {
      if (canPullConfiguration && canRegisterConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'capdrop' }).catch(() => undefined);
      if (clientSendsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders(guardedNotification(connection, 'changing workspace folders', changeFolders));
      await reloadAndRelintAll();
    }),
  );

  connection.onDidChangeConfiguration(
    guardedNotification(connection, 'applying new settings', async (params) => {
      config.setPushedSettings(params.settings);
      await reloadAndRelintAll();
    }),
  );

  /**
   * Folders added or removed while running: the removed ones lose the problems of their unopened files,
   * the added ones are scanned, and the settings files and the extends/include roots follow the list.
   */
  async function changeFolders(event: { added: WorkspaceFolder[]; removed: WorkspaceFolder[] }): Promise<void> {
    const removed = folderPaths(event.removed);
    const added = folderPaths(event.added).filter((f) => !folders.includes(f));
    folders = [...folders.filter((f) => !removed.includes(f)), ...added];
    for (const folder of removed) scanner.forget(folder);
    for (const uri of diagnostics.diskUris()) {
      const key = keyOf(uri);
      if (removed.some((f) => isInside(key, f)) && !folders.some((f) => isInside(key, f)) && !diagnostics.isOpen(uri)) diagnostics.clear(uri);
    }
    await config.reload(folders);
    diagnostics.relintOpen();
    // A reference into a folder that came or went now reads (or no longer reads) its target.
    relintLater([...added, ...removed].flatMap((f) => config.dependencies.dependentsUnder(f, isInside)));
    await scanner.scan(added);
  }

  // Opening shows problems at once; typing waits for capdrop.validationDelayMs.
  documents.onDidOpen((e) => guardedNotification(connection, 'linting an opened document', () => void diagnostics.lintOpen(e.document.uri))(undefined));
  documents.onDidChangeContent((e) =>
    guardedNotification(connection, 'scheduling a lint', () => {
      diagnostics.schedule(e.document.uri);
      relintDependentsOf(pathOf(e.document.uri));
    })(undefined),
  );
  documents.onDidClose((e) =>
    guardedNotification(connection, 'closing a document', () => {
      diagnostics.onClosed(e.document.uri);
      relintDependentsOf(pathOf(e.document.uri)); // its dependents read the disk again
    })(undefined),
  );

  connection.onDidChangeWatchedFiles(
    guardedNotification(connection, 'handling file changes', async (params) => {
      const changedConfigs: string[] = [];
      for (const change of params.changes) {
        const fsPath = pathOf(change.uri);
        if (fsPath && isConfigFileName(fsPath)) {
          if (change.type === FileChangeType.Deleted) diagnostics.clear(change.uri);
          else changedConfigs.push(fsPath);
        } else if (change.type === FileChangeType.Deleted) diagnostics.clear(change.uri);
        else if (!diagnostics.isOpen(change.uri)) await diagnostics.lintFromDisk(change.uri);
        // An edited file's unsaved text is what its dependents read: a save does not change that.
        if (!diagnostics.isOpen(change.uri)) relintDependentsOf(fsPath);
      }
      const configChanged = changedConfigs.length > 0 || params.changes.some((c) => isConfigFileName(pathOf(c.uri) ?? ''));
      if (configChanged) {
        await config.reload(folders);
        // A changed config file is read at once, so its problems show even before a file it governs is linted.
        for (const file of changedConfigs) config.validateConfigFile(file);
        if (!config.settings.enable) diagnostics.clearAll();
        diagnostics.relintOpen();
        await scanner.scan(folders);
      }
    }),
  );

  connection.onCodeAction(guarded(connection, 'computing code actions', [], (params) => provideCodeActions(diagnostics, params, client)));
  connection.onHover(guarded(connection, 'computing a hover', null, (params) => provideHover(diagnostics, params)));
  connection.onExecuteCommand(
    guarded(connection, 'running a command', null, async (params) => {
      if (params.command === COMMANDS.lintWorkspace) {
        diagnostics.relintOpen();
        await scanner.scan(folders);
      } else if (params.command === COMMANDS.fixAllInFile) {
        const uri = params.arguments?.[0];
        if (typeof uri === 'string') await fixAllInFile(connection, diagnostics, uri);
      } else if (params.command === COMMANDS.selectRange) {
        const [uri, selection] = params.arguments ?? [];
        if (typeof uri === 'string' && isRange(selection)) await connection.window.showDocument({ uri, selection, takeFocus: true });
      }
      return null;
    }),
  );

  /** Whether a path names a `.capdrop.yaml` (paths exist only where there is a disk). */
  function isConfigFileName(fsPath: string): boolean {
    return disk !== undefined && fsPath !== '' && isConfigBaseName(disk.paths.basename(fsPath));
  }

  documents.listen(connection);
  connection.listen();
}
