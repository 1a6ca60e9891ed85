// A minimal LSP client for the benchmark: spawns the bundled server over stdio and answers its requests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.join(__dirname, '..');
export const toUri = (p: string) => pathToFileURL(p).href;

/**
 * The V8 flags the extension starts the server with: `SERVER_EXEC_ARGV` in client/src/extension.ts, copied
 * here by hand (that module needs `vscode`). `npm run bench -- --server-args=…` replaces them, for A/B runs.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

export class BenchClient {
  /** The server's V8 flags for every start (`SERVER_EXEC_ARGV` unless the bench was told otherwise). */
  static execArgv: readonly string[] = SERVER_EXEC_ARGV;
  /** The server bundle (`--server=` points the bench at another build, e.g. of an older tree, for A/B runs). */
  static serverPath = path.join(REPO, 'dist', 'server.js');
  private listeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  progressEnded?: () => void;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (const l of [...this.listeners]) l(p);
    });
    connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      if (p.value.kind === 'end') this.progressEnded?.();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'capdrop' ? { validationDelayMs: 0 } : item.section === 'files.exclude' ? {} : null)));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  /** Starts `node <execArgv> <nodeArgs> dist/server.js --stdio`, optionally with a workspace folder (which starts a scan). */
  static async start(folder?: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<BenchClient> {
    const child = spawn(process.execPath, [...BenchClient.execArgv, ...nodeArgs, BenchClient.serverPath, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchClient(child, connection);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? toUri(folder) : null,
      workspaceFolders: folder ? [{ uri: toUri(folder), name: path.basename(folder) }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
      initializationOptions: { trusted: true },
    });
    return client;
  }

  initialized(): Promise<void> {
    return this.connection.sendNotification(InitializedNotification.type, {});
  }

  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /** Resolves with the first diagnostics for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const off = this.onDiagnostics((p) => {
        if (p.uri === uri && p.version === version) {
          off();
          resolve(p);
        }
      });
    });
  }

  open(uri: string, languageId: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends a one-range incremental change, as an editor does for a keystroke. */
  change(uri: string, version: number, offsetLine: number, character: number, replaceLength: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: offsetLine, character }, end: { line: offsetLine, character: character + replaceLength } }, text }],
    });
  }

  /** CPU time of the server process so far (user + system, all its threads), in ms; on a loaded machine it shows what wall time cannot. */
  cpuMs(): number | undefined {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (100 per second on Linux)
    } catch {
      return undefined;
    }
  }

  /** Peak resident set size of the server process (VmHWM), in MiB. */
  peakRssMiB(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // killed below
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
