import { normalizeHostPath } from './hostPath';
import { PROPAGATION_MODES } from './shortSyntax';
import { parseShortPort, type Part } from './shortSyntax';
import { emptySpec, markUnknown, type ContainerSpec, type EnvVar, type ImageRef, type Mount, type Port, type Device } from '../model/containerSpec';
import { parseImageRef } from '../model/imageRef';
import { located, unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import type { ShellWord } from './shellWords';
import { holdsPlaceholder, isOptionsPlaceholder, PLACEHOLDER_REASON } from './placeholders';
import { startedImagePrivilegeDrop } from './dockerfile/images';

/**
 * `docker run` / `docker create` (and podman, nerdctl) command lines → ContainerSpec.
 * Each Located value carries a `RunValueHandle` in `node`, which `edit/runWriter.ts` uses to rewrite it.
 */

/** One occurrence of a docker run flag, with the words it spans. */
export interface FlagUse {
  /** Canonical long name without dashes (`cap-add`, `publish`…). */
  name: string;
  /** The word holding the flag (`--cap-add`, `--cap-add=X`, `-itd`). */
  flag: ShellWord;
  /** The separate value word (`--cap-add X`), when the value is not inside the flag word. */
  valueWord?: ShellWord;
  /** The flag with its value: from the flag word's start to the value's end. */
  range: SourceRange;
  /** For a short flag inside a group (`-itd`): the offset of its letter in the text. */
  groupLetter?: number;
  /** The value as written, when the flag has one. */
  value?: ValueSpan;
}

/** A flag value with the means to map offsets inside it back to the text. */
export interface ValueSpan {
  /** The value after quote removal (expansions kept as written). */
  text: string;
  raw: string;
  start: number;
  end: number;
  opaque: boolean;
  /** Offset of `text[0]` in the source, or -1 when quoting makes `text` not a 1:1 copy of the source. */
  textStart: number;
  /** The quote character wrapping the whole value (`"` or `'`), if any. */
  quote?: string;
}

/** What a writer needs to edit one Located value of a docker run spec. */
export interface RunValueHandle {
  use: FlagUse;
  /** For one item of a comma-separated value (`--cap-add=A,B`): every item's range and this item's index. */
  list?: { items: SourceRange[]; index: number };
}

/** Per-command writer information, stored in `origin.node`. */
export interface RunCommandInfo {
  /** Every word of the simple command (prefix such as `sudo` included). */
  words: ShellWord[];
  uses: FlagUse[];
  /** The `run`/`create` word's end: new flags go right after it. */
  subcommandEnd: number;
  /** True when the command spans several lines through `\` continuations. */
  split: boolean;
  /** Indentation of continuation lines (`  `), used for inserted flag lines. */
  indent: string;
  /** The line break the command uses after its continuations (`\n` or `\r\n`). */
  eol: string;
}

const BOOLEAN_FLAGS = new Set([
  'detach', 'interactive', 'tty', 'rm', 'privileged', 'read-only', 'init', 'publish-all', 'disable-content-trust', 'sig-proxy',
  'oom-kill-disable', 'no-healthcheck', 'quiet', 'help', 'use-api-socket',
  // docker compose exec
  'no-TTY', 'no-tty',
  // podman / nerdctl
  'replace', 'rmi', 'env-host', 'no-hosts', 'read-only-tmpfs', 'http-proxy', 'tls-verify', 'passwd', 'privileged-without-host-devices',
]);

const SHORT_BOOLEAN: Record<string, string> = { d: 'detach', i: 'interactive', t: 'tty', P: 'publish-all', q: 'quiet' };
const SHORT_VALUE: Record<string, string> = {
  a: 'attach', c: 'cpu-shares', e: 'env', h: 'hostname', l: 'label', m: 'memory', p: 'publish', u: 'user', v: 'volume', w: 'workdir',
};

/** Long value flags we know; unknown long flags are guessed (see `takesValue`). */
const VALUE_FLAGS = new Set([
  'add-host', 'annotation', 'attach', 'blkio-weight', 'blkio-weight-device', 'cap-add', 'cap-drop', 'cgroup-parent', 'cgroupns', 'cidfile',
  'cpu-count', 'cpu-percent', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime', 'cpu-shares', 'cpus', 'cpuset-cpus',
  'cpuset-mems', 'detach-keys', 'device', 'device-cgroup-rule', 'device-read-bps', 'device-read-iops', 'device-write-bps',
  'device-write-iops', 'dns', 'dns-opt', 'dns-option', 'dns-search', 'domainname', 'entrypoint', 'env', 'env-file', 'expose', 'gpus',
  'group-add', 'health-cmd', 'health-interval', 'health-retries', 'health-start-interval', 'health-start-period', 'health-timeout',
  'hostname', 'io-maxbandwidth', 'io-maxiops', 'ip', 'ip6', 'ipc', 'isolation', 'kernel-memory', 'label', 'label-file', 'link',
  'link-local-ip', 'log-driver', 'log-opt', 'mac-address', 'memory', 'memory-reservation', 'memory-swap', 'memory-swappiness', 'mount',
  'name', 'net', 'net-alias', 'network', 'network-alias', 'oom-score-adj', 'pid', 'pids-limit', 'platform', 'publish', 'pull', 'restart',
  'runtime', 'security-opt', 'shm-size', 'stop-signal', 'stop-timeout', 'storage-opt', 'sysctl', 'tmpfs', 'ulimit', 'user', 'userns',
  'uts', 'volume', 'volume-driver', 'volumes-from', 'workdir', 'arch', 'os', 'pod', 'systemd', 'secret', 'hooks-dir', 'uidmap', 'gidmap',
]);

const ALIASES: Record<string, string> = { net: 'network', 'dns-opt': 'dns-option', 'net-alias': 'network-alias' };

const TOOLS = new Set(['docker', 'podman', 'nerdctl']);
/** Compose front ends: only their `exec` is read here (`docker-compose exec --privileged web sh`). */
const COMPOSE_TOOLS = new Set(['docker-compose', 'podman-compose']);
/** Global flags of the docker/podman/nerdctl CLIs that take a value (`docker --context x run`). */
const GLOBAL_VALUE_FLAGS = new Set([
  '-c', '--context', '-H', '--host', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--connection', '--url',
  '--root', '--runroot', '--storage-driver', '--namespace', '-n', '--address', '-a', '--snapshotter', '--cgroup-manager', '--identity',
]);
const SUDO_VALUE_FLAGS = new Set(['-u', '-g', '-p', '-C', '-D', '-h', '-r', '-t', '-U', '-T', '--user', '--group', '--prompt', '--chdir', '--host', '--role', '--type', '--other-user', '--command-timeout', '--close-from']);
/** Wrappers that run the next words as a command (`sudo`, `exec`…). */
const WRAPPERS = new Set(['sudo', 'exec', 'time', 'nohup', 'command', 'env', 'doas']);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** A `` `#comment` `` word expands to nothing: linuxserver.io READMEs use it to mark optional flags. */
export function isCommentSubstitution(w: ShellWord): boolean {
  return /^`[ \t]*#[^`]*`$/.test(w.raw);
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/** Where a `docker run`/`create`/`exec` starts in one simple command: the tool word and the subcommand word. */
interface CommandLocation {
  toolIndex: number;
  subIndex: number;
  /** `docker service create`. */
  service: boolean;
  /** `docker exec`, `docker compose exec`: a command in a running container. */
  exec: boolean;
}

/** Finds `docker run`/`create` (or `exec`) in one simple command, after wrappers (`sudo`, `env`, `FOO=bar`). */
function locateRun(words: ShellWord[]): CommandLocation | undefined {
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

/** Options of `docker compose` itself (before its subcommand) that take a value. */
const COMPOSE_VALUE_FLAGS = new Set(['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--parallel', '--progress']);

function valueSpan(w: ShellWord, rawOffset: number): ValueSpan {
  const start = w.start + rawOffset;
  const raw = w.raw.slice(rawOffset);
  // The flag part before rawOffset is plain (checked by the caller), so the value is the tail of w.value.
  const text = w.value.slice(rawOffset);
  // A documentation placeholder (`-v <path>:/data`) is as unknown as a shell variable, and only in this value.
  const span: ValueSpan = { text, raw, start, end: w.end, opaque: (!!w.opaque && /[$`]/.test(raw)) || holdsPlaceholder(text), textStart: -1 };
  const first = raw[0];
  if ((first === '"' || first === "'") && raw.length >= 2 && raw[raw.length - 1] === first && !/["'\\]/.test(raw.slice(1, -1))) {
    span.quote = first;
    span.textStart = start + 1;
  } else if (!/["'\\]/.test(raw)) {
    span.textStart = start;
  }
  return span;
}

/** Plain text: no quotes, escapes or expansions, so offsets in the value equal offsets in the raw text. */
function isPlainPrefix(raw: string, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const ch = raw[k];
    if (ch === '"' || ch === "'" || ch === '\\' || ch === '$' || ch === '`') return false;
  }
  return true;
}

