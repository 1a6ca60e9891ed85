import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { detectKind, type FileKind } from '../server/src/parse';

/** A file to lint: named on the command line (`explicit`), or found by walking a directory. */
export interface Target {
  file: string;
  explicit: boolean;
  /** Known from the file name; undefined for an explicit file with an unfamiliar name (sniffed later). */
  kind?: FileKind;
  /** A YAML file found by walking whose name tells nothing: linted only when its content is a Kubernetes manifest. */
  byContent?: boolean;
}

const YAML_NAME = /\.ya?ml$/i;

export class IoError extends Error {}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface IgnoreLayer {
  base: string;
  matcher: Ignore;
}

function readIgnoreFile(dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, matcher: ignore().add(text) };
}

/** The .gitignore files above `dir` that still apply to it: up to the repository root (the directory holding .git). */
function inheritedLayers(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let repoRoot: string | undefined;
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  for (;;) {
    chain.push(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      repoRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!repoRoot) return [];
  return chain
    .reverse()
    .map(readIgnoreFile)
    .filter((l): l is IgnoreLayer => l !== undefined);
}

function isIgnored(layers: readonly IgnoreLayer[], file: string, isDir: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = path.relative(layer.base, file).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const result = layer.matcher.test(isDir ? `${rel}/` : rel);
    // Deeper .gitignore files win, as in git: a negation there re-includes what a parent excluded.
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function walkDir(dir: string, layers: IgnoreLayer[], out: Target[], gitignore: boolean): void {
  const own = gitignore ? readIgnoreFile(dir) : undefined;
  const here = own ? [...layers, own] : layers;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new IoError(`cannot read directory ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files, not to directories: a directory link can loop.
      try {
        isFile = fs.statSync(full).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (!isDir && !isFile) continue;
    if (isIgnored(here, full, isDir)) continue;
    if (isDir) walkDir(full, here, out, gitignore);
    else {
      const kind = detectKind(full); // the whole path: CI workflows are recognised by their folder
      if (kind) out.push({ file: full, explicit: false, kind });
      else if (YAML_NAME.test(entry.name)) out.push({ file: full, explicit: false, byContent: true });
    }
  }
}

/**
 * Expands command-line paths (not `-`) into files; a missing path is an IoError. `gitignore: false`
 * walks past the .gitignore files too (`--disregard-suppressions`).
 */
export function collectTargets(paths: readonly string[], cwd: string, { gitignore = true }: { gitignore?: boolean } = {}): Target[] {
  const out: Target[] = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new IoError(code === 'ENOENT' ? `no such file or directory: ${p}` : `cannot access ${p}: ${code ?? (err as Error).message}`);
    }
    if (stat.isDirectory()) {
      const inherited = gitignore ? inheritedLayers(full) : [];
      // A directory named on the command line is linted even when the repository ignores it.
      walkDir(full, isIgnored(inherited, full, true) ? [] : inherited, out, gitignore);
    }
    else out.push({ file: full, explicit: true, kind: detectKind(full) });
  }
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.file) ? false : (seen.add(t.file), true)));
}

/** Whether a config's `exclude` patterns (relative to the config's directory) match a file. */
export function isExcluded(patterns: readonly string[], configDir: string, file: string): boolean {
  if (patterns.length === 0) return false;
  const rel = path.relative(configDir, file).split(path.sep).join('/');
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return ignore().add([...patterns]).ignores(rel);
}
