import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { FixSettings, SeveritySetting } from './ruleApi';
import type { LintOptions, Preset } from './lint';
import { PRESETS as ALL_PRESETS } from './ruleApi';
import { HOST_KINDS, type HostKind } from '../parse';
import { TRUSTED_REGISTRY_ENTRY } from '../model/imageRef';

/** The names Capdrop looks for, in this order, in each directory. */
export const CONFIG_FILE_NAMES = ['.capdrop.yaml', '.capdrop.yml'] as const;

/** A `.capdrop.yaml` after validation. Fields the file did not set (or set wrongly) are absent. */
export interface CapdropConfig {
  preset?: Preset;
  rules: Record<string, SeveritySetting>;
  /** gitignore-style patterns, relative to the directory holding the config file. */
  exclude: string[];
  limits: { memory?: string; cpus?: string; pids?: string };
  /** The uid fixes use when they set a non-root user. */
  user?: string;
  /** Host file kinds turned on or off (`hosts: { markdown: false }`); absent kinds stay on. */
  hosts?: Partial<Record<HostKind, boolean>>;
  /** Files larger than this many bytes are skipped (docs/limits.md). */
  maxFileSize?: number;
  /** Compose files whose aliases expand to more nodes are refused (docs/limits.md). */
  maxAliasNodes?: number;
  /** Registries images may come from (pin-image-version); absent, any registry is trusted. */
  trustedRegistries?: string[];
}

/** A problem in a config file; 1-based line/column when known. */
export interface ConfigProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface LoadedConfig {
  config: CapdropConfig;
  problems: ConfigProblem[];
  /** The file it came from (undefined for the defaults). */
  file?: string;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
export const PRESETS: readonly Preset[] = ALL_PRESETS;
/** The keys a config file may have (the JSON schema, schemas/capdrop.schema.json, lists the same). */
export const TOP_KEYS: readonly string[] = ['preset', 'rules', 'exclude', 'limits', 'user', 'hosts', 'maxFileSize', 'maxAliasNodes', 'trustedRegistries'];
export const LIMIT_KEYS: readonly string[] = ['memory', 'cpus', 'pids'];

export function emptyConfig(): CapdropConfig {
  return { rules: {}, exclude: [], limits: {} };
}

/**
 * Validates the text of a config file. The file is read as YAML data only (no tags that build objects,
 * nothing evaluated). Every unknown key and bad value is a problem and is left out of the result;
 * a file that is not YAML at all gives one problem and the defaults.
 */
export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>): { config: CapdropConfig; problems: ConfigProblem[] } {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', merge: false });
  } catch (err) {
    return { config, problems: [{ message: `not valid YAML (${(err as Error).message}); using the defaults` }] };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0];
    return { config: emptyConfig(), problems: [{ message: `not valid YAML (${reason}); using the defaults`, line: pos.line, column: pos.col }] };
  }

  const at = (node: Node | null | undefined, message: string): void => {
    const offset = node?.range?.[0];
    if (offset === undefined) problems.push({ message });
    else {
      const pos = lineCounter.linePos(offset);
      problems.push({ message, line: pos.line, column: pos.col });
    }
  };

  // A tag (`!!js/function`, `!custom`) is never resolved into anything but the plain text: say so rather than ignore it.
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    problems.push({ message: `${warning.message.split('\n')[0]}: the config is plain data, tags are ignored`, line: pos.line, column: pos.col });
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    at(root, 'the config must be a mapping (preset, rules, exclude, limits, user); using the defaults');
    return { config, problems };
  }

  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const value = pair.value as Node | null;
    if (key === undefined || !TOP_KEYS.includes(key)) {
      at(keyNode, `unknown key "${key ?? '?'}" (expected one of: ${TOP_KEYS.join(', ')})`);
      continue;
    }
    switch (key) {
      case 'preset': {
        const v = scalarString(value);
        if (v !== undefined && (PRESETS as readonly string[]).includes(v)) config.preset = v as Preset;
        else at(value ?? keyNode, `preset must be one of ${PRESETS.join(', ')}`);
        break;
      }
      case 'rules': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          at(value ?? keyNode, 'rules must be a mapping of rule id to off|info|warning|error');
          break;
        }
        for (const rp of value.items) {
          const rk = rp.key as Node | null;
          const id = isScalar(rk) ? String(rk.value) : '?';
          const sev = scalarString(rp.value as Node | null);
          if (!knownRuleIds.has(id)) at(rk, `unknown rule "${id}"`);
          else if (sev === undefined || !(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
            at((rp.value as Node | null) ?? rk, `rule "${id}": severity must be one of ${SEVERITY_SETTINGS.join(', ')}`);
          } else config.rules[id] = sev as SeveritySetting;
        }
        break;
      }
      case 'exclude': {
        if (isScalar(value) && value.value === null) break;
        if (!isSeq(value)) {
          at(value ?? keyNode, 'exclude must be a list of glob patterns');
          break;
        }
        for (const item of value.items) {
          const glob = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : undefined;
          if (glob) config.exclude.push(glob);
          else at(item as Node, 'exclude: each entry must be a non-empty glob pattern string');
        }
        break;
      }
      case 'limits': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          at(value ?? keyNode, 'limits must be a mapping with memory, cpus and/or pids');
          break;
        }
        for (const lp of value.items) {
          const lk = lp.key as Node | null;
          const name = isScalar(lk) ? String(lk.value) : '?';
          const v = scalarString(lp.value as Node | null);
          const where = (lp.value as Node | null) ?? lk;
          if (!LIMIT_KEYS.includes(name)) at(lk, `limits: unknown key "${name}" (expected memory, cpus or pids)`);
          else if (name === 'memory') {
            if (v !== undefined && /^\d+(?:\.\d+)?[bkmg]?$/i.test(v) && parseFloat(v) > 0) config.limits.memory = v;
            else at(where, 'limits.memory must be a size such as 512m or 1g');
          } else if (name === 'cpus') {
            if (v !== undefined && /^\d+(?:\.\d+)?$/.test(v) && parseFloat(v) > 0) config.limits.cpus = v;
            else at(where, 'limits.cpus must be a positive number such as 1.0 or 0.5');
          } else if (v !== undefined && /^[1-9]\d*$/.test(v)) config.limits.pids = v;
          else at(where, 'limits.pids must be a positive whole number such as 200');
        }
        break;
      }
      case 'hosts': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          at(value ?? keyNode, `hosts must be a mapping of ${HOST_KINDS.join(', ')} to true or false`);
          break;
        }
        for (const hp of value.items) {
          const hk = hp.key as Node | null;
          const name = isScalar(hk) ? String(hk.value) : '?';
          const v = hp.value as Node | null;
          if (!(HOST_KINDS as readonly string[]).includes(name)) at(hk, `hosts: unknown key "${name}" (expected ${HOST_KINDS.join(', ')})`);
          else if (!isScalar(v) || typeof v.value !== 'boolean') at(v ?? hk, `hosts.${name} must be true or false`);
          else (config.hosts ??= {})[name as HostKind] = v.value;
        }
        break;
      }
      case 'maxFileSize': {
        const v = scalarString(value);
        if (v !== undefined && /^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v))) config.maxFileSize = Number(v);
        else at(value ?? keyNode, 'maxFileSize must be a positive whole number of bytes such as 5000000');
        break;
      }
      case 'maxAliasNodes': {
        const v = scalarString(value);
        if (v !== undefined && /^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v))) config.maxAliasNodes = Number(v);
        else at(value ?? keyNode, 'maxAliasNodes must be a positive whole number such as 100000');
        break;
      }
      case 'trustedRegistries': {
        if (isScalar(value) && value.value === null) break;
        if (!isSeq(value)) {
          at(value ?? keyNode, 'trustedRegistries must be a list of registry hosts such as ghcr.io or registry.example.com:5000');
          break;
        }
        const registries: string[] = [];
        for (const item of value.items) {
          const entry = isScalar(item) && typeof item.value === 'string' ? item.value.trim().replace(/\/+$/, '') : undefined;
          if (entry && TRUSTED_REGISTRY_ENTRY.test(entry.toLowerCase())) registries.push(entry);
          else at(item as Node, 'trustedRegistries: each entry must be a registry host, optionally with a port and a path (ghcr.io/my-org, *.example.com), without a scheme');
        }
        config.trustedRegistries = registries;
        break;
      }
      case 'user': {
        const v = scalarString(value);
        if (v !== undefined && /^[1-9]\d*$/.test(v)) config.user = v;
        else at(value ?? keyNode, 'user must be a non-root numeric uid such as 10001');
        break;
      }
    }
  }
  return { config, problems };
}

