import type { FixSettings, SeveritySetting } from '../engine/ruleApi';
import type { LintOptions, Preset } from '../engine/lint';
import { PRESETS as ALL_PRESETS } from '../engine/ruleApi';
import { HOST_KINDS, type HostKind } from '../parse';
import { emptyConfig, formatConfigProblem, type CapdropConfig } from '../engine/config';
import type { LocalDisk, LoadedWorkspaceConfig, WorkspaceConfigFiles } from '../files/localDisk';
import { rules as registeredRules } from '../../../rules';
import { DependencyMap, trackingReader } from './dependents';

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(registeredRules));

/** The `capdrop.*` settings, as the client reports them through workspace/configuration. */
export interface ServerSettings {
  enable: boolean;
  preset: Preset;
  rules: Record<string, SeveritySetting | 'default'>;
  exclude: string[];
  limits: { memory?: string; cpus?: string; pids?: string };
  validationDelayMs: number;
  maxFileSize: number;
  /** `capdrop.maxAliasNodes`: the alias expansion bound of Compose files. */
  maxAliasNodes: number;
  /** `capdrop.hosts.*`: host file kinds (Markdown, Makefiles…) the user turned off are false. */
  hosts: Record<HostKind, boolean>;
  /** `capdrop.compose.environment`: the variables Compose projects are interpolated with (never the server's own environment). */
  composeEnvironment: Record<string, string>;
  /** `capdrop.fixOnSave.rules`: rule ids whose fixes run on save besides the safe ones; `!id` keeps a rule's out. */
  fixOnSaveRules: string[];
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  preset: 'recommended',
  rules: {},
  exclude: [],
  limits: {},
  validationDelayMs: 200,
  maxFileSize: 5_000_000,
  maxAliasNodes: 100_000,
  hosts: { markdown: true, makefile: true, ci: true, devcontainer: true },
  composeEnvironment: {},
  fixOnSaveRules: [],
};

/** A workspace `.capdrop.yaml`, read by the loader the CLI uses too (handlers/workspaceConfigs.ts). */
export interface WorkspaceConfig extends CapdropConfig {
  /**
   * In an untrusted workspace: the rules the file turns off, each with what says so. They are shown at
   * information level rather than hidden (LintOptions.shownOff); nothing else of the file applies.
   */
  shownOff?: Record<string, string>;
}

export const EMPTY_WORKSPACE_CONFIG: WorkspaceConfig = emptyConfig();

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);
const PRESETS: ReadonlySet<string> = new Set(ALL_PRESETS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function readLimits(v: unknown): ServerSettings['limits'] {
  if (!isRecord(v)) return {};
  const out: ServerSettings['limits'] = {};
  for (const key of ['memory', 'cpus', 'pids'] as const) {
    const s = scalarString(v[key]);
    if (s) out[key] = s;
  }
  return out;
}

/** `capdrop.rules`: "default" (or anything unexpected) leaves the rule to the preset and the workspace file. */
function readRules(v: unknown): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (!isRecord(v)) return out;
  for (const [id, sev] of Object.entries(v)) if (typeof sev === 'string' && SEVERITIES.has(sev)) out[id] = sev as SeveritySetting;
  return out;
}

/** Names Compose could read (no `=`, no NUL); values that are not strings are left out. */
function readEnvironment(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [name, value] of Object.entries(v)) if (typeof value === 'string' && /^[^=\0]+$/.test(name)) out[name] = value;
  return out;
}

function readHosts(v: unknown): Record<HostKind, boolean> {
  const out = { ...DEFAULT_SETTINGS.hosts };
  if (isRecord(v)) for (const kind of HOST_KINDS) if (typeof v[kind] === 'boolean') out[kind] = v[kind];
  return out;
}

/** Reads the untyped settings object defensively: a bad value falls back to its default, never throws. */
export function normalizeSettings(raw: unknown): ServerSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : DEFAULT_SETTINGS.enable,
    preset: typeof raw.preset === 'string' && PRESETS.has(raw.preset) ? (raw.preset as Preset) : DEFAULT_SETTINGS.preset,
    rules: readRules(raw.rules),
    exclude: stringList(raw.exclude),
    limits: readLimits(raw.limits),
    validationDelayMs: num(raw.validationDelayMs, DEFAULT_SETTINGS.validationDelayMs),
    maxFileSize: num(raw.maxFileSize, DEFAULT_SETTINGS.maxFileSize),
    maxAliasNodes: num(raw.maxAliasNodes, DEFAULT_SETTINGS.maxAliasNodes),
    hosts: readHosts(raw.hosts),
    composeEnvironment: readEnvironment(isRecord(raw.compose) ? raw.compose.environment : undefined),
    fixOnSaveRules: isRecord(raw.fixOnSave) ? stringList(raw.fixOnSave.rules).filter((id) => KNOWN_RULE_IDS.has(id.replace(/^!/, ''))) : [],
  };
}

