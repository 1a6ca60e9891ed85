import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  ExecuteCommandRequest,
  ShowDocumentRequest,
  type ApplyWorkspaceEditParams,
  type ShowDocumentParams,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const REPO = path.join(__dirname, '..', '..');
// Generous: under a loaded machine a cold tsx cache makes the first server start slow. These bound waits, they are not sleeps.
const DEFAULT_TIMEOUT_MS = 30_000;
const STARTUP_TIMEOUT_MS = 90_000;

export interface HarnessOptions {
  workspaceFolder?: string;
  /** Further workspace folders after `workspaceFolder` (a multi-root workspace). */
  moreFolders?: string[];
  /** Whether the client advertises window.workDoneProgress. */
  workDoneProgress?: boolean;
  trusted?: boolean;
  /** The `capdrop` section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  filesExclude?: Record<string, boolean>;
  /** Client capabilities beyond the harness's own (snippet edits, showDocument…). */
  workspaceEdit?: NonNullable<ClientCapabilities['workspace']>['workspaceEdit'];
  showDocument?: boolean;
  /** Sent as `initializationOptions.docLinks` (Capdrop's extension sends `command`). */
  docLinks?: string;
  /** Sent as `initializationOptions.scanState` (Capdrop's extension asks for `capdrop/scanState`). */
  scanState?: boolean;
}

interface Waiter<T> {
  accept(value: T): boolean;
  resolve(value: T): void;
}

/**
 * A real LSP client over the server's stdio: it answers the server's requests (configuration,
 * progress tokens, applyEdit) and records every notification, so tests wait on events, never on time.
 */
export class LspHarness {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly progress: { token: string | number; value: { kind: string; cancellable?: boolean } }[] = [];
  readonly progressCreated: (string | number)[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly scanStates: { scanning: boolean; files: number }[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown>;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly progressWaiters: Waiter<{ token: string | number; value: { kind: string } }>[] = [];
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly options: HarnessOptions,
  ) {
    this.settings = options.settings ?? { validationDelayMs: 0 };
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      this.notify(this.diagnosticWaiters, params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => {
      this.progress.push(params);
      this.notify(this.progressWaiters, params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'capdrop' ? this.settings : item.section === 'files.exclude' ? (this.options.filesExclude ?? {}) : null)),
    );
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressCreated.push(params.token);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification('capdrop/scanState', (params: { scanning: boolean; files: number }) => {
      this.scanStates.push(params);
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
  }

  static async start(options: HarnessOptions = {}): Promise<{ harness: LspHarness; result: InitializeResult }> {
    // CAPDROP_LSP_BUNDLE=1 drives the esbuild bundle (dist/server.js, built beforehand) instead of the sources.
    const args = process.env.CAPDROP_LSP_BUNDLE
      ? [path.join(REPO, 'dist', 'server.js'), '--stdio']
      : ['--import', 'tsx', path.join(REPO, 'server', 'src', 'server.ts'), '--stdio'];
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const harness = new LspHarness(child, connection, options);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: { workspaceFolders: true, configuration: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true, ...options.workspaceEdit } },
      textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } } },
      window: { workDoneProgress: options.workDoneProgress ?? false, ...(options.showDocument ? { showDocument: { support: true } } : {}) },
    };
    const folder = options.workspaceFolder;
    const result = await harness.within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder ? uri(folder) : null,
        workspaceFolders: folder ? [folder, ...(options.moreFolders ?? [])].map((f) => ({ uri: uri(f), name: path.basename(f) })) : null,
        capabilities,
        initializationOptions: { trusted: options.trusted ?? true, ...(options.docLinks ? { docLinks: options.docLinks } : {}), ...(options.scanState ? { scanState: true } : {}) },
      }),
      'initialize',
      STARTUP_TIMEOUT_MS,
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return { harness, result };
  }

  /** Resolves with the first diagnostics notification (already received or future) that `accept` matches. */
  waitForDiagnostics(accept: (p: PublishDiagnosticsParams) => boolean, what: string, since = 0): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.slice(since).find(accept);
    if (seen) return Promise.resolve(seen);
    return this.within(new Promise((resolve) => this.diagnosticWaiters.push({ accept, resolve })), what);
  }

  waitForProgress(kind: string): Promise<{ kind: string }> {
    return this.waitForProgressOf(undefined, kind).then((p) => p.value);
  }

  /** The first `$/progress` of `kind` for `token` (any token when undefined), with the token it came with. */
  waitForProgressOf(token: string | number | undefined, kind: string, since = 0): Promise<{ token: string | number; value: { kind: string } }> {
    const accept = (p: { token: string | number; value: { kind: string } }) => p.value.kind === kind && (token === undefined || p.token === token);
    const seen = this.progress.slice(since).find(accept);
    if (seen) return Promise.resolve(seen);
    return this.within(new Promise((resolve) => this.progressWaiters.push({ accept, resolve })), `progress ${kind} of ${String(token)}`);
  }

  /** What the cancel button of a progress notification sends. */
  async cancelProgress(token: string | number): Promise<void> {
    await this.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
  }

  async changeFolders(added: string[], removed: string[]): Promise<void> {
    const folder = (f: string) => ({ uri: uri(f), name: path.basename(f) });
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  executeCommand(command: string, args: unknown[] = []): Promise<unknown> {
    return this.within(this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }), `command ${command}`);
  }

  async open(fileUri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fileUri, languageId, version, text } });
  }

  async replace(fileUri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: fileUri, version }, contentChanges: [{ text }] });
  }

  async close(fileUri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fileUri } });
  }

  async watchedFiles(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { capdrop: settings } });
  }

  /** Fails with what the server said on stderr when `promise` takes longer than the timeout. */
  within<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}; server stderr:\n${this.stderr}\nlogs:\n${this.logs.join('\n')}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<void> {
    try {
      await this.within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 5000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // a server that does not shut down is killed below
    }
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  private notify<T>(waiters: Waiter<T>[], value: T): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].accept(value)) {
        waiters[i].resolve(value);
        waiters.splice(i, 1);
      }
    }
  }
}

export function uri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}