/** A scalar's value as a string (numbers and booleans as written); undefined for anything else. */
function scalarString(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return node.source ?? String(v);
  return undefined;
}

/** Lint options from a config, with command-line overrides applied on top. */
export function toLintOptions(config: CapdropConfig, overrides: { preset?: Preset; rules?: Record<string, SeveritySetting> } = {}): LintOptions {
  const settings: Partial<FixSettings> = {};
  if (config.limits.memory) settings.memory = config.limits.memory;
  if (config.limits.cpus) settings.cpus = config.limits.cpus;
  if (config.limits.pids) settings.pids = config.limits.pids;
  if (config.user) settings.uid = config.user;
  return {
    preset: overrides.preset ?? config.preset ?? 'recommended',
    rules: { ...config.rules, ...overrides.rules },
    settings,
    ...(config.hosts ? { hosts: { ...config.hosts } } : {}),
    ...(config.maxFileSize !== undefined ? { maxFileSize: config.maxFileSize } : {}),
    ...(config.maxAliasNodes !== undefined ? { maxAliasNodes: config.maxAliasNodes } : {}),
    ...(config.trustedRegistries ? { trustedRegistries: [...config.trustedRegistries] } : {}),
  };
}

export function formatConfigProblem(file: string | undefined, p: ConfigProblem): string {
  const where = p.line !== undefined ? `${file ?? 'config'}:${p.line}:${p.column ?? 1}` : (file ?? 'config');
  return `${where}: ${p.message}`;
}
