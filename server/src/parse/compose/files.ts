import * as posixPath from '../../files/posixPath';

/**
 * How the Compose parser reaches other files (`extends: { file }`, `include:`) without doing I/O
 * itself: the CLI and the server inject a reader that only reads inside the roots they trust.
 */
export interface ComposeFiles {
  /** The linted file's absolute path: relative targets in it are resolved from its directory. */
  path: string;
  /**
   * The path arithmetic of the file system read (`node:path` for the CLI's and the server's readers, so
   * Windows paths stay Windows paths); POSIX when absent. Passed in so the parser imports no `node:path`:
   * it also runs in a browser.
   */
  paths?: ComposePaths;
  /** Reads `relPath` as written in `fromFile` (an absolute path this reader returned, or `path`). */
  read(relPath: string, fromFile: string): FileReadResult;
}

/** The calls of `node:path` the Compose project lookup makes. */
export interface ComposePaths {
  dirname(p: string): string;
  basename(p: string): string;
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  /** What separates the files of `COMPOSE_FILE` unless `COMPOSE_PATH_SEPARATOR` says otherwise. */
  delimiter: string;
}

/** The paths of a reader: its own, or POSIX. */
export function pathsOf(files: ComposeFiles): ComposePaths {
  return files.paths ?? posixPath;
}

export type FileReadResult =
  /** `path` is absolute and normalized, so the same file read twice has the same key. */
  | { status: 'ok'; path: string; text: string }
  | { status: 'missing' }
  /** Outside every allowed root (after following symlinks). */
  | { status: 'outside'; shown: string }
  | { status: 'too-large'; shown: string; limit: number };
