import { pathsOf, type ComposeFiles, type FileReadResult } from '../parse/compose/files';

/**
 * Which linted files read which other files (Compose `extends`/`include` targets), so a change to a
 * target re-lints the files built on it. Edges are learnt while linting, from the reader's calls:
 * the parser alone knows which references it followed, chains (a base extending another) included.
 *
 * Edges are only added, never dropped when a file stops referring to a target: a reader is also
 * handed out for lints that are not the file's lint of record (fix-all passes over fixed text), so
 * nothing tells which lint is the last. A stale edge costs one needless re-lint; a lost one, a stale
 * problem.
 */
export class DependencyMap {
  /** Target path → paths of the files whose lints read (or looked for) it. */
  private readonly dependentsByTarget = new Map<string, Set<string>>();

  record(dependent: string, target: string): void {
    if (dependent === target) return;
    let dependents = this.dependentsByTarget.get(target);
    if (!dependents) this.dependentsByTarget.set(target, (dependents = new Set()));
    dependents.add(dependent);
  }

  dependentsOf(target: string): string[] {
    return [...(this.dependentsByTarget.get(target) ?? [])];
  }

  /** The files referring to anything under `folder` (a workspace folder added or removed). */
  dependentsUnder(folder: string, isInside: (p: string, folder: string) => boolean): string[] {
    const out = new Set<string>();
    for (const [target, dependents] of this.dependentsByTarget) if (isInside(target, folder)) for (const d of dependents) out.add(d);
    return [...out];
  }
}

/**
 * Wraps a reader so every reference it resolves is recorded against the linted file, and a target
 * open in the editor is read from its unsaved text rather than from disk. The inner reader still
 * decides whether the file may be read at all (inside the workspace), so the overlay cannot widen it.
 */
export function trackingReader(
  inner: ComposeFiles,
  dependencies: DependencyMap,
  openText: (fsPath: string) => string | undefined,
): ComposeFiles {
  const dependent = inner.path;
  const path = pathsOf(inner);
  return {
    path: inner.path,
    paths: inner.paths,
    read(relPath: string, fromFile: string): FileReadResult {
      const result = inner.read(relPath, fromFile);
      // Missing and outside targets are recorded too: creating the file, or adding the workspace
      // folder that holds it, must re-lint the file that looked for it.
      const target = result.status === 'ok' ? result.path : path.resolve(path.dirname(fromFile), relPath);
      dependencies.record(dependent, target);
      if (result.status !== 'ok') return result;
      const unsaved = openText(target);
      return unsaved === undefined ? result : { ...result, text: unsaved };
    },
  };
}
