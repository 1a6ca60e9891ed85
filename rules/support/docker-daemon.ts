import type { ContainerSpec, EnvVar } from '../../server/src/model/containerSpec';
import type { Located, SourceRange } from '../../server/src/model/located';
import type { SpecMemo } from '../../server/src/engine/ruleApi';
import { mentionTester } from './shell-commands';

declare module '../../server/src/engine/ruleApi' {
  interface SpecMemo {
    /** The argument words of the Docker daemons the spec's commands start. */
    daemons?: Located<string>[][];
  }
}

/** Shell operators that end a simple command, in case a flat word list carries them. */
const COMMAND_SEPARATORS = new Set(['&&', '||', ';', '|', '&']);

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** True for the `docker:dind` family, whose entrypoint turns `command: [--flag, …]` into `dockerd --flag …`. */
function isDindImage(spec: ContainerSpec): boolean {
  const images = spec.images.filter((i) => !i.value.isStage && !i.value.copiedFrom);
  const last = images[images.length - 1];
  if (!last) return false;
  const name = last.value.name.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
  return name === 'docker' && (last.value.tag ?? '').includes('dind');
}

/**
 * The argument words of every Docker daemon the container starts: `dockerd …`, `docker daemon …`,
 * `dockerd-entrypoint.sh …`, or flags alone passed to a `docker:dind` image's entrypoint.
 */
export function daemonInvocations(spec: ContainerSpec, memo: SpecMemo): readonly (readonly Located<string>[])[] {
  // Without a command there is no daemon (most Compose services).
  if (spec.commands.length === 0) return NO_DAEMONS;
  // Two rules ask for the same spec's daemons: find them once.
  return (memo.daemons ??= findDaemonInvocations(spec, memo));
}

/**
 * What a command that starts a daemon must contain (`dockerd…` or `docker daemon`); hoisted, as a literal
 * in the loop made a new RegExp per command. Not `docker` alone: official images' long RUN scripts name
 * `docker-php-ext-install` or `github.com/docker-library`, and each such command was split for nothing.
 */
const MENTIONS_DAEMON = /dockerd|docker\s+daemon/;
const NO_DAEMONS: readonly (readonly Located<string>[])[] = Object.freeze([]);

function findDaemonInvocations(spec: ContainerSpec, memo: SpecMemo): Located<string>[][] {
  const out: Located<string>[][] = [];
  const dind = isDindImage(spec);
  const mayNameDaemon = spec.origin.kind === 'dockerfile' ? mentionTester(spec.commands, MENTIONS_DAEMON, memo) : undefined;
  for (let c = 0; c < spec.commands.length; c++) {
    const command = spec.commands[c];
    // A Dockerfile tokenizes a command when its words are first read: skip those that name no daemon.
    if (mayNameDaemon && !(dind && command.kind === 'cmd') && !mayNameDaemon(c)) continue;
    const words = command.words;
    let operatorStarts: number[] | undefined;
    let args: Located<string>[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const value = words[i].value;
      if (args) {
        const previousEnd = words[i - 1].range.end;
        operatorStarts ??= (command.operators ?? []).map((o) => o.range.start);
        const separated = operatorStarts.some((start) => start >= previousEnd && start < words[i].range.start);
        if (!separated && !COMMAND_SEPARATORS.has(value)) {
          args.push(words[i]);
          continue;
        }
        out.push(args);
        args = undefined;
      }
      // Most words name no daemon: skip the basename (a new string per word) unless it can.
      const name = value.includes('docker') ? basename(value) : '';
      if (name === 'dockerd' || name === 'dockerd-entrypoint.sh') args = [];
      else if (name === 'docker' && words[i + 1]?.value === 'daemon') {
        args = [];
        i++;
      } else if (i === 0 && dind && (command.kind === 'command' || command.kind === 'cmd') && value.startsWith('-')) {
        args = [words[i]];
      }
    }
    if (args) out.push(args);
  }
  return out;
}

/** A flag's value: `--flag value`, `--flag=value`, or for a one-letter short flag also `-Xvalue`. */
export interface FlagValue {
  value: string;
  range: SourceRange;
}

/** Every value given to one of `names` (e.g. `['-H', '--host']`) in an argument list. */
export function flagValues(args: readonly Located<string>[], names: readonly string[]): FlagValue[] {
  const out: FlagValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    for (const name of names) {
      if (word.value === name) {
        const next = args[i + 1];
        if (next && !next.value.startsWith('-')) out.push(valueAfter(next, 0));
      } else if (word.value.startsWith(`${name}=`)) {
        out.push(valueAfter(word, name.length + 1));
      } else if (/^-[A-Za-z]$/.test(name) && word.value.startsWith(name) && word.value.length > name.length) {
        out.push(valueAfter(word, name.length));
      }
    }
  }
  return out;
}

/** True when a boolean flag is set (`--flag` or `--flag=true`). */
export function hasTrueFlag(args: readonly Located<string>[], name: string): boolean {
  return args.some((w) => w.value === name || w.value === `${name}=true` || w.value === `${name}=1`);
}

/**
 * The part of a word after `index`. The range narrows when the word is written as is, or inside one
 * pair of quotes with nothing escaped; otherwise the characters cannot be mapped and the whole word is used.
 */
function valueAfter(word: Located<string>, index: number): FlagValue {
  const value = word.value.slice(index);
  const written = word.range.end - word.range.start;
  const quote = written === word.value.length + 2 ? 1 : written === word.value.length ? 0 : -1;
  if (quote < 0) return { value, range: word.range };
  return { value, range: { start: word.range.start + quote + index, end: word.range.end - quote } };
}

/** The last setting of an environment variable (later settings win), if any. */
export function findEnv(spec: ContainerSpec, name: string): Located<EnvVar> | undefined {
  let found: Located<EnvVar> | undefined;
  for (const env of spec.env) if (env.value.name.value === name) found = env;
  return found;
}
