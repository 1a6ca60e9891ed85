import { CONFIG_FILE_NAMES, emptyConfig, parseConfig, type ConfigProblem } from '../engine/config';
import { rules as registeredRules } from '../../../rules';
import type { WorkspaceConfig } from './config';

// What a `.capdrop.yaml` says, from its text: no file system here (the browser build uses it too).

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(registeredRules));

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

/** Whether a file's name (without its directory) is one Capdrop reads its settings from. */
export function isConfigBaseName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}