/** An unquoted word that may hold several options (`$DOCKER_OPTS`, `"$@"`): what follows cannot be read reliably. */
function isOptionBag(w: ShellWord): boolean {
  return /^"?\$\{?(?:[@*]|[A-Za-z_]*(?:OPT|ARG|FLAG|PARAM|EXTRA)[A-Za-z_]*)/i.test(w.raw);
}

function takesValue(name: string, words: ShellWord[], next: number): boolean {
  if (BOOLEAN_FLAGS.has(name)) return false;
  if (VALUE_FLAGS.has(name)) return true;
  // An unknown flag: it takes a value only if that still leaves an image after it.
  const v = words[next];
  return !!v && !v.value.startsWith('-') && next + 1 < words.length;
}

interface FlagScan {
  uses: FlagUse[];
  imageIndex: number;
  /** Options the parser could not read (`$OPTS`). */
  incomplete: boolean;
}

function scanFlags(words: ShellWord[], from: number): FlagScan {
  const uses: FlagUse[] = [];
  let incomplete = false;
  let i = from;
  while (i < words.length) {
    const w = words[i];
    if (isCommentSubstitution(w)) {
      i++;
      continue;
    }
    const v = w.value;
    if (!w.opaque && isOptionsPlaceholder(w.raw)) {
      // `docker run ... -v /:/host <image>`, `docker run [OPTIONS] --privileged IMAGE`: options left out, the rest real.
      incomplete = true;
      i++;
      continue;
    }
    if (w.opaque && !w.raw.startsWith('-')) {
      if (isOptionBag(w) && i + 1 < words.length) {
        incomplete = true;
        i++;
        continue;
      }
      break;
    }
    if (v === '--') {
      i++;
      break;
    }
    if (v.startsWith('--') && v.length > 2) {
      const eq = v.indexOf('=');
      const name0 = eq >= 0 ? v.slice(2, eq) : v.slice(2);
      const name = (Object.hasOwn(ALIASES, name0) ? ALIASES[name0] : undefined) ?? name0; // `--constructor` is no alias
      if (eq >= 0) {
        const plain = isPlainPrefix(w.raw, eq + 1);
        const use: FlagUse = { name, flag: w, range: { start: w.start, end: w.end } };
        use.value = plain ? valueSpan(w, eq + 1) : wholeWordSpan(w);
        uses.push(use);
        i++;
      } else if (takesValue(name, words, i + 1)) {
        const valueWord = words[i + 1];
        const use: FlagUse = { name, flag: w, range: { start: w.start, end: (valueWord ?? w).end } };
        if (valueWord) {
          use.valueWord = valueWord;
          use.value = valueSpan(valueWord, 0);
        }
        uses.push(use);
        i += 2;
      } else {
        uses.push({ name, flag: w, range: { start: w.start, end: w.end } });
        i++;
      }
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && isPlainPrefix(w.raw, 2)) {
      const grouped = v.length > 2;
      let k = 1;
      let consumedNext = false;
      for (; k < v.length; k++) {
        const letter = v[k];
        const longName = SHORT_VALUE[letter];
        if (longName) {
          let offset = k + 1;
          if (v[offset] === '=') offset++;
          if (offset < v.length) {
            const plain = isPlainPrefix(w.raw, offset);
            uses.push({ name: longName, flag: w, range: { start: w.start, end: w.end }, value: plain ? valueSpan(w, offset) : wholeWordSpan(w) });
          } else {
            const valueWord = words[i + 1];
            const use: FlagUse = { name: longName, flag: w, range: { start: w.start, end: (valueWord ?? w).end } };
            if (valueWord) {
              use.valueWord = valueWord;
              use.value = valueSpan(valueWord, 0);
            }
            uses.push(use);
            consumedNext = true;
          }
          break;
        }
        const use: FlagUse = { name: SHORT_BOOLEAN[letter] ?? letter, flag: w, range: { start: w.start, end: w.end } };
        if (grouped) use.groupLetter = w.start + k;
        uses.push(use);
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    break;
  }
  return { uses, imageIndex: i, incomplete };
}

function wholeWordSpan(w: ShellWord): ValueSpan {
  return { text: w.value, raw: w.raw, start: w.start, end: w.end, opaque: !!w.opaque, textStart: -1 };
}

/** A value range inside a span: exact when the span maps 1:1, else the whole span (and not editable). */
function sub<T>(span: ValueSpan, from: number, to: number, value: T, handle: RunValueHandle): Located<T> {
  if (span.textStart < 0) return located(value, span.start, span.end, span.raw, { editable: false, node: handle });
  const start = span.textStart + from;
  const end = span.textStart + to;
  return located(value, start, end, span.text.slice(from, to), { node: handle });
}

function whole<T>(span: ValueSpan, value: T, handle: RunValueHandle): Located<T> {
  return located(value, span.start, span.end, span.raw, { node: handle, editable: span.textStart >= 0 && !span.opaque });
}

/** True when the part of the span's text between `from` and `to` holds an expansion. */
function opaquePart(span: ValueSpan, from: number, to: number): boolean {
  if (!span.opaque) return false;
  if (span.textStart < 0) return true;
  const part = span.text.slice(from, to);
  return /[$`]/.test(part) || holdsPlaceholder(part);
}

/** Why an opaque value is unknown: a shell expansion, or a placeholder written in its place. */
function unknownReason(span: ValueSpan): string {
  return /[$`]/.test(span.raw) ? 'set from a shell variable' : PLACEHOLDER_REASON;
}

/** The `=true`/`=false` of a boolean flag; undefined when it is not a boolean literal. */
function booleanValue(use: FlagUse): boolean | undefined {
  if (!use.value) return true;
  const t = use.value.text.toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

function booleanLocated(use: FlagUse): Maybe<boolean> {
  const range = use.groupLetter !== undefined ? { start: use.groupLetter, end: use.groupLetter + 1 } : { start: use.flag.start, end: use.flag.end };
  const raw = use.groupLetter !== undefined ? use.flag.raw[use.groupLetter - use.flag.start] : use.flag.raw;
  if (use.value?.opaque) return unknown(range.start, range.end, raw, unknownReason(use.value));
  const v = booleanValue(use);
  if (v === undefined) return unknown(range.start, range.end, raw, 'not a boolean');
  return located(v, range.start, range.end, raw, { node: { use } satisfies RunValueHandle });
}

function scalar(use: FlagUse): Maybe<string> {
  const span = use.value;
  if (!span) return undefined;
  if (span.opaque) return unknown(span.start, span.end, span.raw, unknownReason(span));
  return whole(span, span.text, { use });
}

/** Splits `a,b,c` into item ranges relative to the value text. */
function splitList(textValue: string, sep = ','): { from: number; to: number }[] {
  const items: { from: number; to: number }[] = [];
  let from = 0;
  for (let k = 0; k <= textValue.length; k++) {
    if (k === textValue.length || textValue[k] === sep) {
      if (k > from) items.push({ from, to: k });
      from = k + 1;
    }
  }
  return items;
}

function listItems(use: FlagUse, spec: ContainerSpec, field: string): Located<string>[] {
  const span = use.value;
  if (!span) return [];
  if (span.opaque) {
    markUnknown(spec, field);
    return [];
  }
  const parts = splitList(span.text);
  if (span.textStart < 0 || parts.length <= 1) return parts.length === 0 ? [] : [whole(span, span.text, { use })];
  const items = parts.map((p) => ({ start: span.textStart + p.from, end: span.textStart + p.to }));
  return parts.map((p, index) => sub(span, p.from, p.to, span.text.slice(p.from, p.to), { use, list: { items, index } }));
}

const HOST_PATH = /^(?:[/~.]|[A-Za-z]:[\\/]|\\\\|\$\{?(?:PWD|HOME)\b|\$\(pwd\))/;

function shortMount(use: FlagUse, spec: ContainerSpec): Located<Mount> | undefined {
  const span = use.value!;
  const t = span.text;
  // Split on `:` but not on the one of a Windows drive letter (`C:\data:/data`).
  const cuts: number[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== ':') continue;
    const driveLetter = (k === 1 || t[k - 2] === ':') && /[A-Za-z]/.test(t[k - 1]) && (t[k + 1] === '\\' || t[k + 1] === '/');
    if (!driveLetter) cuts.push(k);
  }
  const handle: RunValueHandle = { use };
  if (cuts.length === 0) {
    if (opaquePart(span, 0, t.length)) {
      markUnknown(spec, 'volumes');
      return undefined;
    }
    return whole(span, { type: 'volume', target: sub(span, 0, t.length, t, handle), readOnly: false, syntax: 'short' } as Mount, handle);
  }
  const srcText = t.slice(0, cuts[0]);
  const dstEnd = cuts[1] ?? t.length;
  const mount: Mount = {
    type: HOST_PATH.test(srcText) ? 'bind' : 'volume',
    source: sub(span, 0, cuts[0], normalizeHostPath(srcText), handle),
    target: sub(span, cuts[0] + 1, dstEnd, t.slice(cuts[0] + 1, dstEnd), handle),
    readOnly: false,
    syntax: 'short',
  };
  if (cuts[1] !== undefined) {
    let from = cuts[1] + 1;
    for (const opt of t.slice(from).split(',')) {
      if (opt === 'ro' || opt === 'readonly') {
        mount.readOnly = true;
        mount.readOnlyAt = span.textStart >= 0 ? { start: span.textStart + from, end: span.textStart + from + opt.length } : { start: span.start, end: span.end };
      } else if (PROPAGATION_MODES.has(opt)) {
        mount.propagation = sub(span, from, from + opt.length, opt, handle);
      }
      from += opt.length + 1;
    }
  }
  return whole(span, mount, handle);
}

function longMount(use: FlagUse, spec: ContainerSpec): Located<Mount> | undefined {
  const span = use.value!;
  if (span.opaque && !/=/.test(span.text)) {
    markUnknown(spec, 'volumes');
    return undefined;
  }
  const handle: RunValueHandle = { use };
  const mount: Mount = { type: 'volume', readOnly: false, syntax: 'long' };
  for (const item of splitList(span.text)) {
    const part = span.text.slice(item.from, item.to);
    const eq = part.indexOf('=');
    const key = (eq >= 0 ? part.slice(0, eq) : part).trim().toLowerCase();
    const valFrom = eq >= 0 ? item.from + eq + 1 : item.to;
    const val = eq >= 0 ? part.slice(eq + 1) : '';
    if (key === 'type') mount.type = val;
    else if (key === 'source' || key === 'src') mount.source = sub(span, valFrom, item.to, normalizeHostPath(val), handle);
    else if (key === 'target' || key === 'destination' || key === 'dst') mount.target = sub(span, valFrom, item.to, val, handle);
    else if (key === 'readonly' || key === 'ro') {
      const on = eq < 0 || /^(?:true|1)$/i.test(val);
      mount.readOnly = on;
      if (on) mount.readOnlyAt = span.textStart >= 0 ? { start: span.textStart + item.from, end: span.textStart + item.to } : { start: span.start, end: span.end };
    } else if (key === 'bind-propagation' && !opaquePart(span, item.from, item.to)) {
      // Located at the whole `bind-propagation=…` item: a fix removes the option, not only its value.
      const mode = sub(span, item.from, item.to, val.trim().toLowerCase(), handle);
      mount.propagation = mode;
    }
  }
  return whole(span, mount, handle);
}

function parsePort(use: FlagUse, spec: ContainerSpec): Located<Port> | undefined {
  const span = use.value!;
  const t = span.text;
  if (span.opaque) {
    // `$PORT` may expand to `127.0.0.1:8080`: which parts are set is unknown.
    markUnknown(spec, 'ports');
    return undefined;
  }
  const handle: RunValueHandle = { use };
  const parsed = parseShortPort(t);
  if (!parsed) return undefined;
  const at = (part: Part) => sub(span, part.start, part.start + part.text.length, part.text, handle);
  const port: Port = { containerPort: at(parsed.containerPort), protocol: parsed.protocol, mode: 'published', syntax: 'flag' };
  if (parsed.hostIp && parsed.hostIp.text !== '') port.hostIp = at(parsed.hostIp);
  if (parsed.hostPort) port.hostPort = at(parsed.hostPort);
  return whole(span, port, handle);
}

function parseDevice(use: FlagUse): Located<Device> | undefined {
  const span = use.value!;
  const parts = splitList(span.text, ':');
  if (parts.length === 0 || span.opaque) return undefined;
  const handle: RunValueHandle = { use };
  const at = (k: number) => sub(span, parts[k].from, parts[k].to, span.text.slice(parts[k].from, parts[k].to), handle);
  const device: Device = { host: at(0) };
  if (parts.length === 2 && /^[rwm]+$/.test(span.text.slice(parts[1].from, parts[1].to))) device.permissions = at(1);
  else if (parts.length >= 2) device.container = at(1);
  if (parts.length >= 3) device.permissions = at(2);
  return whole(span, device, handle);
}

/** The range of a list setting's flag (`--cap-add`, `--security-opt`, `--link`), which fixes extend or remove. */
const flagField = (use: FlagUse): Located<null> => located(null, use.range.start, use.range.end, use.flag.raw, { node: { use } satisfies RunValueHandle });

/**
 * Builds the spec of one simple command, or undefined when it is not a `docker run`/`create`. An image that is a
 * documentation placeholder (`<image>`, `IMAGE`, `app:<tag>`) or missing (`docker run --privileged`) is unknown:
 * what depends on the image is not judged, the flags are. Such a command is an example or cut short, not one
 * anyone runs as written, so it is judged as a documentation fragment: dangers, not hardening left out.
 */
export function parseDockerRun(words: ShellWord[], text: string, eolOfFile: string): ContainerSpec | undefined {
  const found = locateRun(words);
  if (!found) return undefined;
  const tool = words[found.toolIndex];
  const subWord = words[found.subIndex];
  const scan = scanFlags(words, found.subIndex + 1);
  if (found.exec) return execSpec(words, text, eolOfFile, tool, subWord, scan);
  const imageWord = words[scan.imageIndex] as ShellWord | undefined;
  let image: Maybe<ImageRef>;
  let imageName: string;
  let example = false;
  if (!imageWord) {
    example = true;
    image = undefined;
    imageName = text.slice(tool.start, subWord.end);
  } else if (imageWord.opaque) {
    image = unknown(imageWord.start, imageWord.end, imageWord.raw, 'set from a shell variable');
    imageName = imageWord.raw;
  } else {
    const ref = parseImageRef(imageWord.value);
    image = ref ? located(ref, imageWord.start, imageWord.end, imageWord.raw) : unknown(imageWord.start, imageWord.end, imageWord.raw, PLACEHOLDER_REASON);
    imageName = imageWord.value;
    example = !ref;
  }
  const last = words[words.length - 1];
  const range = { start: tool.start, end: last.end };
  const info = commandStyle(text, range, eolOfFile);
  const node: RunCommandInfo = { words, uses: scan.uses, subcommandEnd: subWord.end, ...info };
  const spec = emptySpec({ kind: 'run', name: imageName, range, nameRange: { start: tool.start, end: subWord.end }, node });
  spec.incomplete = scan.incomplete || example;
  if (example) spec.fragment = true;
  spec.image = image;
  if (image && 'value' in image) spec.images.push(image);

  for (const use of scan.uses) applyFlag(use, spec);
  // A foreground container removed when it exits is a one-shot tool (a linter, a build client, a test run):
  // settings for containers that keep running (limits, cap_drop, read-only root) are not asked of it; what it
  // is given is still judged. `-d --rm` starts a service that runs until stopped: judged in full (docs/hosts.md).
  const detached = scan.uses.some((u) => u.name === 'detach' && booleanValue(u) !== false);
  if (spec.autoRemove?.value === true && !detached) spec.incomplete = true;
  if (found.service) {
    // Swarm services spell limits differently (--limit-memory…) and publish through the routing mesh,
    // where a host IP cannot be set: say nothing about missing settings or port binding there.
    spec.incomplete = true;
    spec.ports = [];
  }
  // Messages name the container as its author does: `--name web` rather than the image.
  const named = scan.uses.filter((u) => u.name === 'name' && u.value && !u.value.opaque && u.value.text !== '').pop();
  if (named) spec.origin.name = named.value!.text;

  const commandWords = words.slice(scan.imageIndex + 1).filter((w) => !isCommentSubstitution(w));
  if (commandWords.length > 0) {
    const first = commandWords[0];
    const end = commandWords[commandWords.length - 1].end;
    spec.commands.push({
      kind: 'command',
      form: 'exec',
      words: commandWords.map((w) => located(w.value, w.start, w.end, w.raw)),
      text: located(text.slice(first.start, end), first.start, end, text.slice(first.start, end)),
    });
  }
  spec.dropsPrivilegesAtRuntime = startedImagePrivilegeDrop(spec, scan.uses.some((u) => u.name === 'entrypoint'));
  return spec;
}

/**
 * `docker exec [--privileged] [-u root] CONTAINER COMMAND`: what the command is given is judged (its privileges,
 * its user, CIS 5.23/5.24); the container's settings are not written here, so nothing else is read.
 */
function execSpec(words: ShellWord[], text: string, eolOfFile: string, tool: ShellWord, subWord: ShellWord, scan: FlagScan): ContainerSpec {
  const containerWord = words[scan.imageIndex] as ShellWord | undefined;
  const last = words[words.length - 1];
  const range = { start: tool.start, end: last.end };
  const node: RunCommandInfo = { words, uses: scan.uses, subcommandEnd: subWord.end, ...commandStyle(text, range, eolOfFile) };
  const name = containerWord && !containerWord.opaque ? containerWord.value : text.slice(tool.start, subWord.end);
  const spec = emptySpec({ kind: 'run', name, range, nameRange: { start: tool.start, end: subWord.end }, node });
  spec.exec = true;
  spec.incomplete = true;
  for (const use of scan.uses) {
    if (use.name === 'privileged') spec.privileged = booleanLocated(use);
    else if (use.name === 'user' && use.value) spec.user = scalar(use);
  }
  return spec;
}

function commandStyle(text: string, range: SourceRange, eolOfFile: string): { split: boolean; indent: string; eol: string } {
  const nl = text.indexOf('\n', range.start);
  if (nl < 0 || nl >= range.end) return { split: false, indent: '  ', eol: eolOfFile };
  const eol = text[nl - 1] === '\r' ? '\r\n' : '\n';
  const indent = /^[ \t]*/.exec(text.slice(nl + 1, range.end))![0];
  return { split: true, indent, eol };
}

function applyFlag(use: FlagUse, spec: ContainerSpec): void {
  const needsValue = !BOOLEAN_FLAGS.has(use.name) && use.name.length > 1;
  if (needsValue && !use.value) return;
  switch (use.name) {
    case 'user':
      spec.user = scalar(use);
      return;
    case 'privileged':
      spec.privileged = booleanLocated(use);
      return;
    case 'read-only':
      spec.readOnly = booleanLocated(use);
      return;
    case 'rm': {
      const v = booleanLocated(use);
      if (v && 'value' in v) spec.autoRemove = v;
      return;
    }
    case 'oom-kill-disable':
      spec.oomKillDisable = booleanLocated(use);
      return;
    case 'log-driver':
      spec.logDriver = scalar(use);
      return;
    case 'disable-content-trust': {
      const v = booleanLocated(use);
      if (v && 'value' in v) spec.contentTrustDisabled = v;
      return;
    }
    case 'cap-add':
      spec.capAddField ??= flagField(use);
      spec.capAdd.push(...listItems(use, spec, 'cap_add'));
      return;
    case 'cap-drop':
      spec.capDropField ??= flagField(use);
      spec.capDrop.push(...listItems(use, spec, 'cap_drop'));
      return;
    case 'security-opt': {
      spec.securityOptField ??= flagField(use);
      const span = use.value!;
      if (span.opaque) markUnknown(spec, 'security_opt');
      else spec.securityOpt.push(whole(span, span.text, { use }));
      return;
    }
    case 'volume': {
      const m = shortMount(use, spec);
      if (m) spec.mounts.push(m);
      return;
    }
    case 'mount': {
      const m = longMount(use, spec);
      if (m) spec.mounts.push(m);
      return;
    }
    case 'volumes-from': {
      const span = use.value!;
      const handle: RunValueHandle = { use };
      const colon = span.text.indexOf(':');
      const nameEnd = colon >= 0 ? colon : span.text.length;
      const mode = colon >= 0 ? span.text.slice(colon + 1) : '';
      const mount: Mount = { type: 'volumes-from', source: sub(span, 0, nameEnd, span.text.slice(0, nameEnd), handle), readOnly: mode === 'ro', syntax: 'volumes-from' };
      if (mode === 'ro' && span.textStart >= 0) mount.readOnlyAt = { start: span.textStart + colon + 1, end: span.textStart + span.text.length };
      spec.mounts.push(whole(span, mount, handle));
      return;
    }
    case 'tmpfs': {
      const span = use.value!;
      const colon = span.text.indexOf(':');
      const end = colon >= 0 ? colon : span.text.length;
      const handle: RunValueHandle = { use };
      spec.mounts.push(whole(span, { type: 'tmpfs', target: sub(span, 0, end, span.text.slice(0, end), handle), readOnly: false, syntax: 'short' } as Mount, handle));
      return;
    }
    case 'publish': {
      const p = parsePort(use, spec);
      if (p) spec.ports.push(p);
      return;
    }
    case 'publish-all': {
      const flag = booleanLocated(use);
      if (!flag || !('value' in flag) || !flag.value) return;
      const port: Port = { containerPort: located('', flag.range.start, flag.range.end, flag.raw), protocol: 'tcp', mode: 'publish-all', syntax: 'flag' };
      spec.ports.push(located(port, flag.range.start, flag.range.end, flag.raw, { node: { use } satisfies RunValueHandle }));
      return;
    }
    case 'expose': {
      const span = use.value!;
      if (span.opaque) return;
      const slash = span.text.indexOf('/');
      const end = slash >= 0 ? slash : span.text.length;
      const handle: RunValueHandle = { use };
      const port: Port = {
        containerPort: sub(span, 0, end, span.text.slice(0, end), handle),
        protocol: slash >= 0 ? span.text.slice(slash + 1).toLowerCase() : 'tcp',
        mode: 'exposed',
        syntax: 'flag',
      };
      spec.ports.push(whole(span, port, handle));
      return;
    }
    case 'device': {
      const d = parseDevice(use);
      if (d) spec.devices.push(d);
      return;
    }
    case 'memory':
      spec.limits.memory = scalar(use);
      return;
    case 'cpus':
      spec.limits.cpus = scalar(use);
      return;
    case 'cpu-quota': {
      if (spec.limits.cpus) return;
      const q = scalar(use);
      if (q && 'value' in q) {
        const quota = Number(q.value);
        // --cpu-quota is in microseconds per 100 ms period (the default --cpu-period).
        spec.limits.cpus = Number.isFinite(quota) && quota > 0 ? { ...q, value: String(quota / 100000) } : q;
      } else spec.limits.cpus = q;
      return;
    }
    case 'pids-limit':
      spec.limits.pids = scalar(use);
      return;
    case 'restart':
      spec.limits.restart = scalar(use);
      return;
    case 'network':
      spec.namespaces.network = scalar(use);
      return;
    case 'pid':
    case 'ipc':
    case 'uts':
    case 'userns':
      spec.namespaces[use.name] = scalar(use);
      return;
    case 'cgroupns':
      spec.namespaces.cgroup = scalar(use);
      return;
    case 'link': {
      spec.linksField ??= flagField(use);
      const span = use.value!;
      if (!span.opaque) spec.links.push(whole(span, span.text, { use }));
      return;
    }
    case 'env': {
      const env = parseEnv(use);
      if (env) spec.env.push(env);
      else markUnknown(spec, 'environment');
      return;
    }
    case 'platform': {
      const span = use.value!;
      if (!span.opaque && spec.image && 'value' in spec.image) spec.image.value.platform = span.text;
      return;
    }
    default:
      return;
  }
}

function parseEnv(use: FlagUse): Located<EnvVar> | undefined {
  const span = use.value!;
  const eq = span.text.indexOf('=');
  const nameEnd = eq >= 0 ? eq : span.text.length;
  if (opaquePart(span, 0, nameEnd)) return undefined;
  const handle: RunValueHandle = { use };
  const env: EnvVar = { name: sub(span, 0, nameEnd, span.text.slice(0, nameEnd), handle), source: 'flag' };
  if (eq >= 0) {
    const value = span.text.slice(eq + 1);
    if (opaquePart(span, eq + 1, span.text.length)) {
      const r = span.textStart >= 0 ? { start: span.textStart + eq + 1, end: span.textStart + span.text.length } : { start: span.start, end: span.end };
      env.value = unknown(r.start, r.end, value, unknownReason(span));
    } else env.value = sub(span, eq + 1, span.text.length, value, handle);
  }
  return whole(span, env, handle);
}
