import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { emptyConfig } from '../engine/config';
import { findConfigFile } from '../files/configFiles';
import type { WorkspaceConfig } from './config';
import type { LoadedWorkspaceConfig, WorkspaceConfigFiles } from '../files/localDisk';
import { isConfigBaseName, parseWorkspaceConfig, restrictedView } from './workspaceConfigText';

export { parseWorkspaceConfig, restrictedView } from './workspaceConfigText';
export type { LoadedWorkspaceConfig } from '../files/localDisk';

export function isConfigFileName(fsPath: string): boolean {
  return isConfigBaseName(path.basename(fsPath));
}

/**
 * The `.capdrop.yaml` files of the workspace, found as the CLI finds them: for a file, the nearest one in
 * its directory or above, up to its workspace folder (or a directory holding `.git` before it). Read
 * from disk when first needed and kept until `clear()` (a settings change or a changed config file).
 */
export class WorkspaceConfigs implements WorkspaceConfigFiles {
  /** Directory → the config file governing it (undefined: none), as `findConfigFile` learns them. */
  private readonly fileByDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedWorkspaceConfig>();
  private readonly excludeMatchers = new WeakMap<WorkspaceConfig, Ignore>();

  constructor(
    private readonly trusted: boolean,
    /** Whether the server may read this path (it lies in a workspace folder, links resolved). */
    private readonly mayRead: (fsPath: string) => boolean,
    /** Told about every config file read, with its problems (the server shows them in that file). */
    private readonly onLoaded: (loaded: LoadedWorkspaceConfig) => void,
  ) {}

  clear(): void {
    this.fileByDir.clear();
    this.loaded.clear();
  }

  /** Every config file read since the last `clear()`. */
  files(): string[] {
    return [...this.loaded.keys()];
  }

  /** The config file governing `fsPath` (a file, or with `isDir` a directory) inside `folder`, if any. */
  fileFor(fsPath: string, folder: string, isDir = false): string | undefined {
    const dir = isDir ? fsPath : path.dirname(fsPath);
    return findConfigFile(dir, this.fileByDir, folder);
  }

  /** The config that applies to `fsPath` inside `folder`: the nearest file's, or an empty one. */
  configFor(fsPath: string, folder: string, isDir = false): WorkspaceConfig {
    const file = this.fileFor(fsPath, folder, isDir);
    return (file !== undefined ? this.load(file, folder)?.config : undefined) ?? EMPTY;
  }

  /** Reads (once) and validates a config file of `folder`; undefined when it cannot be read. */
  load(file: string, folder: string): LoadedWorkspaceConfig | undefined {
    const known = this.loaded.get(file);
    if (known) return known;
    if (!this.mayRead(file)) return undefined;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const { config, problems } = parseWorkspaceConfig(text);
    const name = path.relative(folder, file).split(path.sep).join('/') || path.basename(file);
    const loaded: LoadedWorkspaceConfig = { file, text, config: this.trusted ? config : restrictedView(config, name), problems };
    this.loaded.set(file, loaded);
    this.onLoaded(loaded);
    return loaded;
  }

  /**
   * Whether the config governing `fsPath` excludes it (gitignore-style patterns relative to the config's
   * directory, as the CLI reads them). For a directory, the config governing it decides, its own included.
   */
  isExcluded(fsPath: string, folder: string, isDir: boolean): boolean {
    const file = this.fileFor(fsPath, folder, isDir);
    const config = file ? this.load(file, folder)?.config : undefined;
    if (!file || !config || config.exclude.length === 0) return false;
    const rel = path.relative(path.dirname(file), fsPath).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) return false;
    let matcher = this.excludeMatchers.get(config);
    if (!matcher) this.excludeMatchers.set(config, (matcher = ignore().add([...config.exclude])));
    return matcher.ignores(isDir ? `${rel}/` : rel);
  }
}

const EMPTY: WorkspaceConfig = emptyConfig();
