import { realpathSync } from 'node:fs';
import type { FixSettings, SeveritySetting } from '../engine/ruleApi';
import type { LintOptions, Preset } from '../engine/lint';
import { PRESETS as ALL_PRESETS } from '../engine/ruleApi';
import { createRootedReader } from '../files/rootedReader';
import { HOST_KINDS, type HostKind } from '../parse';
import { emptyConfig, formatConfigProblem, parseConfig, type CapdropConfig } from '../engine/config';
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
};

/** A workspace `.capdrop.yaml`, read by the loader the CLI uses too, with its problems as text. */
export interface WorkspaceConfig extends CapdropConfig {
  /** Problems in the file; the server logs them and uses what was valid. */
  problems: string[];
}

export const EMPTY_WORKSPACE_CONFIG: WorkspaceConfig = { ...emptyConfig(), problems: [] };

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
  };
}

/** Reads a `.capdrop.yaml` as data only (never evaluated), through the shared loader. */
export function parseWorkspaceConfig(text: string, file: string): WorkspaceConfig {
  const { config, problems } = parseConfig(text.replace(/^\uFEFF/, ''), KNOWN_RULE_IDS);
  return { ...config, problems: problems.map((p) => formatConfigProblem(file, p)) };
}

/**
 * Combines the workspace file and the user's settings. Editor settings win over the workspace file,
 * since they are the user's explicit choice for this editor; rules left at "default" defer to the file.
 */
export function toLintOptions(settings: ServerSettings, workspace: WorkspaceConfig): LintOptions {
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
  };
}

export const WORKSPACE_CONFIG_NAMES = ['.capdrop.yaml', '.capdrop.yml'];

/** Where the server gets settings from; the connection in production, a stub in tests. */
export interface SettingsSource {
  /** The `capdrop` section and VS Code's `files.exclude`, or undefined when the client cannot be asked. */
  fetch(): Promise<{ capdrop: unknown; filesExclude: unknown } | undefined>;
  readFile(fsPath: string): Promise<string | undefined>;
  log(message: string): void;
}

/**
 * The current settings, plus the `.capdrop.yaml` of each workspace folder. In an untrusted workspace
 * the file is not read at all: a cloned repository must not be able to turn rules off unseen.
 */
export class ConfigStore {
  settings: ServerSettings = { ...DEFAULT_SETTINGS };
  filesExclude: string[] = [];
  private pushedSettings: unknown;
  private readonly folderConfigs = new Map<string, WorkspaceConfig>();
  /** `scanOptionsFor`'s objects, for the settings they were made from. */
  private scanOptions: { settings: ServerSettings; byConfig: Map<WorkspaceConfig, LintOptions> } | undefined;
  private folders: readonly string[] = [];
  /** Which files read which `extends`/`include` targets, learnt by the readers handed out below. */
  readonly dependencies = new DependencyMap();
  /** The unsaved text of a file open in the editor, which references to it read instead of the disk. */
  openText: (fsPath: string) => string | undefined = () => undefined;

  constructor(
    private readonly source: SettingsSource,
    private readonly trusted: boolean,
  ) {}

  /**
   * Whether the server may read this file from disk: its real path (links followed) lies inside a
   * workspace folder, so a link in the workspace cannot make it read a file outside. Without folders
   * only files the user opened reach the disk reader.
   */
  mayReadFromDisk(fsPath: string): boolean {
    if (this.folders.length === 0) return true;
    const real = realPathOf(fsPath);
    return real !== undefined && this.folders.some((folder) => {
      const root = realPathOf(folder);
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
    this.folderConfigs.clear();
    if (!this.trusted) return;
    for (const folder of folders) {
      for (const name of WORKSPACE_CONFIG_NAMES) {
        const file = `${folder.replace(/[\\/]+$/, '')}/${name}`;
        const text = await this.source.readFile(file);
        if (text === undefined) continue;
        const config = parseWorkspaceConfig(text, file);
        for (const problem of config.problems) this.source.log(problem);
        this.folderConfigs.set(folder, config);
        break;
      }
    }
  }

  /** The workspace file that applies to a path: the one of the innermost folder holding it. */
  workspaceConfigFor(fsPath: string | undefined): WorkspaceConfig {
    let best: string | undefined;
    for (const folder of this.folderConfigs.keys()) {
      if (fsPath === undefined || !isInside(fsPath, folder)) continue;
      if (!best || folder.length > best.length) best = folder;
    }
    if (best) return this.folderConfigs.get(best)!;
    // Untitled documents take the first folder's file: it is the workspace they are written in.
    if (fsPath === undefined) return this.folderConfigs.values().next().value ?? EMPTY_WORKSPACE_CONFIG;
    return EMPTY_WORKSPACE_CONFIG;
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
      options = toLintOptions(this.settings, workspace);
      options.maxFileSize ??= this.settings.maxFileSize;
      this.scanOptions.byConfig.set(workspace, options);
    }
    return options;
  }

  lintOptionsFor(fsPath: string | undefined): LintOptions {
    const options = toLintOptions(this.settings, this.workspaceConfigFor(fsPath));
    // Compose `extends`/`include` targets are read only inside the workspace folders (issue 6).
    if (fsPath !== undefined && this.folders.length > 0) {
      options.files = trackingReader(createRootedReader({ file: fsPath, roots: this.folders }), this.dependencies, this.openText);
    }
    return options;
  }

  /** The gitignore-style `exclude` patterns of that folder's `.capdrop.yaml` (relative to the folder). */
  workspaceExcludes(folder: string): string[] {
    return this.folderConfigs.get(folder)?.exclude ?? [];
  }
}

function realPathOf(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

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
