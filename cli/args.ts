import type { SeveritySetting, Severity } from '../server/src/engine/ruleApi';
import { DEFAULT_MAX_FILE_SIZE, type Preset } from '../server/src/engine/lint';
import { PRESETS as ALL_PRESETS } from '../server/src/engine/ruleApi';
import { HOST_KINDS, type FileKind } from '../server/src/parse';
import { OUTPUT_FORMATS, type OutputFormat } from './formats';

export type { OutputFormat };
export type FixSafetyChoice = 'safe' | 'review';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  /** Where the report goes instead of standard output. */
  output?: string;
  /** A JSON report of findings already known: only the others are reported. */
  baseline?: string;
  preset?: Preset;
  rules: Record<string, SeveritySetting>;
  config?: string;
  failOn: Severity;
  fix: boolean;
  fixSafety: FixSafetyChoice;
  dryRun: boolean;
  kind?: FileKind;
  /** `-f`/`--file`: Compose files that form one project, in order, as `docker compose -f` reads them; linted too. */
  composeFiles: string[];
  /** `--env-file`: Compose env files replacing each project's `.env`, as given (relative to the working directory). */
  envFiles: string[];
  /** Undefined: the config's maxFileSize, else DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
  /** Disregard what the linted repository says to hide: capdrop-ignore comments, .capdrop.yaml files found, .gitignore. */
  disregardSuppressions: boolean;
  help: boolean;
  version: boolean;
}

export { DEFAULT_MAX_FILE_SIZE };

export class UsageError extends Error {}

export const HELP = `Usage: capdrop [options] PATH...
       capdrop [options] -f COMPOSE_FILE [-f COMPOSE_FILE]... [PATH...]

Lints Dockerfiles, Compose files and docker run command lines for container security mistakes.
PATH may be a file, a directory (walked; .git, node_modules and .gitignore'd paths are skipped)
or - for standard input. A Compose file is judged in its project, as docker compose reads it:
with the override file beside it (or the files COMPOSE_FILE names) and the variables of the
environment and .env.

Options:
  --format FORMAT                text (default), json, sarif, checkstyle, junit,
                                 codeclimate (GitLab Code Quality), gnu (file:line.col:
                                 for editors), github (GitHub Actions annotations)
  -o, --output FILE              write the report to FILE instead of standard output
  --baseline FILE                report only findings not in FILE, a JSON report written
                                 earlier from the same directory (--format json)
  --preset recommended|strict|pss-baseline|pss-restricted
                                 rule preset (default: from the config, else recommended);
                                 pss-*: exactly the Pod Security Standards checks of that level
  --rule ID=off|info|warning|error
                                 set one rule's severity (repeatable)
  --config FILE                  use this config file (default: the nearest .capdrop.yaml
                                 above each file, up to the repository root)
  -f, --file FILE                a Compose file of the project, as in docker compose -f
                                 (repeatable: the files are merged in order, and linted)
  --env-file FILE                read Compose variables from FILE instead of each project's
                                 .env (repeatable; the environment still wins, as in Compose)
  --kind dockerfile|compose|kubernetes|shell|markdown|makefile|ci|devcontainer
                                 read the given files (and -) as this kind
  --fail-on info|warning|error   lowest severity that makes the exit code 1 (default: warning)
  --fix                          apply fixes and write the files
  --fix-safety safe|review       which fixes --fix applies (default: safe)
  --dry-run                      with --fix: print a unified diff, write nothing
  --max-file-size BYTES          skip larger files (default: the config's
                                 maxFileSize, else ${DEFAULT_MAX_FILE_SIZE})
  --disregard-suppressions       report what the linted files would hide: capdrop-ignore
                                 comments, .capdrop.yaml files found next to them and
                                 .gitignore files count for nothing (only --config applies);
                                 for CI on pull requests from forks
  --version                      print the version
  --help                         print this help

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage, configuration, I/O or internal error.
`;

const FORMATS: readonly OutputFormat[] = OUTPUT_FORMATS;
const PRESETS: readonly Preset[] = ALL_PRESETS;
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
const KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'kubernetes', 'shell', ...HOST_KINDS];
const SAFETIES: readonly FixSafetyChoice[] = ['safe', 'review'];

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses the command line; throws UsageError with a message meant for the user. */
export function parseArgs(argv: readonly string[], knownRuleIds: ReadonlySet<string>): CliOptions {
  const opts: CliOptions = {
    paths: [],
    format: 'text',
    rules: {},
    envFiles: [],
    composeFiles: [],
    failOn: 'warning',
    fix: false,
    fixSafety: 'safe',
    dryRun: false,
    disregardSuppressions: false,
    help: false,
    version: false,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      opts.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const flag = (): true => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      return true;
    };
    switch (name) {
      case '--format':
        opts.format = oneOf(name, value(), FORMATS);
        break;
      case '--output':
      case '-o':
        opts.output = value();
        break;
      case '--baseline':
        opts.baseline = value();
        break;
      case '--preset':
        opts.preset = oneOf(name, value(), PRESETS);
        break;
      case '--rule': {
        const spec = value();
        const m = /^([^=]+)=(.*)$/.exec(spec);
        if (!m) throw new UsageError(`--rule expects ID=off|info|warning|error (got "${spec}")`);
        const id = m[1].trim();
        if (!knownRuleIds.has(id)) throw new UsageError(`--rule: unknown rule "${id}"`);
        opts.rules[id] = oneOf(`--rule ${id}`, m[2].trim(), SETTINGS);
        break;
      }
      case '--config':
      case '-c':
        opts.config = value();
        break;
      case '--kind':
        opts.kind = oneOf(name, value(), KINDS);
        break;
      case '--env-file':
        opts.envFiles.push(value());
        break;
      case '--file':
      case '-f':
        opts.composeFiles.push(value());
        break;
      case '--fail-on':
        opts.failOn = oneOf(name, value(), SEVERITIES);
        break;
      case '--fix':
        opts.fix = flag();
        break;
      case '--fix-safety':
        opts.fixSafety = oneOf(name, value(), SAFETIES);
        break;
      case '--dry-run':
        opts.dryRun = flag();
        break;
      case '--max-file-size': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes (got "${v}")`);
        opts.maxFileSize = Number(v);
        break;
      }
      case '--disregard-suppressions':
        opts.disregardSuppressions = flag();
        break;
      case '--version':
      case '-v':
        opts.version = flag();
        break;
      case '--help':
      case '-h':
        opts.help = flag();
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (opts.help || opts.version) return opts;
  if (opts.paths.length === 0 && opts.composeFiles.length === 0) throw new UsageError('no PATH given (use . for the current directory, - for standard input)');
  if (opts.dryRun && !opts.fix) throw new UsageError('--dry-run only makes sense with --fix');
  if (opts.dryRun && opts.format !== 'text') throw new UsageError('--dry-run prints a diff; use it with --format text');
  if (opts.fix && opts.paths.includes('-') && opts.paths.length > 1) throw new UsageError('--fix with - (standard input) takes no other PATH');
  if (opts.paths.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  return opts;
}
