import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/**
 * Where the CLI keeps V8's code cache of the engine bundle: `CAPDROP_CACHE_DIR`, else `.cache/` in
 * Capdrop's own package directory (`packageRoot`). Not a user-wide cache directory: code read from the
 * cache runs as Capdrop's code, so it lives where only those who could change Capdrop's code itself can
 * write (a CI cache restored into `~/.cache` must not be able to bring code with it). A package
 * directory the user cannot write (a system-wide install) simply has no cache. `CAPDROP_NO_CACHE` (any
 * value) turns the cache off.
 */
export function cacheDirectory(env: Record<string, string | undefined>, packageRoot: string): string | undefined {
  if (env.CAPDROP_NO_CACHE) return undefined;
  return env.CAPDROP_CACHE_DIR || path.join(packageRoot, '.cache');
}

/**
 * The bundle file as written: its inode, size, and modification and change times in nanoseconds. Writing
 * the file (a rebuild, an install) changes its change time, which no one can set back (utimes sets the
 * other two), so a new build never finds an old build's cache. Not a hash of the content: node:crypto
 * alone was ~8 ms of every CLI run, hashing the 0.7 MB ~3 more (profiled).
 */
export function fileIdentity(file: string): string {
  const s = statSync(file, { bigint: true });
  return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].map((n) => n.toString(36)).join('-');
}

/** A bundle loaded as a CommonJS module, and what is needed to save its code cache later. */
export interface CachedModule {
  exports: Record<string, unknown>;
  /** Whether no usable cache was found (none, or V8 rejected it): `save` then writes one. */
  readonly stale: boolean;
  /** Writes the cache, with every function compiled so far; never throws (an unwritable directory just means no cache). */
  save(): void;
}

/**
 * Loads a CommonJS bundle the way `require` does, but compiles it with V8's code cache, so a short CLI
 * run does not parse and compile the 0.5 MB engine from its source every time (81 Compose files:
 * ~0.29 → ~0.245 s wall; Node 22's `module.enableCompileCache` does the same, Node 20 has no such thing).
 *
 * The cache file is named after the Node version and the bundle file's identity: V8 checks only its own
 * version, its flags and the source's *length* before using a cache, so a rebuilt bundle of the same
 * length must not find the old one. V8 verifies the cache's checksum; a rejected one is just rewritten.
 */
export function loadWithCodeCache(file: string, dir: string | undefined): CachedModule {
  const source = readFileSync(file, 'utf8');
  const name = `engine-${process.version}-${fileIdentity(file)}.v8cache`;
  const cacheFile = dir && path.join(dir, name);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // none yet
  }
  // Node's own module wrapper, so the bundle sees the same five names as when it is required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    stale,
    save() {
      if (!stale || !dir || !cacheFile) return;
      // Written aside and renamed: two runs at once must never leave a half-written cache.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
        // Older bundles' caches for this Node version are of no further use.
        const prefix = `engine-${process.version}-`;
        for (const entry of readdirSync(dir)) if (entry.startsWith(prefix) && entry.endsWith('.v8cache') && entry !== name) rmSync(path.join(dir, entry), { force: true });
      } catch {
        // A read-only package directory, a full disk: the next run compiles from source, as without a cache.
        // A half-written file would stay forever (the clean-up above only removes finished caches).
        try {
          rmSync(partial, { force: true });
        } catch {
          // No directory to have written it in.
        }
      }
    },
  };
}
