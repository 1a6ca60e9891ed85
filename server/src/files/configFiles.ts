import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, emptyConfig, parseConfig, type LoadedConfig } from '../engine/config';
import { isFile } from './stat';

// Finding and reading `.capdrop.yaml` files on disk, for the CLI and the Node server; the parsing itself
// is engine/config.ts, which has no I/O (it also runs in the browser).

/**
 * The config file that applies to a file in `dir`: the nearest `.capdrop.yaml`/`.capdrop.yml` going up,
 * stopping after the filesystem root, a directory that holds `.git` (the repository root), or `stopAt`
 * (the editor: the workspace folder, which `dir` must lie in).
 * `known` (directory → its answer) lets a run over many directories stop at the first one already
 * answered: a CLI run over 5,000 projects walked up to the root from each (~11 % of it, profiled). Only
 * for a run that may treat the file system as unchanging.
 */
export function findConfigFile(dir: string, known?: Map<string, string | undefined>, stopAt?: string): string | undefined {
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  let current = path.resolve(dir);
  const visited: string[] = [];
  let found: string | undefined;
  for (;;) {
    if (known?.has(current)) {
      found = known.get(current);
      break;
    }
    visited.push(current);
    found = CONFIG_FILE_NAMES.map((name) => path.join(current, name)).find(isFile);
    if (found || current === stop || fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of visited) known?.set(d, found);
  return found;
}


/** Reads and validates a config file; an unreadable file is one problem and the defaults. */
export function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { config: emptyConfig(), problems: [{ message: `cannot read the config file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }], file };
  }
  return { ...parseConfig(text.replace(/^\uFEFF/, ''), knownRuleIds), file };
}
