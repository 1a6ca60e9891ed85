import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Finding, type LintOptions } from '../engine/lint';
import { lintComposeIncrementally, type ComposeLintState } from '../engine/incrementalCompose';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from '../engine/toLsp';
import { contentKind, detectKind, readsByContent, type FileKind } from '../parse';
import type { ScanJob, ScanResult } from '../scanWorker';
import type { LocalDisk } from '../files/localDisk';
import { utf8ByteLength } from '../engine/utf8';
import type { ConfigStore, ServerSettings } from './config';
import { documentKind, uriPath } from './documentKind';
import { logError } from './guard';
import { configDiagnostics } from './configDiagnostics';
import { isConfigBaseName, parseWorkspaceConfig } from './workspaceConfigText';
import type { ConfigProblem } from '../engine/config';
import type { DocLinkStyle } from '../engine/docLinks';

/** Whether a document is a `.capdrop.yaml`: by its path where there is a disk, else by its URI's last segment. */
function isConfigDocument(uri: string, disk: LocalDisk | undefined): boolean {
  if (!disk) return isConfigBaseName(decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^.*\//, '')));
  const fsPath = disk.uriToPath(uri);
  return fsPath !== undefined && isConfigBaseName(disk.paths.basename(fsPath));
}

/** What the client read of a file for `lintFetched`: its text, or why there is none. */
export type FetchedFile = { status: 'ok'; text: string } | { status: 'too-large'; size: number } | { status: 'missing' };

/** One linted version of a document (or of a file on disk), kept for code actions and hover. */
export interface LintEntry {
  uri: string;
  /** The document version linted; null for a file read from disk. */
  version: number | null;
  /** The text that was linted, for offset → position conversion. */
  document: TextDocument;
  kind: FileKind;
  findings: Finding[];
  /**
   * The findings came from an incremental re-lint, which plans no fixes: a code action lints this
   * version whole first (`fixable`), once. The findings are the same, in the same order.
   */
  fixesNeedWholeLint?: boolean;
}

/**
 * What the server keeps of a file the workspace scan linted in a worker: its URI and kind, nothing else.
 * A closed file gets no code actions or hovers, and fix-all on it lints it again from its text, read
 * from disk on first use. A class (one shape, the getter on the prototype): the object literal with a
 * getter it replaces was a dictionary-mode object with its own closure and the scan's captured context,
 * ~1.2 KiB a file, a third of the server's live heap after a 10,000-file scan.
 */
class ScannedFile implements LintEntry {
  readonly version = null;
  readonly findings = NO_FINDINGS;
  private text: TextDocument | undefined = undefined;

  constructor(
    readonly uri: string,
    readonly kind: FileKind,
    private readonly disk: LocalDisk,
  ) {}

  get document(): TextDocument {
    const fsPath = this.disk.uriToPath(this.uri);
    this.text ??= TextDocument.create(this.uri, LANGUAGE_OF[this.kind], 0, fsPath ? readTextOrEmpty(this.disk, fsPath) : '');
    return this.text;
  }
}

/** Diagnostics notifications queued for the client beyond which the workspace scan waits (`whenWritten`). */
const MAX_UNWRITTEN = 64;

/**
 * Compose files longer than this are re-linted incrementally (engine/incrementalCompose.ts). Was 2,000: a
 * 500-line file lints whole in ~5 ms, but a keystroke's p99 then came near the 15 ms budget (issue 7) with
 * the server's small young generation (--max-semi-space-size=1, for the scan's memory); incrementally it is
 * ~2 ms (p99 ~5 ms). Below this a whole lint is under a millisecond and keeping a state is not worth it.
 */
const INCREMENTAL_MIN_LINES = 200;

function hasMoreLinesThan(text: string, count: number): boolean {
  let at = -1;
  for (let i = 0; i < count; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** Shared by every scanned file's entry; nothing adds to it (closed files are re-linted whole when a fix is asked for). */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

const LANGUAGE_OF: Record<FileKind, string> = {
  dockerfile: 'dockerfile',
  compose: 'dockercompose',
  shell: 'shellscript',
  markdown: 'markdown',
  makefile: 'makefile',
  ci: 'yaml',
  devcontainer: 'jsonc',
  kubernetes: 'yaml',
};

/**
 * Lints documents and publishes their diagnostics.
 *
 * Delivery is push (`textDocument/publishDiagnostics`) for everything, chosen on purpose rather than
 * pull: VS Code's pull model only asks about open documents, but the workspace scan must fill the
 * Problems panel for files nobody opened, and mixing both would show two copies of the same problem.
 * Push also works with every client, pull-capable or not.
 */
/** The last diagnostics published for a version of an open document (compared only if that version is published again). */
interface SentToEditor {
  version: number;
  diagnostics: Diagnostic[];
}

export class DiagnosticsHandler {
  private readonly cache = new Map<string, LintEntry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped for every disk read and delete of a file, so a slow read never overwrites newer news. */
  private readonly diskSequence = new Map<string, number>();
  /** URIs (by key) that currently show diagnostics, so disabling Capdrop can clear them all. */
  private readonly published = new Map<string, string>();
  /** What was last sent per URI key (a digest; for an open document, its version and diagnostics), so re-linting after a reload does not resend identical results. */
  private readonly lastSent = new Map<string, string | SentToEditor>();
  /** What the last lint of each large open Compose file leaves for the next one (per URI key; the text says which version). */
  private readonly composeStates = new Map<string, ComposeLintState>();
  /** Diagnostics notifications sent and not yet written to the client (`whenWritten`). */
  private unwritten = 0;
  private readonly writeWaiters: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    readonly config: ConfigStore,
    /** How diagnostics and hovers link the rule pages (`command` for the VS Code extension, which opens them). */
    readonly docLinks: DocLinkStyle,
  ) {
    this.disk = config.disk;
    const disk = this.disk;
    this.fileUri = disk && ((fsPath: string) => disk.pathToUri(fsPath));
  }

  /** The local file system, where there is one (not in the browser: there only open documents and what the client reads). */
  private readonly disk: LocalDisk | undefined;

  /** The `file:` URI of a path a lint read (an env file): only a disk reads other files. */
  private readonly fileUri: ((fsPath: string) => string) | undefined;

  /**
   * What is remembered of a URI's last published diagnostics: a digest on the Node server; in the browser
   * (no hash function that is not asynchronous) the JSON itself, which the bounded browser scan keeps small.
   */
  private fingerprint(uri: string, diagnosticsJson: string): string {
    return this.disk ? this.disk.digest(uri, diagnosticsJson) : `${uri}\n${diagnosticsJson}`;
  }

  /** The file-system path of a URI; none without a disk. */
  private pathOf(uri: string): string | undefined {
    return this.disk?.uriToPath(uri);
  }

  /** What the maps are keyed by: a file's path (however the URI was spelled), else the URI. */
  private key(uri: string): string {
    return this.disk ? this.disk.uriKey(uri) : uri;
  }

  /** The open document of a URI, however the client spelled it. */
  openDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    if (doc) return doc;
    const key = this.key(uri);
    return this.documents.all().find((d) => this.key(d.uri) === key);
  }

  isOpen(uri: string): boolean {
    if (this.documents.get(uri)) return true;
    const open = this.documents.keys();
    // Asked for every file of a workspace scan: without open documents, no URI is parsed (uriKey builds a URL).
    if (open.length === 0) return false;
    const key = this.key(uri);
    return open.some((other) => this.key(other) === key);
  }

  /** Lints an edited document after the configured delay; a newer edit restarts the wait. */
  schedule(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc && this.cache.get(this.key(uri))?.version === doc.version) return; // already linted on open
    this.cancelTimer(uri);
    const delay = this.config.settings.validationDelayMs;
    if (delay <= 0) {
      this.lintOpen(uri);
      return;
    }
    const key = this.key(uri);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lintOpen(uri);
      }, delay),
    );
  }

  /** The lint result for the document's current version (fixes planned on demand: `planFixes`), linting now if the cache is behind. */
  current(uri: string): LintEntry | undefined {
    const doc = this.documents.get(uri);
    const entry = this.cache.get(this.key(uri));
    if (!doc) return entry;
    if (entry && entry.version === doc.version) return entry;
    return this.lintOpen(uri);
  }

  /** Lints an open document now and publishes the result tagged with the version it was computed for. */
  lintOpen(uri: string): LintEntry | undefined {
    this.cancelTimer(uri);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const key = this.key(uri);
    const kind = documentKind(uri, doc.languageId, () => doc.getText());
    if (!kind && isConfigDocument(uri, this.disk)) {
      // A `.capdrop.yaml` being edited: its problems as you type (it applies once saved).
      this.cache.delete(key);
      this.publish(uri, configDiagnostics(doc.getText(), parseWorkspaceConfig(doc.getText()).problems), doc.version);
      return undefined;
    }
    if (!kind || !this.config.settings.enable) {
      this.cache.delete(key);
      this.publish(uri, [], doc.version);
      return undefined;
    }
    const text = doc.getText();
    const entry: LintEntry = { uri, version: doc.version, document: doc, kind, findings: [] };
    this.cache.set(key, entry);
    // Fixes are planned when a code action asks for them (codeActions.ts), not on every keystroke.
    const options: LintOptions = { ...this.config.lintOptionsFor(this.pathOf(uri)), withFixes: 'onDemand', onInternalError: this.logRuleError(uri) };
    const limit = options.maxFileSize ?? this.config.settings.maxFileSize;
    // UTF-16 length times 3 bounds the UTF-8 size: most documents never need counting.
    if (text.length * 3 > limit && utf8ByteLength(text) > limit) {
      this.publish(uri, [this.skippedDiagnostic(utf8ByteLength(text), limit)], doc.version);
      return entry;
    }
    try {
      if (kind === 'compose' && hasMoreLinesThan(text, INCREMENTAL_MIN_LINES)) {
        const result = lintComposeIncrementally(text, options, this.composeStates.get(key));
        if (result.state) this.composeStates.set(key, result.state);
        else this.composeStates.delete(key);
        entry.findings = result.findings;
        entry.fixesNeedWholeLint = true;
      } else {
        this.composeStates.delete(key);
        entry.findings = lint(text, kind, options).findings;
      }
    } catch (err) {
      logError(this.connection, `linting ${uri}`, err);
    }
    this.publish(uri, toDiagnostics(doc, entry.findings, this.docLinks, this.fileUri), doc.version);
    return entry;
  }

  /** The entry with findings whose fixes can be planned (`planFixes`): after an incremental re-lint, the version linted whole. */
  fixable(entry: LintEntry): LintEntry {
    if (!entry.fixesNeedWholeLint) return entry;
    const options: LintOptions = { ...this.config.lintOptionsFor(this.pathOf(entry.uri)), withFixes: 'onDemand', onInternalError: this.logRuleError(entry.uri) };
    try {
      entry.findings = lint(entry.document.getText(), entry.kind, options).findings;
    } catch (err) {
      logError(this.connection, `linting ${entry.uri}`, err);
    }
    entry.fixesNeedWholeLint = false;
    return entry;
  }

  /**
   * Lints a file that is not open, from disk. Results are dropped when the file was opened, deleted
   * or read again while this read was under way.
   */
  async lintFromDisk(uri: string): Promise<void> {
    const disk = this.disk;
    const fsPath = this.pathOf(uri);
    // A YAML file with an unfamiliar name is read to see whether it is a Kubernetes manifest.
    const byContent = fsPath !== undefined && readsByContent(fsPath);
    const named = fsPath ? detectKind(fsPath) : undefined;
    if (!disk || !fsPath || (!named && !byContent) || this.isOpen(uri)) return;
    const key = this.key(uri);
    const stillWanted = this.newRead(uri, key);
    if (!this.config.settings.enable) return;
    if (!this.config.mayReadFromDisk(fsPath)) return; // a link (or a watcher event) pointing out of the workspace
    try {
      // Synchronous on purpose: these are small files, and for them each awaited fs call's thread-pool
      // round trip, not the read, dominated the workspace scan (profiled: a third of it idle). The scan
      // still yields to other requests between files.
      const stat = disk.stat(fsPath);
      if (!stat.isFile() || !stillWanted()) return;
      // Files that are not open get no code actions (opening one lints it again), so their fixes are not
      // planned: on a workspace scan that planning was most of the time and memory.
      const options = { ...this.config.lintOptionsFor(fsPath), withFixes: false, onInternalError: this.logRuleError(uri) };
      const limit = options.maxFileSize ?? this.config.settings.maxFileSize;
      const read: FetchedFile = stat.size > limit ? { status: 'too-large', size: stat.size } : { status: 'ok', text: disk.readText(fsPath) };
      if (!stillWanted()) return;
      this.lintRead(uri, key, fsPath, named, read, options, limit);
    } catch (err) {
      // A file that vanished between the directory listing and the read is not an error.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.clear(uri);
      logError(this.connection, `linting ${fsPath} from disk`, err);
    }
  }

  /**
   * Lints a file that is not open from what the client read of it (the browser's workspace scan, which has
   * no disk: handlers/clientScan.ts), as `lintFromDisk` does from the disk. `read` is asked for the text up
   * to a size; the result is dropped when the file was opened, cleared or read again meanwhile.
   */
  async lintFetched(uri: string, read: (maxSize: number) => Promise<FetchedFile>): Promise<void> {
    const filePath = uriPath(uri);
    const named = detectKind(filePath);
    if ((!named && !readsByContent(filePath)) || this.isOpen(uri) || !this.config.settings.enable) return;
    const key = this.key(uri);
    const stillWanted = this.newRead(uri, key);
    const options: LintOptions = { ...this.config.lintOptionsFor(undefined), withFixes: false, onInternalError: this.logRuleError(uri) };
    const limit = options.maxFileSize ?? this.config.settings.maxFileSize;
    const fetched = await read(limit);
    if (!stillWanted()) return;
    if (fetched.status === 'missing') return this.clear(uri);
    try {
      this.lintRead(uri, key, filePath, named, fetched, options, limit);
    } catch (err) {
      logError(this.connection, `linting ${uri}`, err);
    }
  }

  /**
   * Starts a read of a file that is not open (`lintFromDisk`, `lintFetched`); the function returned tells
   * whether its result is still wanted: not once the file was opened or read again, or Capdrop turned off.
   */
  private newRead(uri: string, key: string): () => boolean {
    const sequence = (this.diskSequence.get(key) ?? 0) + 1;
    this.diskSequence.set(key, sequence);
    return () => this.diskSequence.get(key) === sequence && !this.isOpen(uri) && this.config.settings.enable;
  }

  /**
   * Lints and publishes what was read of a file that is not open: by its name's kind (`named`), else as a
   * YAML file read by content (a Kubernetes manifest or nothing of Capdrop's).
   */
  private lintRead(uri: string, key: string, filePath: string, named: FileKind | undefined, read: FetchedFile & { status: 'ok' | 'too-large' }, options: LintOptions, limit: number): void {
    let kind: FileKind = named ?? 'kubernetes';
    if (read.status === 'too-large') {
      // A YAML file too large to read is likely no manifest: say nothing about it.
      if (!named) return;
      this.cache.set(key, { uri, version: null, document: TextDocument.create(uri, LANGUAGE_OF[kind], 0, ''), kind, findings: [] });
      return this.publish(uri, [this.skippedDiagnostic(read.size, limit)], undefined);
    }
    if (!named) {
      const found = contentKind(filePath, read.text);
      // Not (or no longer) a manifest: nothing to say, and what was said before goes.
      if (!found) return this.cache.has(key) || this.published.has(key) ? this.clear(uri) : undefined;
      kind = found;
    }
    const document = TextDocument.create(uri, LANGUAGE_OF[kind], 0, read.text);
    const findings = lint(read.text, kind, options).findings;
    this.cache.set(key, { uri, version: null, document, kind, findings });
    this.publish(uri, toDiagnostics(document, findings, this.docLinks, this.fileUri), undefined);
  }

  /**
   * A file of the workspace scan to lint in a worker thread (`scanPool.ts`), or undefined when it is
   * not to be linted (open, not a kind Capdrop reads, outside the workspace, Capdrop disabled). The
   * returned sequence number lets `acceptScanResult` drop the result if newer news came meanwhile.
   * `walkedPath`: the file's path as the scan's walk of a workspace folder found it (`key(uri)`). The
   * walk follows no links, so the file is inside the workspace by construction and its real path need
   * not be checked (two `realpath` calls a file, ~3 % of the scan's main thread), nor its URI parsed.
   */
  scanJob(uri: string, walkedPath?: string): { job: ScanJob; sequence: number } | undefined {
    const fsPath = walkedPath ?? this.pathOf(uri);
    const named = fsPath ? detectKind(fsPath) : undefined;
    const byContent = !named && fsPath !== undefined && readsByContent(fsPath);
    const kind: FileKind | undefined = named ?? (byContent ? 'kubernetes' : undefined);
    if (!fsPath || !kind || this.isOpen(uri) || !this.config.settings.enable) return undefined;
    if (walkedPath === undefined && !this.config.mayReadFromDisk(fsPath)) return undefined;
    // The key is the path (`uriKey`); the same string object serves every map of the file, one copy of it.
    const key = fsPath;
    const sequence = (this.diskSequence.get(key) ?? 0) + 1;
    this.diskSequence.set(key, sequence);
    // No reader of other files nor error logger: functions cannot cross threads. The worker hands files
    // that read others back (`in-process`), and returns rule errors as text.
    const job: ScanJob = { uri, fsPath, kind, languageId: LANGUAGE_OF[kind], options: this.config.scanOptionsFor(fsPath), docLinks: this.docLinks };
    if (byContent) job.byContent = true;
    return { job, sequence };
  }

  /** Publishes what a scan worker found for `job`, unless the file was opened, read again or deleted since. */
  async acceptScanResult(job: ScanJob, sequence: number, result: ScanResult): Promise<void> {
    const { uri, kind } = job;
    const key = job.fsPath; // = key(uri), as in scanJob
    if (this.diskSequence.get(key) !== sequence || this.isOpen(uri) || !this.config.settings.enable) return;
    switch (result.status) {
      case 'in-process':
        return this.lintFromDisk(uri);
      case 'missing':
        return this.clear(uri);
      case 'not-ours':
        return this.cache.has(key) || this.published.has(key) ? this.clear(uri) : undefined;
      case 'too-large':
        this.cache.set(key, { uri, version: null, document: TextDocument.create(uri, LANGUAGE_OF[kind], 0, ''), kind, findings: [] });
        return this.publish(uri, [this.skippedDiagnostic(result.size, result.limit)], undefined, undefined, key);
      case 'linted': {
        for (const { ruleId, detail } of result.ruleErrors) logError(this.connection, `running rule ${ruleId} on ${uri}`, detail);
        for (const target of result.lookedFor ?? []) this.config.dependencies.record(key, target);
        // Neither the text nor the findings are kept (a scan of 10,000 files kept ~90 MB): see ScannedFile.
        this.cache.set(key, new ScannedFile(uri, kind, this.disk!));
        return this.publish(uri, JSON.parse(result.diagnosticsJson) as Diagnostic[], undefined, result.digest, key);
      }
    }
  }

  /**
   * A closed document keeps its problems (the Problems panel lists the workspace, not the editors):
   * a file is re-read from disk, since the closed editor may have held unsaved text; other schemes
   * keep their last result, except untitled documents, which no longer exist.
   */
  onClosed(uri: string): void {
    this.cancelTimer(uri);
    this.composeStates.delete(this.key(uri));
    if (uri.startsWith('untitled:')) {
      this.clear(uri);
      return;
    }
    const fsPath = this.pathOf(uri);
    if (fsPath && (detectKind(fsPath) || readsByContent(fsPath))) void this.lintFromDisk(uri);
    // A closed config file shows the problems of what is on disk.
    else if (fsPath && this.disk && isConfigDocument(uri, this.disk) && this.config.mayReadFromDisk(fsPath)) {
      const text = readTextOrEmpty(this.disk, fsPath);
      this.publish(uri, configDiagnostics(text, parseWorkspaceConfig(text).problems), undefined);
    }
  }

  /** The problems of a `.capdrop.yaml` read from disk, unless it is open (then they follow its text). */
  publishConfigProblems(uri: string, text: string, problems: readonly ConfigProblem[]): void {
    if (this.isOpen(uri)) return;
    this.publish(uri, configDiagnostics(text, problems), undefined);
  }

  /** A deleted file's problems go away, including any read of it still under way. */
  clear(uri: string): void {
    const key = this.key(uri);
    this.cancelTimer(uri);
    this.diskSequence.set(key, (this.diskSequence.get(key) ?? 0) + 1);
    this.cache.delete(key);
    this.composeStates.delete(key);
    this.publish(this.published.get(key) ?? uri, [], undefined);
  }

  /** The current `capdrop.*` settings. */
  get settings(): ServerSettings {
    return this.config.settings;
  }

  lintOptionsFor(uri: string): LintOptions {
    return this.config.lintOptionsFor(this.pathOf(uri));
  }

  /** Re-lints every open document (after a settings change; the workspace scan covers the rest). */
  relintOpen(): void {
    for (const doc of this.documents.all()) this.lintOpen(doc.uri);
  }

  /** Clears every published diagnostic (Capdrop disabled). */
  clearAll(): void {
    for (const uri of [...this.published.values()]) this.clear(uri);
  }

  /** Files linted from disk whose results are cached; used to drop those that a new scan no longer finds. */
  diskUris(): string[] {
    return [...this.cache.values()].filter((e) => e.version === null).map((e) => e.uri);
  }

  /** `key` is `key(uri)` when the caller has it already (the scan: one string per file in every map). */
  private publish(uri: string, diagnostics: Diagnostic[], version: number | undefined, fingerprint?: string, key = this.key(uri)): void {
    const last = this.lastSent.get(key);
    if (version !== undefined) {
      // An open document's version changes with every edit, so only a second publish of the same version
      // (a settings change re-lints every open document) is compared, with the diagnostics sent, which are
      // at hand (no digest needed). Hashing every keystroke's diagnostics was ~10 % of a keystroke's CPU on
      // the 25,000-line Compose file (profiled).
      if (typeof last === 'object' && last.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
      this.lastSent.set(key, { version, diagnostics });
    } else {
      fingerprint ??= this.fingerprint(uri, JSON.stringify(diagnostics));
      if (last === fingerprint) return;
      this.lastSent.set(key, fingerprint);
    }
    if (diagnostics.length) this.published.set(key, uri);
    else this.published.delete(key);
    this.unwritten++;
    const written = () => {
      if (--this.unwritten <= MAX_UNWRITTEN / 2) for (const wake of this.writeWaiters.splice(0)) wake();
    };
    // The promise settles once the message is written to the client.
    Promise.resolve(this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics })).then(written, written);
  }

  /**
   * Resolves when few enough diagnostics wait to be written to the client. The connection queues every
   * message, with its diagnostics as objects, until the client has read the ones before it: a workspace
   * scan that outran a busy client held tens of MB there (half the server's heap at the end of a scan).
   */
  whenWritten(): Promise<void> {
    if (this.unwritten <= MAX_UNWRITTEN) return Promise.resolve();
    return new Promise((resolve) => this.writeWaiters.push(resolve));
  }

  /** A rule that throws becomes an internal-error diagnostic; its stack goes to the output channel. */
  private logRuleError(uri: string): (ruleId: string, err: unknown) => void {
    return (ruleId, err) => logError(this.connection, `running rule ${ruleId} on ${uri}`, err);
  }

  private skippedDiagnostic(size: number, limit: number): Diagnostic {
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: 'file-too-large',
      message: `Capdrop skipped this file: it is ${size} bytes, more than capdrop.maxFileSize (${limit} bytes).`,
    };
  }

  private cancelTimer(uri: string): void {
    const key = this.key(uri);
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }
}

function readTextOrEmpty(disk: LocalDisk, fsPath: string): string {
  try {
    return disk.readText(fsPath);
  } catch {
    return '';
  }
}
