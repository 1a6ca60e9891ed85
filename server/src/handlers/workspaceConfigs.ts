import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE_NAMES, emptyConfig, findConfigFile, parseConfig, type ConfigProblem } from '../engine/config';
import { rules as registeredRules } from '../../../rules';
import type { WorkspaceConfig } from './config';

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(registeredRules));

/** A `.capdrop.yaml` the server read, with what it found wrong in it. */
export interface LoadedWorkspaceConfig {
  file: string;
  text: string;
  /** What applies to the files it governs (in an untrusted workspace, only what it turns off: `restrictedView`). */
  config: WorkspaceConfig;
  problems: ConfigProblem[];
}

/** Reads a `.capdrop.yaml` as data only (never evaluated), through the loader the CLI uses. */
export function parseWorkspaceConfig(text: string): { config: WorkspaceConfig; problems: ConfigProblem[] } {
  const { config, problems } = parseConfig(text.replace(/^\uFEFF/, ''), KNOWN_RULE_IDS);
  return { config, problems };
}

/**
 * What an untrusted workspace's `.capdrop.yaml` may do: nothing but say which rules it would turn off
 * (`name` is how the file is named in that note). Its severities, preset, excludes, limits, hosts and
 * size bounds are not used: a repository under review cannot change what its reviewer sees.
 */
export function restrictedView(config: WorkspaceConfig, name: string): WorkspaceConfig {
  const shownOff: Record<string, string> = {};
  for (const [id, severity] of Object.entries(config.rules)) if (severity === 'off') shownOff[id] = `${name}: ${id}: off`;
  return { ...emptyConfig(), shownOff };
}

export function isConfigFileName(fsPath: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(fsPath));
}

/**
 * The `.capdrop.yaml` files of the workspace, found as the CLI finds them: for a file, the nearest one in
 * its directory or above, up to its workspace folder (or a directory holding `.git` before it). Read
 * from disk when first needed and kept until `clear()` (a settings change or a changed config file).
 */
export class WorkspaceConfigs {
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
