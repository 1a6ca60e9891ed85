import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectVariables } from '../server/src/parse/compose/dotenv';
import type { Target } from './walk';
import { isFile } from '../server/src/files/stat';

/**
 * The Compose files a directory's project names in `COMPOSE_FILE` (its `.env`, or the environment for a
 * directory named on the command line, as `docker compose` run there reads them), which the walk does not
 * find when they are not named like Compose files (`base.yaml`, `prod.yaml`). Only files inside the
 * directory's tree are added, so a variable cannot make the CLI read elsewhere.
 */
export function composeFileTargets(targets: readonly Target[], explicitDirs: readonly string[], environment: Readonly<Record<string, string>>): Target[] {
  const dirs = new Map<string, boolean>(); // directory → named on the command line
  for (const dir of explicitDirs) dirs.set(dir, true);
  for (const t of targets) if (t.kind === 'compose' && !dirs.has(path.dirname(t.file))) dirs.set(path.dirname(t.file), false);
  // A YAML file the walk keeps only for a look at its content (a Kubernetes manifest?) is not known as Compose:
  // the project's file is added, and the walk's look skips it (it is no manifest).
  const known = new Set(targets.filter((t) => !t.byContent).map((t) => t.file));
  const added: Target[] = [];
  for (const [dir, explicit] of dirs) {
    const env = readEnvFile(path.join(dir, '.env'));
    const variables = projectVariables(explicit ? environment : undefined, env === undefined ? [] : [{ path: path.join(dir, '.env'), text: env }]);
    const list = variables.get('COMPOSE_FILE')?.value;
    if (!list) continue;
    const separator = variables.get('COMPOSE_PATH_SEPARATOR')?.value || path.delimiter;
    for (const name of list.split(separator)) {
      if (name === '') continue;
      const file = path.resolve(dir, name);
      const rel = path.relative(dir, file);
      if (rel.startsWith('..') || path.isAbsolute(rel) || known.has(file) || !isFile(file)) continue;
      known.add(file);
      added.push({ file, explicit: false, kind: 'compose' });
    }
  }
  return added;
}

function readEnvFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

