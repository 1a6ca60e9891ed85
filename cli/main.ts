import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../package.json';
import { allRules } from '../rules';
import { DEFAULT_MAX_FILE_SIZE, lint, type LintOptions } from '../server/src/engine/lint';
import { findConfigFile, formatConfigProblem, loadConfigFile, toLintOptions, emptyConfig, type LoadedConfig } from '../server/src/engine/config';
import type { FileKind } from '../server/src/parse';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { decodeText, encodeText, looksBinary, type DecodedText } from './decode';
import { unifiedDiff } from './diff';
import { ChangedOnDiskError, fixText, writeFileAtomically } from './fix';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { reachesFailOn, skippedFinding, toReported, type FileReport } from './report';
import type { CliHooks } from './launcher';
import { sniffKind } from './sniff';
import { looksLikeKubernetes } from '../server/src/parse/kubernetes/workloads';
import { collectTargets, IoError, isExcluded, type Target } from './walk';
import { cliRoots, createRootedReader } from '../server/src/files/rootedReader';

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

/** Runs the CLI; returns the exit code. Never throws for bad input or bad files. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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

  const configs = new ConfigResolver(ruleIds, opts.config ? path.resolve(io.cwd, opts.config) : undefined, error);
  if (opts.config && !fs.existsSync(path.resolve(io.cwd, opts.config))) {
    error(`config file not found: ${opts.config}`);
    return EXIT_ERROR;
  }
  if (opts.config) configs.forFile(io.cwd); // report its problems even when no file is linted

  let targets: Target[];
  try {
    targets = collectTargets(
      opts.paths.filter((p) => p !== '-'),
      io.cwd,
    );
  } catch (err) {
    if (!(err instanceof IoError)) throw err;
    error(err.message);
    return EXIT_ERROR;
  }

  io.beforeLint?.(targets.length + (opts.paths.includes('-') ? 1 : 0));
  const reports: FileReport[] = [];
  const referenceRoots = cliRoots(io.cwd, opts.paths);
  const fixOutput = opts.format === 'text' ? io.stdout : io.stderr;
  const withFixes = opts.format === 'json';

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
    const options: LintOptions = { ...toLintOptions(loaded.config, { preset: opts.preset, rules: opts.rules }), maxFileSize };
    // Compose `extends`/`include` targets are read only inside the directories the user pointed at.
    options.files = createRootedReader({ file: target.file, roots: referenceRoots });

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
      const options: LintOptions = { ...toLintOptions(stdinConfig, { preset: opts.preset, rules: opts.rules }), maxFileSize };
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
  if (opts.format === 'json') reportOut.write(formatJson(reports));
  else if (opts.format === 'sarif') reportOut.write(formatSarif(reports, allRules, version));
  else reportOut.write(formatText(reports, colour));

  if (failed) return EXIT_ERROR;
  return reachesFailOn(reports, opts.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function lintReport(file: string, text: string, kind: FileKind, options: LintOptions, withFixes: boolean, cwd: string): FileReport {
  const result = lint(text, kind, { ...options, withFixes });
  const shown = (other: string) => displayPath(cwd, other);
  return { file, findings: result.findings.map((f) => toReported(f, result.lines, shown)) };
}

function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

/** Finds (and caches) the config of each file; reports every config file's problems once. */
class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(
    private readonly ruleIds: ReadonlySet<string>,
    private readonly explicit: string | undefined,
    private readonly error: (message: string) => void,
  ) {}

  /** Every directory walked through while looking for config files, with its answer (findConfigFile). */
  private readonly configByDir = new Map<string, string | undefined>();

  forFile(file: string): LoadedConfig {
    if (this.explicit) return this.load(this.explicit);
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
  // A closed pipe (`capdrop . | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, readStdin: readProcessStdin, beforeLint: hooks.beforeLint }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`capdrop: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}

