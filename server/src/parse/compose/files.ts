/**
 * How the Compose parser reaches other files (`extends: { file }`, `include:`) without doing I/O
 * itself: the CLI and the server inject a reader that only reads inside the roots they trust.
 */
export interface ComposeFiles {
  /** The linted file's absolute path: relative targets in it are resolved from its directory. */
  path: string;
  /** Reads `relPath` as written in `fromFile` (an absolute path this reader returned, or `path`). */
  read(relPath: string, fromFile: string): FileReadResult;
}

export type FileReadResult =
  /** `path` is absolute and normalized, so the same file read twice has the same key. */
  | { status: 'ok'; path: string; text: string }
  | { status: 'missing' }
  /** Outside every allowed root (after following symlinks). */
  | { status: 'outside'; shown: string }
  | { status: 'too-large'; shown: string; limit: number };