/**
 * Combines the workspace file and the user's settings. Editor settings win over the workspace file,
 * since they are the user's explicit choice for this editor; rules left at "default" defer to the file.
 * In an untrusted workspace (`trusted` false) capdrop-ignore comments are shown rather than applied.
 */
export function toLintOptions(settings: ServerSettings, workspace: WorkspaceConfig, trusted = true): LintOptions {
  const rules: Record<string, SeveritySetting> = { ...workspace.rules };
  for (const [id, sev] of Object.entries(settings.rules)) if (sev !== 'default') rules[id] = sev;
  const fix: Partial<FixSettings> = { ...workspace.limits, ...settings.limits };
  if (workspace.user) fix.uid = workspace.user;
  return {
    preset: settings.preset !== DEFAULT_SETTINGS.preset ? settings.preset : (workspace.preset ?? settings.preset),
    rules,
    settings: fix,
    withFixes: true,
    // A host is linted only when neither the editor setting nor the workspace file turns it off.
    hosts: Object.fromEntries(HOST_KINDS.map((k) => [k, settings.hosts[k] && workspace.hosts?.[k] !== false])),
    // Like the preset: a size the user set wins; left at the default, the workspace file may set it.
    maxFileSize: settings.maxFileSize !== DEFAULT_SETTINGS.maxFileSize ? settings.maxFileSize : (workspace.maxFileSize ?? settings.maxFileSize),
    maxAliasNodes: settings.maxAliasNodes !== DEFAULT_SETTINGS.maxAliasNodes ? settings.maxAliasNodes : (workspace.maxAliasNodes ?? settings.maxAliasNodes),
    // Only the workspace file sets it: which registries a project trusts belongs to the project.
    ...(workspace.trustedRegistries ? { trustedRegistries: [...workspace.trustedRegistries] } : {}),
    ...(Object.keys(settings.composeEnvironment).length ? { compose: { environment: settings.composeEnvironment } } : {}),
    suppressions: trusted ? 'apply' : 'show',
    ...(workspace.shownOff && Object.keys(workspace.shownOff).length ? { shownOff: workspace.shownOff } : {}),
  };
}

/** Where the server gets settings from; the connection in production, a stub in tests. */
export interface SettingsSource {
  /** The `capdrop` section and VS Code's `files.exclude`, or undefined when the client cannot be asked. */
  fetch(): Promise<{ capdrop: unknown; filesExclude: unknown } | undefined>;
  log(message: string): void;
}

/**
 * The current settings, plus the `.capdrop.yaml` files of the workspace folders: each file gets the
 * nearest one in its directory or above, up to its folder, as on the command line. In an untrusted
 * workspace such a file only names the rules it would turn off, which are then shown at information
 * level (`restrictedView`): a cloned repository must not be able to turn rules off unseen.
 */
export class ConfigStore {
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  filesExclude: string[] = [];
  private pushedSettings: unknown;
  /** The `.capdrop.yaml` files, read when first needed (none without a disk). */
  readonly workspaceConfigs: WorkspaceConfigFiles;
  /** Told about every `.capdrop.yaml` read, with its problems (the server shows them in that file). */
  onConfigLoaded: (loaded: LoadedWorkspaceConfig) => void = () => undefined;
  /** `scanOptionsFor`'s objects, for the settings they were made from. */
  private scanOptions: { settings: ServerSettings; byConfig: Map<WorkspaceConfig, LintOptions> } | undefined;
  private folders: readonly string[] = [];
  /** Which files read which `extends`/`include` targets, learnt by the readers handed out below. */
  readonly dependencies = new DependencyMap();
  /** The unsaved text of a file open in the editor, which references to it read instead of the disk. */
  openText: (fsPath: string) => string | undefined = () => undefined;

  constructor(
    private readonly source: SettingsSource,
    /** Whether the workspace is trusted (Restricted Mode when not): then the repository's own suppressions apply. */
    readonly trusted: boolean,
    /** The local file system; without one (the browser) no `.capdrop.yaml` and no referenced file is read. */
    readonly disk?: LocalDisk,
  ) {
    const onLoaded = (loaded: LoadedWorkspaceConfig) => {
      if (this.trusted) for (const p of loaded.problems) this.source.log(formatConfigProblem(loaded.file, p));
      this.onConfigLoaded(loaded);
    };
    this.workspaceConfigs = disk ? disk.workspaceConfigs(trusted, (p) => this.mayReadFromDisk(p), onLoaded) : NO_CONFIG_FILES;
  }

  /**
   * Whether the server may read this file from disk: its real path (links followed) lies inside a
   * workspace folder, so a link in the workspace cannot make it read a file outside. Without folders
   * only files the user opened reach the disk reader.
   */
  mayReadFromDisk(fsPath: string): boolean {
    const disk = this.disk;
    if (!disk) return false;
    if (this.folders.length === 0) return true;
    const real = disk.realPath(fsPath);
    return real !== undefined && this.folders.some((folder) => {
      const root = disk.realPath(folder);
      return root !== undefined && isInside(real, root);
    });
  }

