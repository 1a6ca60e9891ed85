import type { Connection } from 'vscode-languageserver';
import type { ConfigStore } from './config';
import type { DiagnosticsHandler } from './diagnostics';
import { logError } from './guard';
import { createScanProgress, type ScanProgress } from './scanProgress';
import type { WorkspaceScan } from '../languageServer';

/**
 * What the disk scan (workspaceScan.ts) and the browser's scan through the client (clientScan.ts) share:
 * scans run one after another; a newer scan supersedes one under way, which stops and leaves its
 * unfinished folders to it (an added folder must not cut short the scan of the others); a Capdrop turned
 * off clears the workspace's problems instead of scanning.
 */
export abstract class SerialScan implements WorkspaceScan {
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  /** Folders asked for and not yet scanned to the end; the user's cancel drops them. */
  protected readonly pending = new Set<string>();

  constructor(
    protected readonly connection: Connection,
    protected readonly diagnostics: DiagnosticsHandler,
    protected readonly config: ConfigStore,
  ) {}

  /** Starts a scan of `folders`, cancelling any scan under way. */
  scan(folders: readonly string[]): Promise<void> {
    for (const folder of folders) this.pending.add(folder);
    const generation = ++this.generation;
    this.running = this.running.then(() => this.start(generation)).catch((err: unknown) => logError(this.connection, 'scanning the workspace', err));
    return this.running;
  }

  /** A removed workspace folder is not scanned any more, even by a scan that was waiting for it. */
  forget(folder: string): void {
    this.pending.delete(folder);
  }

  private async start(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    if (!this.config.settings.enable) {
      this.pending.clear();
      this.diagnostics.clearAll();
      return;
    }
    const progress = await createScanProgress(this.connection);
    await this.run(progress, () => generation !== this.generation);
  }

  /** One scan of the pending folders, under `progress`; `superseded` turns true once a newer scan is asked for. */
  protected abstract run(progress: ScanProgress, superseded: () => boolean): Promise<void>;
}
