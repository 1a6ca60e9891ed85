import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ComposeFiles, FileReadResult } from '../parse/compose/files';

/** Files referenced by `extends`/`include` larger than this are not read. */
export const DEFAULT_MAX_REFERENCED_FILE_SIZE = 1024 * 1024;

export interface RootedReaderOptions {
  /** The linted file (absolute). */
  file: string;
  /** Directories whose trees may be read: the workspace folders, or the CLI's working directory and arguments. */
  roots: readonly string[];
  maxFileSize?: number;
  /**
   * Directory listings shared by the readers of one run (the CLI's), so the many reads of a Compose
   * project's files that are not there (`.env`, override files) cost no system call each: directory →
   * its entries' names lower-cased (undefined when it cannot be listed). Only for runs in which no file
   * is created.
   */
  listings?: Map<string, Set<string> | undefined>;
}

/**
 * A reader for `extends`/`include` targets that never leaves the allowed roots: the target's real
 * path (symlinks followed) must lie inside the real path of a root, so neither `../` nor a link can
 * reach outside. Roots are resolved lazily, so a file with no references costs nothing.
 */
export function createRootedReader(options: RootedReaderOptions): ComposeFiles {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_REFERENCED_FILE_SIZE;
  let realRoots: string[] | undefined;
  const roots = (): string[] => (realRoots ??= options.roots.flatMap((r) => realPath(path.resolve(r)) ?? []));
  let resolvedRoots: string[] | undefined;
  const namedRoots = (): string[] => (resolvedRoots ??= options.roots.map((r) => path.resolve(r)));
  return {
    path: path.resolve(options.file),
    paths: path,
    read(relPath: string, fromFile: string): FileReadResult {
      const candidate = path.resolve(path.dirname(fromFile), relPath);
      // Most reads look for a Compose project's files that are not there (.env, override files): a stat that
      // throws nothing answers them, where realpath's exception cost ~0.07 ms each (profiled).
      const real = mayExist(candidate, options.listings) && exists(candidate) ? realPath(candidate) : undefined;
      if (real === undefined) {
        // Not there: say "outside" only when the name itself points out, so nothing is probed beyond it.
        return isWithinAny(candidate, namedRoots()) ? { status: 'missing' } : { status: 'outside', shown: candidate };
      }
      if (!isWithinAny(real, roots())) return { status: 'outside', shown: real === candidate ? candidate : `${candidate} -> ${real}` };
      try {
        const stat = fs.statSync(real);
        if (!stat.isFile()) return { status: 'missing' };
        if (stat.size > maxFileSize) return { status: 'too-large', shown: candidate, limit: maxFileSize };
        const text = fs.readFileSync(real, 'utf8');
        return { status: 'ok', path: candidate, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
      } catch {
        return { status: 'missing' };
      }
    },
  };
}

/** False when a shared listing of the file's directory has no entry of its name (in any case: the file system may ignore it). */
export function mayExist(p: string, listings: Map<string, Set<string> | undefined> | undefined): boolean {
  if (!listings) return true;
  const dir = path.dirname(p);
  let names = listings.get(dir);
  if (!listings.has(dir)) {
    try {
      names = new Set(fs.readdirSync(dir).map((n) => n.toLowerCase()));
    } catch {
      names = undefined;
    }
    listings.set(dir, names);
  }
  return names === undefined || names.has(path.basename(p).toLowerCase());
}

function exists(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * Whether `p` is a root or lies below one; both are absolute and normalized (path.resolve, realpath).
 * A prefix test rather than path.relative: the CLI's roots include the folder of every file it was given,
 * and each missing project file was tested against all of them (81 Compose files: ~14 ms of the run, profiled).
 */
function isWithinAny(p: string, roots: readonly string[]): boolean {
  // Windows paths compare without case, as path.win32.relative does.
  const fold = (s: string) => (path.sep === '\\' ? s.toLowerCase() : s);
  const target = fold(p);
  return roots.some((r) => {
    const root = fold(r);
    return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
}

/**
 * The CLI's roots: the working directory and the tree of each path it was given (a directory itself,
 * or a file's directory), so `capdrop ../other/compose.yaml` may follow references next to that file.
 */
export function cliRoots(cwd: string, paths: readonly string[]): string[] {
  const roots = new Set([path.resolve(cwd)]);
  for (const p of paths) {
    if (p === '-') continue;
    const full = path.resolve(cwd, p);
    let isDir = false;
    try {
      isDir = fs.statSync(full).isDirectory();
    } catch {
      // A missing path is reported by the walk; it adds no root.
      continue;
    }
    roots.add(isDir ? full : path.dirname(full));
  }
  return [...roots];
}