  /** Settings sent with workspace/didChangeConfiguration, used when the client cannot be asked. */
  setPushedSettings(settings: unknown): void {
    this.pushedSettings = settings;
  }

  async reload(folders: readonly string[]): Promise<void> {
    this.folders = folders;
    const fetched = await this.source.fetch();
    const rawCapdrop = fetched ? fetched.capdrop : (this.pushedSettings as Record<string, unknown> | undefined)?.capdrop;
    this.settings = normalizeSettings(rawCapdrop);
    this.filesExclude = enabledGlobs(fetched?.filesExclude);
    // Read again when needed. The files at the folders' roots are read now, so their problems show at once.
    this.workspaceConfigs.clear();
    for (const folder of folders) {
      const file = this.workspaceConfigs.fileFor(folder, folder, true);
      if (file) this.workspaceConfigs.load(file, folder);
    }
  }

  /** The innermost workspace folder holding a path. */
  folderOf(fsPath: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (isInside(fsPath, folder) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  /**
   * The workspace file that applies to a path: the nearest `.capdrop.yaml` up to its workspace folder.
   * Untitled documents take the first folder's root file: it is the workspace they are written in.
   */
  workspaceConfigFor(fsPath: string | undefined): WorkspaceConfig {
    if (fsPath === undefined) return this.folders.length ? this.workspaceConfigs.configFor(this.folders[0], this.folders[0], true) : EMPTY_WORKSPACE_CONFIG;
    const folder = this.folderOf(fsPath);
    return folder ? this.workspaceConfigs.configFor(fsPath, folder) : EMPTY_WORKSPACE_CONFIG;
  }

  /** Reads a `.capdrop.yaml` of the workspace (it shows its problems through `onConfigLoaded`). */
  validateConfigFile(fsPath: string): void {
    const folder = this.folderOf(fsPath);
    if (folder) this.workspaceConfigs.load(fsPath, folder);
  }

  /** The `.capdrop.yaml` governing a path, if any (the one `workspaceConfigFor` reads). */
  workspaceConfigFileFor(fsPath: string): string | undefined {
    const folder = this.folderOf(fsPath);
    return folder ? this.workspaceConfigs.fileFor(fsPath, folder) : undefined;
  }

  /**
   * The lint options of a workspace-scan job: `lintOptionsFor` without the reader of other files (a worker
   * hands files that read others back to this thread). One object per folder configuration, shared by all
   * of its files until the settings change: a batch's jobs then cross to the worker with one copy of it
   * (a structured clone keeps shared references), and no reader is built per file only to be dropped.
   * Callers must not change it.
   */
  scanOptionsFor(fsPath: string): Readonly<LintOptions> {
    const workspace = this.workspaceConfigFor(fsPath);
    if (this.scanOptions?.settings !== this.settings) this.scanOptions = { settings: this.settings, byConfig: new Map() };
    let options = this.scanOptions.byConfig.get(workspace);
    if (!options) {
      options = toLintOptions(this.settings, workspace, this.trusted);
      options.maxFileSize ??= this.settings.maxFileSize;
      this.scanOptions.byConfig.set(workspace, options);
    }
    return options;
  }

  lintOptionsFor(fsPath: string | undefined): LintOptions {
    const options = toLintOptions(this.settings, this.workspaceConfigFor(fsPath), this.trusted);
    // Compose `extends`/`include` targets are read only inside the workspace folders (issue 6).
    if (fsPath !== undefined && this.folders.length > 0 && this.disk) {
      options.files = trackingReader(this.disk.reader(fsPath, this.folders), this.dependencies, this.openText);
    }
    return options;
  }

  /**
   * Whether the workspace scan leaves a file (or a directory) of `folder` out because the `.capdrop.yaml`
   * governing it excludes it. Never in an untrusted workspace, whose files exclude nothing.
   */
  excludedByConfig(fsPath: string, folder: string, isDir: boolean): boolean {
    return this.trusted && this.workspaceConfigs.isExcluded(fsPath, folder, isDir);
  }
}

/** Where there is no disk: no `.capdrop.yaml` is found, so every file gets the editor's settings alone. */
const NO_CONFIG_FILES: WorkspaceConfigFiles = {
  clear: () => undefined,
  files: () => [],
  fileFor: () => undefined,
  configFor: () => EMPTY_WORKSPACE_CONFIG,
  load: () => undefined,
  isExcluded: () => false,
};

export function isInside(fsPath: string, folder: string): boolean {
  const f = folder.replace(/[\\/]+$/, '');
  return fsPath === f || fsPath.startsWith(f + '/') || fsPath.startsWith(f + '\\');
}

/**
 * `files.exclude` maps glob → boolean or a `when` sibling clause; the clauses are skipped, since
 * honouring them half-way would hide files that are not hidden in the explorer.
 */
function enabledGlobs(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
