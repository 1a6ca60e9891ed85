import { promises as fs, readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { reportScanState, type ScanProgress } from './scanProgress';
import { SerialScan } from './serialScan';
import { detectKind, readsByContent } from '../parse';
import { isInside, type ConfigStore } from './config';
import type { DiagnosticsHandler } from './diagnostics';
import { pathToUri, uriKey } from '../files/fileUris';
import { GitIgnore, GlobSet } from './glob';
import { logError } from './guard';
import { lintJob } from '../scanWorker';
import type { ScanPool } from './scanPool';


/** Directories never worth entering, whatever the settings say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Files per message to a worker: enough to amortize the message, few enough that a cancel stops soon. */
const BATCH_SIZE = 24;

/** A file the walk found: its path (which is also its `uriKey`) and the URI the client is told. */
interface WalkedFile {
  uri: string;
  fsPath: string;
}

/** Let other messages (edits, code actions on open documents) through between files. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lints every file of the workspace folders that Capdrop reads and that is not open, so the Problems
 * panel lists them. Batches of files go to worker threads (`scanPool.ts`); without them, or until they
 * have loaded, files are linted here one at a time, yielding between files, so requests about open
 * documents are answered first. A newer scan cancels the older one, and so does the progress's cancel button.
 */
export class WorkspaceScanner extends SerialScan {
  constructor(
    connection: Connection,
    diagnostics: DiagnosticsHandler,
    config: ConfigStore,
    /** Worker threads that lint the files; without it (or when it fails) they are linted here, one by one. */
    private readonly pool?: ScanPool,
    /** Whether the client asked for `capdrop/scanState` notifications (Capdrop's extension: its status bar item). */
    private readonly sendsScanState = false,
  ) {
    super(connection, diagnostics, config);
  }

  private reportState(scanning: boolean, files: number): void {
    reportScanState(this.connection, this.sendsScanState, scanning, files);
  }

  /** Scans the pending folders (file-system paths). */
  protected async run(progress: ScanProgress, superseded: () => boolean): Promise<void> {
    const cancelled = () => superseded() || progress.token.isCancellationRequested;
    progress.begin('Capdrop: linting the workspace', 0, undefined, true);
    this.reportState(true, 0);
    this.pool?.warmUp();
    let linted = 0;
    const batch: WalkedFile[] = [];
    const inFlight = new Set<Promise<void>>();
    // Each worker gets a second batch queued behind the one it is linting, and one more is queued, so
    // none waits for the walk or for this thread's publishing.
    const maxInFlight = this.pool ? this.pool.size * 2 + 1 : 1;
    const send = async () => {
      await this.diagnostics.whenWritten();
      const sent = this.lintBatch(batch.splice(0), cancelled).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    };
    try {
      for (const folder of [...this.pending]) {
        if (!this.pending.has(folder)) continue; // removed meanwhile
        const seen = new Set<string>();
        for await (const file of this.walk(folder, progress.token, cancelled)) {
          if (cancelled()) break;
          const uri = pathToUri(file);
          seen.add(file); // = uriKey(uri): a walked path is normalized, and the URI round trip gives it back
          if (!this.diagnostics.isOpen(uri)) batch.push({ uri, fsPath: file });
          if (batch.length >= BATCH_SIZE) await send();
          linted++;
          if (linted % 20 === 0) {
            progress.report(`${linted} files`);
            this.reportState(true, linted);
          }
          if (!this.pool) await yieldToEventLoop();
        }
        if (batch.length && !cancelled()) await send();
        await Promise.all(inFlight);
        if (cancelled()) {
          if (!superseded()) this.pending.clear();
          return;
        }
        this.pending.delete(folder);
        // Files of this folder linted by an earlier scan that are now excluded (or gone) lose their problems.
        for (const uri of this.diagnostics.diskUris()) {
          const key = uriKey(uri);
          if (isInside(key, folder) && !seen.has(key) && !this.diagnostics.isOpen(uri)) this.diagnostics.clear(uri);
        }
      }
    } finally {
      batch.length = 0;
      await Promise.allSettled(inFlight); // a cancelled scan's batches publish nothing once it has ended
      progress.done();
      this.reportState(false, linted);
    }
  }

  /**
   * Lints files in a worker (publishing their results unless the scan was cancelled meanwhile) when one
   * is loaded; until one is (and without workers), here, one file at a time, yielding between files. Not here
   * beside a loaded worker: this thread walks, publishes and collects garbage in a 1 MB young generation
   * (`--max-semi-space-size=1`), and linting a batch in it too made it the scan's bottleneck (10,000 files on
   * 2 cores: 10.4 s and 17.8 s of CPU, against 7.8-8.0 s and 11 s with the worker alone, measured).
   */
  private async lintBatch(files: WalkedFile[], cancelled: () => boolean): Promise<void> {
    if (!this.pool) {
      for (const { uri } of files) {
        if (cancelled()) return;
        if (!this.diagnostics.isOpen(uri)) await this.diagnostics.lintFromDisk(uri);
        await yieldToEventLoop();
      }
      return;
    }
    const pool = this.pool.ready ? this.pool : undefined;
    const jobs = files.map(({ uri, fsPath }) => this.diagnostics.scanJob(uri, fsPath)).filter((j) => j !== undefined);
    if (pool && jobs.length) {
      try {
        const results = await pool.lint(jobs.map((j) => j.job));
        for (let i = 0; i < jobs.length; i++) {
          if (cancelled()) return;
          await this.diagnostics.acceptScanResult(jobs[i].job, jobs[i].sequence, results[i]);
        }
        return;
      } catch (err) {
        logError(this.connection, 'linting files in a scan worker (linting them in the server instead)', err);
      }
    }
    // The worker's own function, so this thread keeps no more per file than a worker's result does.
    const listings = new Map<string, Set<string> | undefined>();
    for (const { job, sequence } of jobs) {
      if (cancelled()) return;
      await this.diagnostics.acceptScanResult(job, sequence, lintJob(job, listings));
      await yieldToEventLoop();
    }
  }

  private async *walk(folder: string, _token: CancellationToken, cancelled: () => boolean): AsyncGenerator<string> {
    const filesExclude = new GlobSet(this.config.filesExclude);
    const capdropExclude = new GlobSet(this.config.settings.exclude);
    const excluded = (rel: string) => filesExclude.matches(rel) || capdropExclude.matches(rel);
    // The .capdrop.yaml excludes are gitignore-style, relative to the nearest config file, as the CLI reads them.
    const byConfig = (fsPath: string, isDir: boolean) => this.config.excludedByConfig(fsPath, folder, isDir);
    const rootIgnore = new GitIgnore();
    const stack: { dir: string; rel: string; ignore: GitIgnore }[] = [{ dir: folder, rel: '', ignore: rootIgnore }];
    while (stack.length) {
      if (cancelled()) return;
      const { dir, rel, ignore: inherited } = stack.pop()!;
      let entries: Dirent[];
      try {
        // Synchronous, like the scan's file reads: the promise version cost 3-5x the CPU of the listing
        // itself (a thread-pool round trip per directory; 5,000 directories: ~260 vs ~75 ms). The walk
        // yields to the event loop after every directory instead.
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable directory: nothing to lint there
      }
      let ignore = inherited;
      // Untrusted, the repository's .gitignore files hide nothing: a fresh clone holds only tracked files, so
      // there they could only hide files added in spite of them (Restricted Mode, docs/editor.md).
      if (this.config.trusted && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
        const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => '');
        ignore = inherited.clone();
        ignore.add(rel, text);
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      const subdirs: { dir: string; rel: string; ignore: GitIgnore }[] = [];
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        // Symbolic links are not followed: they can loop, or lead out of the workspace.
        if (entry.isDirectory()) {
          if (ALWAYS_SKIPPED.has(entry.name) || excluded(childRel) || ignore.ignores(childRel, true)) continue;
          const child = path.join(dir, entry.name);
          if (byConfig(child, true)) continue;
          subdirs.push({ dir: child, rel: childRel, ignore });
        } else if (entry.isFile() && (detectKind(childRel) || readsByContent(childRel)) && !excluded(childRel) && !ignore.ignores(childRel, false)) {
          const child = path.join(dir, entry.name);
          if (!byConfig(child, false)) yield child;
        }
      }
      stack.push(...subdirs.reverse());
      await yieldToEventLoop();
    }
  }
}
