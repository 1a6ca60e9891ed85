import type { ShellWord } from '../shellWords';
import type { FlagUse, ValueSpan } from '../dockerRun';
import { holdsPlaceholder, isOptionsPlaceholder } from '../placeholders';

/**
 * Which words of a `docker run` are flags and what value each takes: the flag tables (unknown long flags are
 * guessed) and the scan that pairs every flag with its value (`FlagUse`) and finds where the image is.
 */

export const BOOLEAN_FLAGS = new Set([
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

/** A `` `#comment` `` word expands to nothing: linuxserver.io READMEs use it to mark optional flags. */
export function isCommentSubstitution(w: ShellWord): boolean {
  return /^`[ \t]*#[^`]*`$/.test(w.raw);
}

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

export interface FlagScan {
  uses: FlagUse[];
  imageIndex: number;
  /** Options the parser could not read (`$OPTS`). */
  incomplete: boolean;
}

export function scanFlags(words: ShellWord[], from: number): FlagScan {
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
