/**
 * Which documents make Capdrop start its language server, told without it (the client bundle carries no
 * server code). Activation on any YAML file (`onLanguage:yaml`) stays cheap: the server is started only when a
 * document Capdrop reads is open, or the workspace holds one, and a YAML document counts only when its name
 * says Compose or CI, or its first lines are a Kubernetes manifest. Kept in step with `looksLikeKubernetes`
 * (server/src/parse/kubernetes/workloads.ts) by test/client/relevance.test.ts.
 */

const WORKLOAD_KINDS = ['Pod', 'PodTemplate', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'List'];
const API_VERSION = /^[ \t-]*["']?apiVersion["']?[ \t]*:/m;
const WORKLOAD_KIND = new RegExp(`^[ \\t-]*["']?kind["']?[ \\t]*:[ \\t]*["']?(?:${WORKLOAD_KINDS.join('|')})["']?[ \\t]*(?:#.*)?\\r?$`, 'm');

/** How much of a YAML document is looked at: a manifest says its kind near the top of some document. */
const SNIFF_LENGTH = 64 * 1024;

export function looksLikeKubernetesManifest(text: string): boolean {
  const head = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  return API_VERSION.test(head) && WORKLOAD_KIND.test(head);
}

const ALWAYS = new Set(['dockerfile', 'dockercompose', 'shellscript', 'markdown', 'makefile']);
const NAMED_YAML = /(?:^|[\\/])(?:(?:docker-)?compose[^\\/]*\.ya?ml|\.gitlab-ci\.ya?ml)$|[\\/]\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i;
const DEVCONTAINER = /(?:^|[\\/])(?:\.devcontainer[\\/](?:[^\\/]+[\\/])?devcontainer\.json|\.devcontainer\.json)$/i;

/** Whether a document is one Capdrop reads: by language, by path, or (YAML) by content; `text` is asked for only then. */
export function isCapdropDocument(languageId: string, path: string, text: () => string): boolean {
  if (ALWAYS.has(languageId)) return true;
  if (languageId === 'json' || languageId === 'jsonc') return DEVCONTAINER.test(path);
  if (languageId !== 'yaml') return false;
  return NAMED_YAML.test(path) || looksLikeKubernetesManifest(text());
}

/** Files whose presence in the workspace starts the server right away (as the `workspaceContains` activation events). */
export const CAPDROP_FILES_GLOB = '**/{Dockerfile,Containerfile,*compose*.yml,*compose*.yaml,*.sh,.github/workflows/*.yml,.github/workflows/*.yaml,.gitlab-ci.yml,devcontainer.json,.devcontainer.json}';
