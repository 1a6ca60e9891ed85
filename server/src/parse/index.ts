import type { InputKind, ParsedFile } from '../model/containerSpec';
import type { SpecWriter } from '../edit/writer';
import type { LineIndex } from '../model/lineIndex';
import type { ComposeFiles } from './compose/files';
import { parseComposeInProject } from './compose/project';
import type { ComposeContext } from './compose/projectFiles';
import { parseDockerfile } from './dockerfile';
import { parseShell } from './shell';
import { parseKubernetes } from './kubernetes';
import { looksLikeKubernetes } from './kubernetes/workloads';
import { createKubernetesWriter } from '../edit/kubernetesWriter';
import { createComposeWriter } from '../edit/composeWriter';
import { createDockerfileWriter } from '../edit/dockerfileWriter';
import { createRunWriter } from '../edit/runWriter';
import { markdownSegments } from './hosts/markdown';
import { makefileSegments } from './hosts/makefile';
import { ciYamlSegments } from './hosts/ciYaml';
import { devcontainerSegments } from './hosts/devcontainer';
import { nestedRunSegments } from './hosts/dockerfileRuns';

/** The kinds of files Capdrop reads. A host file (shell script…) may hold several segments. */
export type FileKind = 'dockerfile' | 'compose' | 'shell' | 'kubernetes' | HostKind;

/** Files that are not container files themselves but hold commands or specs (see docs/hosts.md). */
export type HostKind = 'markdown' | 'makefile' | 'ci' | 'devcontainer';
export const HOST_KINDS: readonly HostKind[] = ['markdown', 'makefile', 'ci', 'devcontainer'];

/** One parsed piece of a file, in one input kind, with its writer. */
export interface Segment {
  kind: InputKind;
  parsed: ParsedFile;
  writer: SpecWriter;
  /** Maps an offset in `parsed.text` to an offset in the host file (identity for whole files). */
  toHost(offset: number): number;
  /**
   * Rewrites text a fix inserts at `at` (an offset in `parsed.text`) into the host's syntax (a YAML block's
   * indentation, a Markdown continuation prompt…); null when it cannot be written there safely.
   */
  mapInsertedText?(text: string, at: number): string | null;
}

/** `toHost` of a segment that is the whole file. */
export const identityOffset = (o: number): number => o;

/**
 * `files` lets a Compose file's `extends`/`include` targets be read (see compose/extends.ts);
 * `maxAliasNodes` bounds a Compose file's alias expansion (docs/limits.md); `lines`, an index of `text`
 * the caller has already built, spares a Dockerfile another one; `compose`, what is known of the Compose
 * project beyond its files (the environment, files named on the command line: compose/projectFiles.ts).
 */
export function parseSegments(text: string, kind: FileKind, files?: ComposeFiles, maxAliasNodes?: number, lines?: LineIndex, compose?: ComposeContext): Segment[] {
  switch (kind) {
    case 'dockerfile': {
      const parsed = parseDockerfile(text, lines);
      return [{ kind: 'dockerfile', parsed, writer: createDockerfileWriter(parsed), toHost: identityOffset }, ...nestedRunSegments(text, parsed)];
    }
    case 'compose': {
      const parsed = parseComposeInProject(text, files, maxAliasNodes, compose);
      return [{ kind: 'compose', parsed, writer: createComposeWriter(parsed), toHost: identityOffset }];
    }
    case 'kubernetes': {
      const parsed = parseKubernetes(text, maxAliasNodes);
      return [{ kind: 'kubernetes', parsed, writer: createKubernetesWriter(parsed), toHost: identityOffset }];
    }
    case 'shell': {
      const parsed = parseShell(text);
      return [{ kind: 'run', parsed, writer: createRunWriter(parsed), toHost: identityOffset }];
    }
    case 'markdown':
      return markdownSegments(text);
    case 'makefile':
      return makefileSegments(text);
    case 'ci':
      return ciYamlSegments(text);
    case 'devcontainer':
      return devcontainerSegments(text);
  }
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;
const SHELL_NAME = /\.(?:sh|bash)$/i;
const MARKDOWN_NAME = /\.(?:md|markdown)$/i;
const MAKEFILE_NAME = /^(?:(?:GNU)?makefile|.+\.mk)$/i;
const CI_PATH = /(?:^|[\\/])(?:\.github[\\/]workflows[\\/][^\\/]+\.ya?ml|\.gitlab-ci\.ya?ml)$/i;
const DEVCONTAINER_PATH = /(?:^|[\\/])(?:\.devcontainer[\\/](?:[^\\/]+[\\/])?devcontainer\.json|\.devcontainer\.json)$/i;

const YAML_NAME = /\.ya?ml$/i;
/** Capdrop's own configuration, which has problems of its own and is never a manifest. */
const CONFIG_NAME = /(?:^|[\\/])\.capdrop\.ya?ml$/i;

/**
 * A YAML file whose name tells nothing (not Compose, not a CI workflow, not `.capdrop.yaml`): Capdrop reads it
 * when its content is a Kubernetes manifest (`contentKind`), and leaves it alone otherwise.
 */
export function readsByContent(path: string): boolean {
  return YAML_NAME.test(path) && !CONFIG_NAME.test(path) && detectKind(path) === undefined;
}

/** The kind of a file from its name, else from its content: a Kubernetes manifest (`looksLikeKubernetes`). */
export function contentKind(path: string, text: string): FileKind | undefined {
  return detectKind(path) ?? (YAML_NAME.test(path) && looksLikeKubernetes(text) ? 'kubernetes' : undefined);
}

/**
 * Detects the kind of a file from its name; undefined when Capdrop does not read it. CI workflows and
 * `.devcontainer/devcontainer.json` are recognised by their folder too, so pass the whole path.
 */
export function detectKind(path: string): FileKind | undefined {
  const base = path.replace(/^.*[\\/]/, '');
  if (DOCKERFILE_NAME.test(base)) return 'dockerfile';
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (SHELL_NAME.test(base)) return 'shell';
  if (MARKDOWN_NAME.test(base)) return 'markdown';
  if (MAKEFILE_NAME.test(base)) return 'makefile';
  if (CI_PATH.test(path)) return 'ci';
  if (DEVCONTAINER_PATH.test(path)) return 'devcontainer';
  return undefined;
}
