import * as path from 'node:path';
import type { ComposeFiles, FileReadResult } from '../parse/compose/files';

/**
 * Which linted files read which other files (Compose `extends`/`include` targets), so a change to a
 * target re-lints the files built on it. Edges are learnt while linting, from the reader's calls:
 * the parser alone knows which references it followed, chains (a base extending another) included.
 */
export class DependencyMap {
  /** Target path → paths of the files whose last lint read (or looked for) it. */
  private readonly dependentsByTarget = new Map<string, Set<string>>();
  /** Dependent path → the targets of its last lint, so a re-lint forgets references it dropped. */
  private readonly targetsByDependent = new Map<string, Set<string>>();

  /** Forgets what `dependent` read before: a new lint of it is about to record its references afresh. */
  startLint(dependent: string): void {
    const old = this.targetsByDependent.get(dependent);
    if (!old) return;
    for (const target of old) {
      const dependents = this.dependentsByTarget.get(target);
      dependents?.delete(dependent);
      if (dependents?.size === 0) this.dependentsByTarget.delete(target);
    }
    this.targetsByDependent.delete(dependent);
  }

  record(dependent: string, target: string): void {
    if (dependent === target) return;
    let dependents = this.dependentsByTarget.get(target);
    if (!dependents) this.dependentsByTarget.set(target, (dependents = new Set()));
    dependents.add(dependent);
    let targets = this.targetsByDependent.get(dependent);
    if (!targets) this.targetsByDependent.set(dependent, (targets = new Set()));
    targets.add(target);
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
  dependencies.startLint(dependent);
  return {
    path: inner.path,
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
