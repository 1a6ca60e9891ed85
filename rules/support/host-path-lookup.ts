import * as posix from '../../server/src/files/posixPath';
import type { Mount } from '../../server/src/model/containerSpec';
import { HOME_PATHS, HOST_PATHS, RUNTIME_SOCKET_FILE, type HostPathEntry, type HostPathKind, type Level } from './host-paths';

/** What mounting one host path gives a container, from the entries of host-paths.ts. */
export interface HostPathFacts {
  kind: HostPathKind;
  /** The path as looked up: folded, `/var/run` as `/run`, a home as `~`. */
  path: string;
  readOnly: Level;
  writable: Level;
  /** Completes "the container can …" for what the mount shows or reaches; names the entry below when a parent gets it from there. */
  reads?: string;
  /** Completes "the container can …" for what writing adds. */
  writes?: string;
  remedy?: string;
  /** The read-only fix is safe unattended: the path is only there to be read (host-path-types.ts). */
  onlyRead?: boolean;
}

const LEVELS: Level[] = ['none', 'info', 'warning', 'error'];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/**
 * The host path a mount makes visible, trimmed, or undefined for a named or anonymous volume. A volume
 * name cannot contain `/` nor start with `~` or `$`, so such a "volume" (`${HOME}/.aws:/root/.aws`, which a
 * parser could not tell from a name) is a host path too.
 */
export function hostSourceOf(mount: Mount): string | undefined {
  const source = mount.source?.value.trim();
  if (!source) return undefined;
  if (mount.type === 'bind' || mount.type === 'npipe') return source;
  if (mount.type === 'volume' && /^[~$]|[/\\]/.test(source)) return source;
  return undefined;
}

/** `~`, `~user`, `$HOME`, `${HOME}`: a home directory whatever its value, so known enough to judge. */
const HOME_VARIABLE = /^(?:~[^/]*|\$HOME|\$\{HOME\})(?=\/|$)/;
/** Homes written as host paths: root's, Linux and macOS users', a Windows user's through WSL or Git Bash. */
const HOME_PATH = /^(?:\/root|\/home\/[^/]+|\/Users\/[^/]+|\/(?:mnt\/)?[a-zA-Z]\/Users\/[^/]+)(?=\/|$)/;

/** The home a path is in, as written (`$HOME`, `/home/me`), and the path below it (`''` for the home itself). */
function homeRelative(path: string): { home: string; rest: string } | undefined {
  const match = HOME_VARIABLE.exec(path) ?? HOME_PATH.exec(path);
  if (!match) return undefined;
  const rest = posix.normalize(`/${path.slice(match[0].length)}`).slice(1).replace(/\/+$/, '');
  // `~/../etc` leaves the home: judged as what it is not knowable (the home's own path is unknown).
  if (rest.startsWith('..')) return undefined;
  return { home: match[0], rest };
}

/** Folds `//`, `/./` and `..` and a trailing slash as the kernel does; `/var/run` is a symlink to `/run` on every current distribution. */
function systemPath(path: string): string {
  const normal = posix.normalize(path).replace(/(.)\/+$/, '$1');
  return normal === '/var/run' || normal.startsWith('/var/run/') ? normal.slice('/var'.length) : normal;
}

/**
 * Three rules look up every bind mount, and the same sources recur across a file's services
 * (`/etc/localtime`, the socket): answers are kept, a bounded number, as plain strings to objects.
 */
const answers = new Map<string, HostPathFacts | undefined>();
const MAX_ANSWERS = 4096;

/** What mounting `source` gives the container, or undefined when it is not a known host path (a project directory, an unknown variable). */
export function hostPathFacts(source: string): HostPathFacts | undefined {
  if (answers.has(source)) return answers.get(source);
  const facts = computeFacts(source);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(source, facts);
  return facts;
}

/** `C:\\Users\\me\\.ssh`, `c:/Users/me`: Docker Desktop's Windows paths, written as WSL and Git Bash see them (`/c/Users/me/.ssh`). */
const WINDOWS_DRIVE = /^([A-Za-z]):[\\/]/;

function computeFacts(written: string): HostPathFacts | undefined {
  if (RUNTIME_SOCKET_FILE.test(written)) {
    return { kind: 'runtime-socket', path: written, readOnly: 'error', writable: 'error', reads: "reach the container runtime's whole API" };
  }
  const drive = WINDOWS_DRIVE.exec(written);
  const source = drive ? `/${drive[1].toLowerCase()}/${written.slice(3).replace(/\\/g, '/')}` : written;
  const home = homeRelative(source);
  if (home) {
    const path = home.rest === '' ? '~' : `~/${home.rest}`;
    return lookup(HOME_INDEX, path, (p) => (drive ? written.slice(0, home.home.length) : home.home) + p.slice(1));
  }
  if (!source.startsWith('/') || source.includes('$')) return undefined;
  return lookup(SYSTEM_INDEX, systemPath(source), (p) => p);
}

interface IndexedEntry {
  entry: HostPathEntry;
  segments: string[];
  wildcards: number;
}

