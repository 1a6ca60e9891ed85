import type { PlatformPath } from 'node:path';
import type { FileDocLinks } from '../engine/docLinks';
import type { ComposeFiles } from '../parse/compose/files';
import type { WorkspaceConfig } from '../handlers/config';
import type { ConfigProblem } from '../engine/config';

/**
 * The local file system as the language server reaches it. The Node server has one (nodeDisk.ts); the
 * browser build has none, so every code path that needs it is skipped there, and the workspace is read
 * through the client instead (handlers/clientScan.ts). Only types here: no Node module is loaded.
 */
export interface LocalDisk {
  /** The file-system path of a `file:` URI; undefined for other schemes (untitled, virtual workspaces). */
  uriToPath(uri: string): string | undefined;
  pathToUri(fsPath: string): string;
  /** The same key for the client's URI of a file and the URI built from its path (they percent-encode differently). */
  uriKey(uri: string): string;
  /** `fs.statSync` (throws as it does, ENOENT for a missing file). */
  stat(fsPath: string): { isFile(): boolean; size: number };
  /** The file as UTF-8 text (throws as `fs.readFileSync` does). */
  readText(fsPath: string): string;
  exists(fsPath: string): boolean;
  /** The real path (links followed), or undefined when it cannot be resolved. */
  realPath(fsPath: string): string | undefined;
  /** The platform's path arithmetic (Windows paths on Windows). */
  paths: Pick<PlatformPath, 'join' | 'relative' | 'basename' | 'sep'>;
  /** A reader of Compose `extends`/`include`/project files that never leaves `roots`. */
  reader(file: string, roots: readonly string[]): ComposeFiles;
  /** The workspace's `.capdrop.yaml` files, found and read as the CLI does. */
  workspaceConfigs(trusted: boolean, mayRead: (fsPath: string) => boolean, onLoaded: (loaded: LoadedWorkspaceConfig) => void): WorkspaceConfigFiles;
  /** Links to the documentation's files beside the running code. */
  docLinks(): FileDocLinks;
  /** A short digest of what was published for a URI (the server keeps digests, not the JSON). */
  digest(uri: string, diagnosticsJson: string): string;
}

/** A `.capdrop.yaml` the server read, with what it found wrong in it. */
export interface LoadedWorkspaceConfig {
  file: string;
  text: string;
  /** What applies to the files it governs (in an untrusted workspace, only what it turns off: `restrictedView`). */
  config: WorkspaceConfig;
  problems: ConfigProblem[];
}

/** What the server asks of the workspace's `.capdrop.yaml` files (handlers/workspaceConfigs.ts). */
export interface WorkspaceConfigFiles {
  clear(): void;
  files(): string[];
  fileFor(fsPath: string, folder: string, isDir?: boolean): string | undefined;
  configFor(fsPath: string, folder: string, isDir?: boolean): WorkspaceConfig;
  load(file: string, folder: string): LoadedWorkspaceConfig | undefined;
  isExcluded(fsPath: string, folder: string, isDir: boolean): boolean;
}
