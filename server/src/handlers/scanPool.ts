import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { READY, type ScanJob, type ScanReply, type ScanRequest, type ScanResult } from '../scanWorker';
import { SCAN_WORKER_ARG } from '../scanWorkerRole';

/**
 * Small heaps: workers lint small files one at a time, and each worker's heap counts in the server's
 * memory (a 10,000-file scan peaked at 316 MiB with V8's defaults, 190 MiB with these). A file too big
 * for them runs a worker out of memory, and its batch is linted in the server's thread instead. Young
 * generation: 8 MiB, once it really applied (below): 16 MiB took the scan's peak RSS from ~130 to
 * 138-152 MiB for no measurable speed; 8 MiB scavenges ~3x less often than the 2 MiB workers had.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

/**
 * The server runs with `--max-semi-space-size=1` (its own thread's memory, client/src/extension.ts), and
 * V8 lets that flag override a worker's `maxYoungGenerationSizeMb`: until this was found the workers ran
 * with a 2 MiB young generation whatever LIMITS said (~3,000 scavenges and ~2 s of GC in a 10,000-file
 * scan). The flag is read only when an isolate's heap is set up, so clearing it before the workers start
 * leaves the server's thread as it is and lets LIMITS apply (test/lsp/scanWorkerHeap.test.ts).
 */
let semiSpaceFlagCleared = false;
function letWorkersUseTheirLimits(): void {
  if (semiSpaceFlagCleared) return;
  semiSpaceFlagCleared = true;
  setFlagsFromString('--max-semi-space-size=0');
}

/** Idle workers are stopped after this long, so an editor left open does not keep their heaps. */
const IDLE_MS = 15_000;

interface PoolWorker {
  worker: Worker;
  busy: number;
  ready: boolean;
  pending: Map<number, { resolve(results: ScanResult[]): void; reject(err: Error): void }>;
}

/**
 * A few worker threads that lint batches of files read from disk (the workspace scan), so the scan
 * uses every core and the main thread stays free to answer the editor. Workers start on first use
 * and stop when idle. A worker that fails rejects its batches; the caller lints those in-process.
 */
export class ScanPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  /** `script` is the server's entry (it runs `runScanWorker` off the main thread); `.ts` runs through tsx (tests). */
  constructor(
    private readonly script: string,
    /**
     * One worker fewer than the cores: the server's thread walks the folders and publishes what the workers
     * found (it lints only until one has loaded), and each isolate costs tens of MiB of RSS.
     */
    readonly size = Math.max(1, availableParallelism() - 1),
  ) {}

  /** Batches sent to the workers and not yet answered. */
  get outstanding(): number {
    let count = 0;
    for (const w of this.workers) count += w.busy;
    return count;
  }

  /**
   * Whether a worker has loaded. Starting one (loading the bundle) takes a while; until then the scan
   * lints in the server's thread rather than wait, so the first problems show up at once.
   */
  get ready(): boolean {
    return this.workers.some((w) => w.ready);
  }

  /** Starts the workers ahead of the first batch. */
  warmUp(): void {
    clearTimeout(this.idleTimer);
    while (this.workers.length < this.size) this.start();
    this.scheduleIdleStop();
  }

  lint(jobs: ScanJob[]): Promise<ScanResult[]> {
    if (jobs.length === 0) return Promise.resolve([]);
    clearTimeout(this.idleTimer);
    const target = this.leastBusy();
    const id = this.nextId++;
    const request: ScanRequest = { id, jobs };
    return new Promise<ScanResult[]>((resolve, reject) => {
      if (target.busy++ === 0) target.worker.ref(); // a batch under way keeps the process alive, an idle worker does not
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage(request);
    }).finally(() => {
      if (--target.busy === 0) target.worker.unref();
      if (this.workers.every((w) => w.busy === 0)) this.scheduleIdleStop();
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    for (const w of this.workers.splice(0)) void w.worker.terminate();
  }

  private leastBusy(): PoolWorker {
    const ready = this.workers.filter((w) => w.ready);
    const idle = ready.find((w) => w.busy === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) return this.start();
    return (ready.length ? ready : this.workers).reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  private start(): PoolWorker {
    letWorkersUseTheirLimits();
    const worker = this.script.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(this.script)});`, { eval: true, argv: [SCAN_WORKER_ARG], resourceLimits: LIMITS })
      : new Worker(this.script, { argv: [SCAN_WORKER_ARG], resourceLimits: LIMITS });
    const entry: PoolWorker = { worker, busy: 0, ready: false, pending: new Map() };
    worker.on('message', (reply: ScanReply | typeof READY) => {
      if (reply === READY) {
        entry.ready = true;
        return;
      }
      const waiting = entry.pending.get(reply.id);
      entry.pending.delete(reply.id);
      waiting?.resolve(reply.results);
    });
    const fail = (err: Error) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      for (const waiting of entry.pending.values()) waiting.reject(err);
      entry.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`scan worker exited with code ${code}`)));
    // An idle scan worker must never keep the server process alive after the client has gone.
    worker.unref();
    this.workers.push(entry);
    return entry;
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.dispose(), IDLE_MS);
    this.idleTimer.unref();
  }
}
