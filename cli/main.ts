import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../package.json';
import { allRules } from '../rules';
import { DEFAULT_MAX_FILE_SIZE, ENGINE_IDS, lint, type LintOptions } from '../server/src/engine/lint';
import { formatConfigProblem, toLintOptions, emptyConfig, type LoadedConfig } from '../server/src/engine/config';
import { findConfigFile, loadConfigFile } from '../server/src/files/configFiles';
import type { FileKind } from '../server/src/parse';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { decodeText, encodeText, looksBinary, type DecodedText } from './decode';
import { unifiedDiff } from './diff';
import { ChangedOnDiskError, fixText, writeFileAtomically } from './fix';
import { formatReports } from './formats';
import { BaselineError, readBaseline, withoutKnown } from './baseline';
import { reachesFailOn, skippedFinding, toReported, type FileReport } from './report';
import type { CliHooks } from './launcher';
import { sniffKind } from './sniff';
import { looksLikeKubernetes } from '../server/src/parse/kubernetes/workloads';
import { collectTargets, IoError, isExcluded, type Target } from './walk';
import { composeFileTargets } from './composeProject';
import { cliRoots, createRootedReader } from '../server/src/files/rootedReader';
import type { ComposeContext } from '../server/src/parse/compose/projectFiles';
import { isDirectory, isFile } from '../server/src/files/stat';

/** Everything the CLI touches outside the file system, injected so tests run it in-process. */
export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  readStdin(): Promise<Buffer>;
  /** Told how many files (stdin included) are about to be linted, once the paths are walked. */
  beforeLint?(files: number): void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const STDIN_NAME = '<stdin>';

/**
 * The one line an internal error (a bug in Capdrop, not in the files or the command line) is reported as:
 * `capdrop: internal error: <message>`, without a stack trace, on one line whatever the message holds.
 */
export function internalErrorLine(err: unknown, where?: string): string {
  let message: string;
  try {
    message = err instanceof Error ? err.message || err.name : String(err);
  } catch {
    message = 'an error that cannot be described'; // a thrown object whose toString throws
  }
  const line = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return `capdrop: internal error: ${where ? `${where}: ` : ''}${line}\n`;
}

