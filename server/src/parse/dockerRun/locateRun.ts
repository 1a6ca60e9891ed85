import type { ShellWord } from '../shellWords';

/**
 * Where `docker run`/`create` (or `exec`) starts in a simple command. Commands in READMEs and scripts are
 * rarely bare: they come after `sudo -u x`, `env FOO=1`, global options (`docker --context ci run`) or
 * `docker compose -f file exec`, all of which are stepped over.
 */

const TOOLS = new Set(['docker', 'podman', 'nerdctl']);
/** Compose front ends: only their `exec` is read here (`docker-compose exec --privileged web sh`). */
const COMPOSE_TOOLS = new Set(['docker-compose', 'podman-compose']);
/** Options of `docker compose` itself (before its subcommand) that take a value. */
const COMPOSE_VALUE_FLAGS = new Set(['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--parallel', '--progress']);
/** Global flags of the docker/podman/nerdctl CLIs that take a value (`docker --context x run`). */
const GLOBAL_VALUE_FLAGS = new Set([
  '-c', '--context', '-H', '--host', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--connection', '--url',
  '--root', '--runroot', '--storage-driver', '--namespace', '-n', '--address', '-a', '--snapshotter', '--cgroup-manager', '--identity',
]);
const SUDO_VALUE_FLAGS = new Set(['-u', '-g', '-p', '-C', '-D', '-h', '-r', '-t', '-U', '-T', '--user', '--group', '--prompt', '--chdir', '--host', '--role', '--type', '--other-user', '--command-timeout', '--close-from']);
/** Wrappers that run the next words as a command (`sudo`, `exec`…). */
const WRAPPERS = new Set(['sudo', 'exec', 'time', 'nohup', 'command', 'env', 'doas']);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/** Where a `docker run`/`create`/`exec` starts in one simple command: the tool word and the subcommand word. */
export interface CommandLocation {
  toolIndex: number;
  subIndex: number;
  /** `docker service create`. */
  service: boolean;
  /** `docker exec`, `docker compose exec`: a command in a running container. */
  exec: boolean;
}

/** Finds `docker run`/`create` (or `exec`) in one simple command, after wrappers (`sudo`, `env`, `FOO=bar`). */
export function locateRun(words: ShellWord[]): CommandLocation | undefined {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (!w.opaque && ASSIGNMENT.test(w.raw)) {
      i++;
      continue;
    }
    if (!w.opaque && WRAPPERS.has(w.value)) {
      const sudoLike = w.value === 'sudo' || w.value === 'doas';
      i++;
      while (i < words.length && words[i].value.startsWith('-') && words[i].value.length > 1) {
        const f = words[i].value;
        i++;
        if (f === '--') break;
        if (sudoLike && SUDO_VALUE_FLAGS.has(f)) i++;
        if (w.value === 'env' && (f === '-u' || f === '--unset' || f === '-C' || f === '--chdir')) i++;
      }
      continue;
    }
    break;
  }
  if (i >= words.length || words[i].opaque) return undefined;
  const toolName = baseName(words[i].value);
  const composeTool = COMPOSE_TOOLS.has(toolName);
  if (!TOOLS.has(toolName) && !composeTool) return undefined;
  const toolIndex = i++;
  while (i < words.length && words[i].value.startsWith('-')) {
    const f = words[i].value;
    i += GLOBAL_VALUE_FLAGS.has(f) ? 2 : 1;
  }
  let service = false;
  let compose = composeTool;
  if (words[i]?.value === 'container') i++;
  else if (words[i]?.value === 'service' && words[i + 1]?.value === 'create') {
    // `docker service create` shares the flags judged here (--cap-add, --mount, --user, --read-only…).
    service = true;
    i++;
  } else if (!compose && words[i]?.value === 'compose') {
    // `docker compose [-f file -p project] exec`: the project options take a value each.
    compose = true;
    i++;
    while (i < words.length && words[i].value.startsWith('-')) i += COMPOSE_VALUE_FLAGS.has(words[i].value) ? 2 : 1;
  }
  const sub = words[i]?.value;
  if (sub === 'exec' && !service) return { toolIndex, subIndex: i, service, exec: true };
  if (compose || (sub !== 'run' && sub !== 'create')) return undefined;
  if (service && sub !== 'create') return undefined;
  return { toolIndex, subIndex: i, service, exec: false };
}
