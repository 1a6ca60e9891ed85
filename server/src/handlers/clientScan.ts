import { CancellationTokenSource, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { ConfigStore } from './config';
import type { DiagnosticsHandler, FetchedFile } from './diagnostics';
import { GlobSet } from './glob';
import { logError } from './guard';
import { reportScanState, type ScanProgress } from './scanProgress';
import { SerialScan } from './serialScan';

// The browser's workspace scan. A Web Worker has no disk: the server asks the client, whose VS Code reads
// any file system (github.dev, vscode.dev, a remote), to list the workspace's files and read them one by one.
// Kept in step with client/src/browserFiles.ts, which answers (test/lsp/clientScan.test.ts checks both).

/** Server → client: the files of a folder matching `include`, at most `maxFiles` (VS Code's `workspace.findFiles`). */
export const LIST_FILES_REQUEST = 'capdrop/listFiles';
/** Server → client: one file's text (`workspace.fs`), unless it is larger than `maxSize` bytes. */
export const READ_FILE_REQUEST = 'capdrop/readFile';

export interface ListFilesParams {
  /** The workspace folder's URI. */
  folder: string;
  include: string;
  exclude: string;
  maxFiles: number;
}

export interface ReadFileParams {
  uri: string;
  maxSize: number;
}

/** Every name `detectKind` or `readsByContent` may accept; the server filters the list with them. */
export const SCAN_INCLUDE =
  '**/{Dockerfile,Dockerfile.*,*.Dockerfile,dockerfile,Containerfile,Containerfile.*,*.Containerfile,containerfile,*.yml,*.yaml,*.YML,*.YAML,*.sh,*.bash,*.md,*.markdown,Makefile,makefile,GNUmakefile,*.mk,devcontainer.json,.devcontainer.json}';
/** Directories never worth entering, as in the disk scan (workspaceScan.ts ALWAYS_SKIPPED). */
export const SCAN_EXCLUDE = '**/{.git,node_modules,.hg,.svn}/**';
/** The scan reads at most this many files of a workspace: each is a round trip to the client and, on github.dev, a download. */
export const MAX_SCANNED_FILES = 2000;

/** How the scan reaches the client: the two requests, or a fake in tests. */
export interface ClientFiles {
  list(params: ListFilesParams, token: CancellationToken): Promise<string[]>;
  read(params: ReadFileParams, token: CancellationToken): Promise<FetchedFile>;
}

export function clientFilesOf(connection: Connection): ClientFiles {
  return {
    list: (params, token) => connection.sendRequest<string[]>(LIST_FILES_REQUEST, params, token),
    read: (params, token) => connection.sendRequest<FetchedFile>(READ_FILE_REQUEST, params, token),
  };
}

/** Let edits and code actions on open documents through between files (a worker has no setImmediate). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Lints the files of the workspace folders (their URIs) that are not open, read through the client. Like the
 * disk scan: a newer scan cancels the older one (and its requests to the client), so does the progress's
 * cancel button; `files.exclude` and `capdrop.exclude` apply. Not here: `.gitignore` and `.capdrop.yaml` files
 * (README, "In the browser").
 */
export class ClientScanner extends SerialScan {
  constructor(
    connection: Connection,
    diagnostics: DiagnosticsHandler,
    config: ConfigStore,
    private readonly files: ClientFiles,
    private readonly sendsScanState = false,
    private readonly maxFiles = MAX_SCANNED_FILES,
  ) {
    super(connection, diagnostics, config);
  }

  protected async run(progress: ScanProgress, superseded: () => boolean): Promise<void> {
    const requests = new CancellationTokenSource();
    const cancelled = () => {
      if (!requests.token.isCancellationRequested && (superseded() || progress.token.isCancellationRequested)) requests.cancel();
      return requests.token.isCancellationRequested;
    };
    progress.begin('Capdrop: linting the workspace', 0, undefined, true);
    reportScanState(this.connection, this.sendsScanState, true, 0);
    const excluded = new GlobSet([...this.config.filesExclude, ...this.config.settings.exclude]);
    let linted = 0;
    try {
      for (const folder of [...this.pending]) {
        if (!this.pending.has(folder)) continue;
        const prefix = folder.endsWith('/') ? folder : `${folder}/`;
        const listed = await this.files.list({ folder, include: SCAN_INCLUDE, exclude: SCAN_EXCLUDE, maxFiles: Math.max(0, this.maxFiles - linted) }, requests.token);
        const seen = new Set<string>();
        for (const uri of [...listed].sort()) {
          if (cancelled()) break;
          // Relative to the folder, as `files.exclude` and `capdrop.exclude` are written.
          const rel = uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
          if (rel === undefined || excluded.matches(rel)) continue;
          seen.add(uri);
          if (!this.diagnostics.isOpen(uri)) {
            await this.diagnostics.whenWritten();
            try {
              await this.diagnostics.lintFetched(uri, (maxSize) => this.files.read({ uri, maxSize }, requests.token));
            } catch (err) {
              if (cancelled()) break; // the client answers a cancelled read with an error
              logError(this.connection, `reading ${uri} through the client`, err);
            }
          }
          if (++linted % 20 === 0) {
            progress.report(`${linted} files`);
            reportScanState(this.connection, this.sendsScanState, true, linted);
          }
          await yieldToEventLoop();
        }
        if (cancelled()) {
          if (!superseded()) this.pending.clear();
          return;
        }
        this.pending.delete(folder);
        // Files of this folder linted by an earlier scan that are now excluded (or gone) lose their problems.
        for (const uri of this.diagnostics.diskUris()) if (uri.startsWith(prefix) && !seen.has(uri) && !this.diagnostics.isOpen(uri)) this.diagnostics.clear(uri);
      }
    } catch (err) {
      if (!cancelled()) throw err;
      if (!superseded()) this.pending.clear(); // a cancelled listing: as a cancel between files
    } finally {
      progress.done();
      reportScanState(this.connection, this.sendsScanState, false, linted);
    }
  }
}