/**
 * Runs the CLI; returns the exit code: 0, 1 when findings reach --fail-on, 2 for a usage, configuration or I/O
 * error and for an internal error. Never throws: an internal error is one line on standard error, so CI never
 * reads a crash as findings (exit 1).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    io.stderr.write(internalErrorLine(err));
    return EXIT_ERROR;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ruleIds = new Set(allRules.map((r) => r.id));
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, ruleIds);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`capdrop: ${err.message}\nRun capdrop --help for usage.\n`);
    return EXIT_ERROR;
  }
  if (opts.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }

  let failed = false; // a usage, configuration or I/O error: exit 2 once the rest is reported
  const error = (message: string): void => {
    io.stderr.write(`capdrop: ${message}\n`);
    failed = true;
  };

  const configs = new ConfigResolver(ruleIds, opts.config ? path.resolve(io.cwd, opts.config) : undefined, error, !opts.disregardSuppressions);
  if (opts.config && !fs.existsSync(path.resolve(io.cwd, opts.config))) {
    error(`config file not found: ${opts.config}`);
    return EXIT_ERROR;
  }
  if (opts.config) configs.forFile(io.cwd); // report its problems even when no file is linted

  const environment = definedOnly(io.env);
  // `-f` files are the project: linted as Compose files whatever their names, before the other paths.
  const composeFiles = opts.composeFiles.map((f) => path.resolve(io.cwd, f));
  let targets: Target[];
  try {
    targets = collectTargets([...opts.composeFiles, ...opts.paths.filter((p) => p !== '-')], io.cwd, { gitignore: !opts.disregardSuppressions });
    for (const t of targets) {
      if (!composeFiles.includes(t.file)) continue;
      t.kind = 'compose';
      t.byContent = false;
    }
    const dirs = opts.paths.filter((p) => p !== '-').map((p) => path.resolve(io.cwd, p)).filter(isDirectory);
    if (!composeFiles.length) targets.push(...composeFileTargets(targets, dirs, environment));
  } catch (err) {
    if (!(err instanceof IoError)) throw err;
    error(err.message);
    return EXIT_ERROR;
  }

  const envFiles = opts.envFiles.map((f) => path.resolve(io.cwd, f));
  for (const [i, envFile] of envFiles.entries()) {
    if (!isFile(envFile)) {
      error(`env file not found: ${opts.envFiles[i]}`);
      return EXIT_ERROR;
    }
  }
  // Compose reads the environment it runs in; so does a Compose project linted here (compose/projectFiles.ts).
  const compose: ComposeContext = { environment, ...(envFiles.length ? { envFiles } : {}), ...(composeFiles.length ? { projectFiles: composeFiles } : {}) };

  io.beforeLint?.(targets.length + (opts.paths.includes('-') ? 1 : 0));
  const reports: FileReport[] = [];
  // The env files named are read through the same reader as the project's other files.
  const referenceRoots = cliRoots(io.cwd, [...opts.paths, ...opts.envFiles, ...opts.composeFiles]);
  // Nothing the CLI writes creates a file: one listing per directory answers every look for a project file.
  const listings = new Map<string, Set<string> | undefined>();
  const fixOutput = opts.format === 'text' ? io.stdout : io.stderr;
  const withFixes = opts.format === 'json';
  const suppressions = opts.disregardSuppressions ? 'disregard' : 'apply';

  for (const target of targets) {
    const display = displayPath(io.cwd, target.file);
    const loaded = configs.forFile(target.file);
    if (loaded.file && isExcluded(loaded.config.exclude, path.dirname(loaded.file), target.file)) {
      if (target.explicit) io.stderr.write(`capdrop: ${display} is excluded by ${displayPath(io.cwd, loaded.file)}; not linted\n`);
      continue;
    }
    let size: number;
    let bytes: Buffer;
    const maxFileSize = opts.maxFileSize ?? loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    try {
      size = fs.statSync(target.file).size;
      // Any YAML file is looked at for a manifest: one too large to read is not reported, since it is likely none.
      if (size > maxFileSize && target.byContent) continue;
      if (size > maxFileSize) {
        reports.push({ file: display, findings: [skippedFinding(`skipped: larger than ${maxFileSize} bytes`)] });
        continue;
      }
      bytes = fs.readFileSync(target.file);
    } catch (err) {
      error(`cannot read ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    if (looksBinary(bytes)) {
      reports.push({ file: display, findings: [skippedFinding('skipped: binary file')] });
      continue;
    }
    const decoded = decodeText(bytes);
    // Other YAML (a config file, a chart's values.yaml) is skipped silently.
    if (target.byContent && !looksLikeKubernetes(decoded.text)) continue;
    const kind: FileKind = target.byContent ? 'kubernetes' : ((target.explicit ? opts.kind : undefined) ?? target.kind ?? sniffKind(decoded.text));
    const options: LintOptions = { ...toLintOptions(loaded.config, { preset: opts.preset, rules: opts.rules }), maxFileSize, compose, suppressions };
    // Compose `extends`/`include` targets and project files are read only inside the directories the user pointed at.
    options.files = createRootedReader({ file: target.file, roots: referenceRoots, listings });

    let text = decoded.text;
    if (opts.fix && !encodeText(decoded).equals(bytes)) {
      // Writing the decoded text back would replace the invalid bytes with U+FFFD: change nothing instead.
      error(`not fixing ${display}: it is not valid UTF-8, and writing it back would alter bytes the fixes do not touch`);
    } else if (opts.fix) {
      const outcome = fixText(text, kind, options, opts.fixSafety);
      if (outcome.text !== text) {
        if (opts.dryRun) io.stdout.write(unifiedDiff(display, text, outcome.text));
        else {
          try {
            writeFileAtomically(target.file, bytes, encodeText({ ...decoded, text: outcome.text }));
            fixOutput.write(`fixed ${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'} in ${display}\n`);
          } catch (err) {
            error(err instanceof ChangedOnDiskError ? err.message : `cannot write ${display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
            reports.push(lintReport(display, text, kind, options, withFixes, io.cwd));
            continue;
          }
        }
        text = outcome.text;
      }
    }
    reports.push(lintReport(display, text, kind, options, withFixes, io.cwd));
  }

  if (opts.paths.includes('-')) {
    let bytes: Buffer;
    try {
      bytes = await io.readStdin();
    } catch (err) {
      error(`cannot read standard input: ${(err as Error).message}`);
      return EXIT_ERROR;
    }
    const stdinConfig = configs.forFile(path.join(io.cwd, STDIN_NAME)).config;
    const maxFileSize = opts.maxFileSize ?? stdinConfig.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (bytes.length > maxFileSize) reports.push({ file: STDIN_NAME, findings: [skippedFinding(`skipped: larger than ${maxFileSize} bytes`)] });
    else if (looksBinary(bytes)) reports.push({ file: STDIN_NAME, findings: [skippedFinding('skipped: binary input')] });
    else {
      const decoded: DecodedText = decodeText(bytes);
      const kind = opts.kind ?? sniffKind(decoded.text);
      const options: LintOptions = { ...toLintOptions(stdinConfig, { preset: opts.preset, rules: opts.rules }), maxFileSize, compose, suppressions };
      // As `docker compose -f -`: read in the working directory (its .env, the env files named, extends targets there).
      options.files = createRootedReader({ file: path.join(io.cwd, STDIN_NAME), roots: referenceRoots, listings });
      let text = decoded.text;
      if (opts.fix) {
        text = fixText(text, kind, options, opts.fixSafety).text;
        // The fixed text is the output; the report goes to standard error so a pipe gets only the file.
        if (opts.dryRun) io.stdout.write(unifiedDiff(STDIN_NAME, decoded.text, text));
        else io.stdout.write(encodeText({ ...decoded, text }).toString('utf8'));
      }
      reports.push(lintReport(STDIN_NAME, text, kind, options, withFixes, io.cwd));
    }
  }

  const reportOut = opts.fix && opts.paths.includes('-') && !opts.dryRun ? io.stderr : io.stdout;
  const colour = reportOut === io.stdout && io.stdout.isTTY === true && !io.env.NO_COLOR;
  let shown = reports;
  if (opts.baseline) {
    try {
      shown = withoutKnown(reports, readBaseline(path.resolve(io.cwd, opts.baseline))).reports;
    } catch (err) {
      if (!(err instanceof BaselineError)) throw err;
      error(err.message);
      return EXIT_ERROR;
    }
  }
  const report = formatReports(opts.format, shown, { rules: allRules, version, colour: colour && opts.output === undefined });
  if (opts.output !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output), report);
    } catch (err) {
      error(`cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return EXIT_ERROR;
    }
  } else reportOut.write(report);

  // A rule or parser that failed on a file is reported in place (`internal-error`) and as an internal error here.
  for (const report of reports) {
    for (const f of report.findings) {
      if (f.ruleId !== ENGINE_IDS.internalError) continue;
      io.stderr.write(internalErrorLine(f.message, `${report.file}:${f.line}:${f.column}`));
      failed = true;
    }
  }
  if (failed) return EXIT_ERROR;
  return reachesFailOn(shown, opts.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function lintReport(file: string, text: string, kind: FileKind, options: LintOptions, withFixes: boolean, cwd: string): FileReport {
  const result = lint(text, kind, { ...options, withFixes });
  const shown = (other: string) => displayPath(cwd, other);
  return { file, findings: result.findings.map((f) => toReported(f, result.lines, shown)) };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value;
  return out;
}



function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

const NO_CONFIG: LoadedConfig = { config: emptyConfig(), problems: [] };

/** Finds (and caches) the config of each file; reports every config file's problems once. */
class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(
    private readonly ruleIds: ReadonlySet<string>,
    private readonly explicit: string | undefined,
    private readonly error: (message: string) => void,
    /** Whether to look for the nearest .capdrop.yaml of each file (not with --disregard-suppressions). */
    private readonly findNearest = true,
  ) {}

  /** Every directory walked through while looking for config files, with its answer (findConfigFile). */
  private readonly configByDir = new Map<string, string | undefined>();

  forFile(file: string): LoadedConfig {
    if (this.explicit) return this.load(this.explicit);
    if (!this.findNearest) return NO_CONFIG;
    const dir = path.dirname(file);
    let found = this.byDir.get(dir);
    if (!found) {
      const configFile = findConfigFile(dir, this.configByDir);
      found = configFile ? this.load(configFile) : { config: emptyConfig(), problems: [] };
      this.byDir.set(dir, found);
    }
    return found;
  }

  private load(configFile: string): LoadedConfig {
    let loaded = this.byFile.get(configFile);
    if (!loaded) {
      loaded = loadConfigFile(configFile, this.ruleIds);
      for (const p of loaded.problems) this.error(`config ${formatConfigProblem(configFile, p)}`);
      this.byFile.set(configFile, loaded);
    }
    return loaded;
  }
}

function readProcessStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** The entry point of `bin/capdrop.js`, through `runCli` of the bundle it shares with the server. */
export function runFromProcess(hooks: CliHooks = {}): void {
  // Set once an error escaped the run (an event handler, a rejection nobody awaited): the exit code stays 2.
  let crashed = false;
  const crash = (err: unknown) => {
    if (!crashed) process.stderr.write(internalErrorLine(err));
    crashed = true;
    process.exitCode = EXIT_ERROR;
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A closed pipe (`capdrop . | head`) is the reader's choice, not an error.
    if (err.code === 'EPIPE') return;
    if (!crashed) process.stderr.write(`capdrop: cannot write the output: ${err.code ?? err.message}\n`);
    crashed = true;
    process.exitCode = EXIT_ERROR;
  });
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, readStdin: readProcessStdin, beforeLint: hooks.beforeLint }).then(
    (code) => {
      process.exitCode = crashed ? EXIT_ERROR : code;
    },
    crash, // main() does not reject; kept so that nothing can end with Node's stack trace and exit 1
  );
}

