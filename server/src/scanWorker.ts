import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintOptions } from './engine/lint';
import { toDiagnostics } from './engine/toLsp';
import type { FileKind } from './parse';
import { looksLikeKubernetes } from './parse/kubernetes/workloads';
import type { DocLinkStyle } from './engine/docLinks';
import { isFile } from './files/stat';
import { pathToUri } from './files/fileUris';
import { mayExist } from './files/rootedReader';
import { fileDocLinks } from './files/docFiles';

/** One file of a workspace-scan batch. `options` are the file's lint options minus what cannot cross threads. */
export interface ScanJob {
  uri: string;
  fsPath: string;
  kind: FileKind;
  languageId: string;
  options: Readonly<LintOptions>;
  /** A YAML file linted only if its content is a Kubernetes manifest. */
  byContent?: boolean;
  /** How the diagnostics link the rule pages. */
  docLinks?: DocLinkStyle;
}

export type ScanResult =
  /**
   * The diagnostics travel as their JSON text: the worker makes it anyway for the digest, and one string
   * crosses threads for the price of a copy, where the objects cost a structured clone on both sides
   * (10,000 files: ~400 ms to serialize, ~230 to deserialize, against ~95 to parse the JSON).
   * `digest` is `diagnosticsDigest(uri, undefined, diagnostics)`, computed here to spare the server's thread.
   */
  | {
      uri: string;
      status: 'linted';
      diagnosticsJson: string;
      digest: string;
      ruleErrors: { ruleId: string; detail: string }[];
      /**
       * Files the lint looked for and did not find (a Compose project's `.env`, override files): the server
       * records them as the file's dependencies, so creating one re-lints it.
       */
      lookedFor?: string[];
    }
  | { uri: string; status: 'too-large'; size: number; limit: number }
  | { uri: string; status: 'missing' }
  /** A YAML file (`byContent`) that is not a Kubernetes manifest: not Capdrop's. */
  | { uri: string; status: 'not-ours' }
  /**
   * The file reads other files (Compose `extends: { file }`, `include:`): the main thread lints it, since
   * only it knows the open editors' unsaved text and records the dependency for re-linting.
   */
  | { uri: string; status: 'in-process' };

export interface ScanRequest {
  id: number;
  jobs: ScanJob[];
}

export interface ScanReply {
  id: number;
  results: ScanResult[];
}

/**
 * Lints one file from disk without fixes (closed files get no code actions), as `DiagnosticsHandler.lintFromDisk` does.
 * `listings` (directory → its entries' names, lower-cased), shared by the jobs of one batch, answers most of a
 * Compose file's looks for project files it does not have (.env, override files) with no system call: each
 * had been a stat, ~8 per Compose file, and the workers spent more time in stat than in yaml (profiled).
 */
export function lintJob(job: ScanJob, listings?: Map<string, Set<string> | undefined>): ScanResult {
  const { uri, fsPath, kind } = job;
  try {
    const stat = statSync(fsPath);
    if (!stat.isFile()) return { uri, status: 'missing' };
    const limit = job.options.maxFileSize!;
    if (stat.size > limit) return job.byContent ? { uri, status: 'not-ours' } : { uri, status: 'too-large', size: stat.size, limit };
    const text = readFileSync(fsPath, 'utf8');
    if (job.byContent && !looksLikeKubernetes(text)) return { uri, status: 'not-ours' };
    let readsOtherFiles = false;
    const lookedFor: string[] = [];
    const ruleErrors: { ruleId: string; detail: string }[] = [];
    const options: LintOptions = {
      ...job.options,
      withFixes: false,
      files: {
        path: fsPath,
        paths: path,
        // Every Compose file looks for its project's files: one that is not there is read as missing here;
        // one that is, is read by the main thread, which knows the roots and the editors' unsaved text.
        read: (relPath, fromFile) => {
          const target = path.resolve(path.dirname(fromFile), relPath);
          if (mayExist(target, listings) && isFile(target)) readsOtherFiles = true;
          else lookedFor.push(target);
          return { status: 'missing' };
        },
      },
      onInternalError: (ruleId, err) => ruleErrors.push({ ruleId, detail: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    };
    const findings = lint(text, kind, options).findings;
    if (readsOtherFiles) return { uri, status: 'in-process' };
    const diagnosticsJson = JSON.stringify(toDiagnostics(TextDocument.create(uri, job.languageId, 0, text), findings, job.docLinks ?? fileDocLinks(), pathToUri));
    const result: ScanResult = { uri, status: 'linted', diagnosticsJson, digest: digestOfJson(uri, undefined, diagnosticsJson), ruleErrors };
    if (lookedFor.length) result.lookedFor = lookedFor;
    return result;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { uri, status: 'missing' };
    return { uri, status: 'in-process' }; // anything unexpected: the main thread tries again and logs it
  }
}


/** What the server remembers of the diagnostics last published for a URI: a digest, not the JSON (tens of MB over a workspace). */
export function diagnosticsDigest(uri: string, version: number | undefined, diagnostics: Diagnostic[]): string {
  return digestOfJson(uri, version, JSON.stringify(diagnostics));
}

/** `diagnosticsDigest` from the diagnostics' JSON text. */
export function digestOfJson(uri: string, version: number | undefined, diagnosticsJson: string): string {
  return createHash('sha1').update(JSON.stringify([uri, version ?? null])).update(diagnosticsJson).digest('base64');
}

/** The worker side of the scan pool: answers each batch with one result per job, in order. */
export function runScanWorker(): void {
  parentPort?.on('message', (request: ScanRequest) => {
    const listings = new Map<string, Set<string> | undefined>();
    const reply: ScanReply = { id: request.id, results: request.jobs.map((job) => lintJob(job, listings)) };
    parentPort!.postMessage(reply);
  });
  // Loaded: the pool sends batches from now on (until then the server lints them itself).
  parentPort?.postMessage(READY);
}

export const READY = 'capdrop-scan-worker-ready';