function segmentsOf(path: string): string[] {
  return path === '/' ? [] : path.replace(/^\//, '').split('/');
}

/** Entries by their first segment (`etc`, `~`); `/` itself, with none, is in every bucket. No entry starts with `*`. */
interface PathIndex {
  byFirst: Map<string, IndexedEntry[]>;
  root: IndexedEntry[];
}

function indexed(list: readonly HostPathEntry[]): PathIndex {
  const all = list.map((entry) => {
    const segments = segmentsOf(entry.path);
    return { entry, segments, wildcards: segments.filter((s) => s === '*').length };
  });
  const root = all.filter((e) => e.segments.length === 0);
  const byFirst = new Map<string, IndexedEntry[]>();
  for (const e of all) if (e.segments.length > 0) byFirst.set(e.segments[0], [...(byFirst.get(e.segments[0]) ?? root), e]);
  return { byFirst, root };
}

const SYSTEM_INDEX = indexed(HOST_PATHS);
const HOME_INDEX = indexed(HOME_PATHS);

/** The entries that can be at, above or below `segments`: those of its first segment (all of them for `/`). */
function candidatesOf(index: PathIndex, segments: string[]): IndexedEntry[] {
  if (segments.length === 0) return [...index.root, ...[...index.byFirst.values()].flatMap((b) => b.slice(index.root.length))];
  return index.byFirst.get(segments[0]) ?? index.root;
}

/** Whether the first `count` segments of `pattern` (with `*` for any one) match those of `path`. */
function prefixMatches(pattern: string[], path: string[], count: number): boolean {
  for (let i = 0; i < count; i++) if (pattern[i] !== '*' && pattern[i] !== path[i]) return false;
  return true;
}

/** `entry`'s path with the wildcards the looked-up path fills (`/run/user/*` below `/run/user/1000` is `/run/user/1000/…`). */
function concretePath(entry: IndexedEntry, path: string[], render: (p: string) => string): string {
  const filled = entry.segments.map((s, i) => (s === '*' && i < path.length ? path[i] : s));
  return render(entry.entry.path.startsWith('~') ? filled.join('/') : `/${filled.join('/')}`);
}

/**
 * The deepest entry at or above `path` says what it is; entries below it that a parent exposes can only
 * raise that (`/var/lib` holds `/var/lib/docker`), and are then named in the text.
 */
function lookup(index: PathIndex, path: string, render: (p: string) => string): HostPathFacts | undefined {
  const segments = segmentsOf(path);
  let best: IndexedEntry | undefined;
  const below: IndexedEntry[] = [];
  for (const candidate of candidatesOf(index, segments)) {
    const n = candidate.segments.length;
    if (n > segments.length) {
      if (candidate.entry.inParent !== false && prefixMatches(candidate.segments, segments, segments.length)) below.push(candidate);
      continue;
    }
    if (n < segments.length && candidate.entry.exact) continue;
    if (!prefixMatches(candidate.segments, segments, n)) continue;
    if (!best || n > best.segments.length || (n === best.segments.length && candidate.wildcards < best.wildcards)) best = candidate;
  }
  if (best?.entry.coversBelow) below.length = 0;
  const all = best ? [best, ...below] : below;
  if (all.length === 0) return undefined;
  const textOf = (c: IndexedEntry, text: string | undefined) => (text === undefined || c === best ? text : `${text} (in ${concretePath(c, segments, render)})`);
  const readSource = strongest(all, (e) => e.readOnly, (e) => e.reads !== undefined);
  const writeSource = strongest(all, (e) => e.writable, (e) => e.writes !== undefined);
  const readOnly = readSource?.entry.readOnly ?? 'none';
  const writable = LEVELS[Math.max(levelRank(readOnly), ...all.map((c) => levelRank(c.entry.writable)))];
  const writes = writeSource && levelRank(writeSource.entry.writable) >= levelRank(writable) ? textOf(writeSource, writeSource.entry.writes) : undefined;
  // A directory that is nothing itself (`/usr/share`, `/var`) takes the kind of what it holds.
  const bestMatters = best && (best.entry.readOnly !== 'none' || best.entry.writable !== 'none');
  return {
    kind: (bestMatters ? best! : (readSource ?? writeSource ?? all[0])).entry.kind,
    path,
    readOnly,
    writable,
    reads: readSource ? textOf(readSource, readSource.entry.reads) : undefined,
    writes,
    remedy: writeSource === best ? best?.entry.remedy : undefined,
    // Only the path itself: a parent directory mounted read-only hides whatever else it holds from writers.
    onlyRead: best?.entry.onlyRead === true && below.length === 0 && best.segments.length === segments.length ? true : undefined,
  };
}

/** The first candidate (the deepest entry comes first) with the highest level that has its text; undefined when every level is none. */
function strongest(all: IndexedEntry[], level: (e: HostPathEntry) => Level, hasText: (e: HostPathEntry) => boolean): IndexedEntry | undefined {
  let found: IndexedEntry | undefined;
  for (const c of all) {
    if (level(c.entry) === 'none') continue;
    if (!found || levelRank(level(c.entry)) > levelRank(level(found.entry)) || (!hasText(found.entry) && hasText(c.entry) && level(c.entry) === level(found.entry))) found = c;
  }
  return found;
}
