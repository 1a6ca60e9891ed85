import { pathsOf, type ComposeFiles, type ComposePaths, type FileReadResult } from './files';
import type { VariableValue } from './interpolate';
import { projectVariables } from './dotenv';

/**
 * What the caller knows of the Compose project beyond the linted file: plain data (it crosses to the
 * scan workers), the files themselves are read through the injected reader.
 */
export interface ComposeContext {
  /**
   * Variables of the environment Compose would run in: the CLI's own environment, or the editor's
   * `capdrop.compose.environment` setting (never the editor process's environment). They win over env files.
   */
  environment?: Readonly<Record<string, string>>;
  /** Env files named explicitly (`--env-file`), absolute, in order: they replace the project's `.env`. */
  envFiles?: readonly string[];
  /** Compose files named explicitly (`-f`), absolute, in order: the project, instead of looking for one. */
  projectFiles?: readonly string[];
}

/** The file names Compose looks for in a folder, in its order of preference (compose-go's cli/options.go). */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** A project file other than the linted one, as read. */
export interface ProjectFile {
  path: string;
  text: string;
}

/** The project a linted Compose file belongs to. */
export interface ComposeProject {
  /** The variables interpolation reads; undefined when nothing sets any (the static reading). */
  variables: Map<string, VariableValue> | undefined;
  /**
   * The project's Compose files in Compose's order when the linted file is one of them, the linted
   * file included (as `undefined` text: it is linted from the caller's text); empty otherwise.
   */
  files: (ProjectFile | { path: string; text: undefined })[];
}

const NO_PROJECT: ComposeProject = { variables: undefined, files: [] };

/**
 * The project of the file `reader.path`, as `docker compose` run in its folder would load it:
 * 1. variables: the environment, over the env files named (`--env-file`), else over the folder's `.env`;
 * 2. files: those named (`-f`), else `COMPOSE_FILE` (split on `COMPOSE_PATH_SEPARATOR`, default the
 *    platform's list separator), else the first of DEFAULT_FILE_NAMES in the folder with the first
 *    override file beside it.
 * A file that is not among the project's files is linted alone, with the project's variables (`docker
 * compose -f other.yaml` reads the same `.env`). Every read goes through the reader: only inside the
 * trusted roots, and recorded by the server so a change to any of them re-lints this file.
 */
export function loadComposeProject(files: ComposeFiles | undefined, context: ComposeContext | undefined): ComposeProject {
  const environment = context?.environment;
  if (!files) return environment && Object.keys(environment).length ? { variables: projectVariables(environment, []), files: [] } : NO_PROJECT;
  // The override file is read once to find it and once to load it: keep what was read.
  const reader = rememberingReads(files);
  const path = pathsOf(files);
  const linted = reader.path;
  const dir = path.dirname(linted);
  const envFiles: ProjectFile[] = [];
  for (const envFile of context?.envFiles ?? [path.join(dir, '.env')]) {
    const read = reader.read(envFile, linted);
    if (read.status === 'ok') envFiles.push({ path: read.path, text: read.text });
  }
  const variables = envFiles.length || (environment && Object.keys(environment).length) ? projectVariables(environment, envFiles) : undefined;
  const names = projectFileNames(dir, context, variables, reader, path);
  if (!names.some((name) => samePath(path, name, linted))) return { variables, files: [] };
  const project: ComposeProject['files'] = [];
  for (const name of names) {
    if (samePath(path, name, linted)) {
      project.push({ path: linted, text: undefined });
      continue;
    }
    const read = reader.read(name, linted);
    if (read.status === 'ok') project.push({ path: read.path, text: read.text });
  }
  return { variables, files: project };
}

/** A project of more files than this is read up to this many (a `COMPOSE_FILE` written to make Capdrop work is cut short). */
export const MAX_PROJECT_FILES = 32;

function projectFileNames(dir: string, context: ComposeContext | undefined, variables: Map<string, VariableValue> | undefined, reader: ComposeFiles, path: ComposePaths): string[] {
  const named = (names: readonly string[]) => [...new Set(names.filter((f) => f !== '').map((f) => path.resolve(dir, f)))].slice(0, MAX_PROJECT_FILES);
  if (context?.projectFiles?.length) return named(context.projectFiles);
  const composeFile = variables?.get('COMPOSE_FILE')?.value;
  if (composeFile) {
    const separator = variables?.get('COMPOSE_PATH_SEPARATOR')?.value || path.delimiter;
    return named(composeFile.split(separator));
  }
  const main = firstExisting(dir, DEFAULT_FILE_NAMES, reader, path);
  if (!main) return [];
  const override = firstExisting(dir, DEFAULT_OVERRIDE_FILE_NAMES, reader, path);
  return override ? [main, override] : [main];
}

/** The first of `names` in `dir`; the linted file counts without a read. */
function firstExisting(dir: string, names: readonly string[], reader: ComposeFiles, path: ComposePaths): string | undefined {
  for (const name of names) {
    const candidate = path.join(dir, name);
    if (samePath(path, candidate, reader.path)) return candidate;
    if (reader.read(candidate, reader.path).status === 'ok') return candidate;
  }
  return undefined;
}

function rememberingReads(reader: ComposeFiles): ComposeFiles {
  const seen = new Map<string, FileReadResult>();
  const path = pathsOf(reader);
  return {
    path: reader.path,
    paths: reader.paths,
    read(relPath, fromFile) {
      const key = path.resolve(path.dirname(fromFile), relPath);
      let result = seen.get(key);
      if (!result) seen.set(key, (result = reader.read(relPath, fromFile)));
      return result;
    },
  };
}

function samePath(path: ComposePaths, a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
