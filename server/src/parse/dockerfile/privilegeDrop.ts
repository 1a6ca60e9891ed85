import type { ShellCommand } from '../../model/containerSpec';
import type { InstructionInfo, StageInfo } from './handle';
import { imagePrivilegeDrop, SERVER_WITH_UNPRIVILEGED_WORKERS, type PrivilegeDrop } from './images';

/**
 * Commands that start as root only to switch to another user before running the workload. A
 * container whose ENTRYPOINT/CMD uses one of them is not "running as root" in the sense that matters,
 * so no-root-user stays quiet. Matched as whole words: gosu, su-exec, setpriv, runuser, s6-setuidgid,
 * `chroot --userspec`, and `su … -c`.
 */
const PRIVILEGE_DROP = /(?:^|[\s;&|('"/])(?:gosu|su-exec|setpriv|runuser|s6-setuidgid)(?=$|[\s;&|)'"])|(?:^|[\s;&|('"/])chroot\s+--userspec\b|(?:^|[\s;&|('"/])su\s(?:[^;&|\n]*\s)?-c(?=$|[\s'"])/;

/**
 * How the final image gives root up, if it does: by its own ENTRYPOINT/CMD, by an entrypoint script with gosu or
 * su-exec installed by a RUN of a stage in `chain`, or as the official image it is built on does.
 */
export function dropsPrivileges(
  chain: number[],
  base: StageInfo,
  entrypoint: ShellCommand | undefined,
  cmd: ShellCommand | undefined,
  commands: readonly ShellCommand[],
  instructions: readonly InstructionInfo[],
): PrivilegeDrop | undefined {
  if ([entrypoint, cmd].some((command) => command && PRIVILEGE_DROP.test(commandText(command)))) return 'entrypoint';
  // Built like the official images: gosu/su-exec installed (or tried) by a RUN of this image, and an
  // entrypoint script, which cannot be read from here, to use it.
  const startsThroughScript = entrypoint !== undefined && /(?:\.sh|entrypoint)\b/i.test(entrypoint.text.value);
  if (startsThroughScript && commands.some((c) => c.kind === 'run' && chain.includes(stageAt(instructions, c.text.range.start)) && PRIVILEGE_DROP.test(c.text.value))) {
    return 'entrypoint';
  }
  // Built on an official image that gives root up itself (postgres, nginx…), judged as that image is when a
  // Compose file or `docker run` starts it: with its own entrypoint, running its server.
  const keepsOfficialEntrypoint = !entrypoint || /docker-(?:php-)?entrypoint(?:\.sh)?\b/.test(entrypoint.text.value);
  const fromImage = keepsOfficialEntrypoint && base.image !== undefined ? imagePrivilegeDrop(base.image, () => (cmd ? firstWord(cmd) : undefined)) : undefined;
  // Seen directly (the nginx or httpd image's own Dockerfile): the command starts such a server.
  return fromImage ?? ownPrivilegeDrop(entrypoint, cmd);
}

/** The stage of the instruction at `offset` (-1 before the first FROM). */
function stageAt(instructions: readonly InstructionInfo[], offset: number): number {
  const instruction = instructions.find((i) => i.range.start <= offset && offset <= i.range.end);
  return instruction?.stage ?? -1;
}

/** What a container's own ENTRYPOINT/CMD tell: a user switch, or a server with unprivileged workers. */
export function ownPrivilegeDrop(entrypoint: ShellCommand | undefined, cmd: ShellCommand | undefined): PrivilegeDrop | undefined {
  const texts = [entrypoint, cmd].flatMap((c) => (c ? [commandText(c)] : []));
  if (texts.some((t) => PRIVILEGE_DROP.test(t))) return 'entrypoint';
  return texts.some((t) => SERVER_WITH_UNPRIVILEGED_WORKERS.test(t)) ? 'workers' : undefined;
}

/** The program a command starts: its first word (the exec form's first string). */
function firstWord(command: ShellCommand): string | undefined {
  return command.form === 'exec' ? command.words[0]?.value : /^\s*(\S+)/.exec(command.text.value)?.[1];
}

/** A command as one string: the exec form's words joined, the shell form as written. */
function commandText(command: ShellCommand): string {
  return command.form === 'exec' ? command.words.map((w) => w.value).join(' ') : command.text.value;
}
