import type { YAMLMap } from 'yaml';
import { isMap, type Entry } from '../../yaml/access';
import type { YamlValues } from '../../yaml/values';

/** Where each workload kind keeps its pod spec, from the object's root. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** A pod spec found in a document: the workload it belongs to, the spec mapping and the metadata next to it. */
export interface PodSite {
  kind: string;
  name?: string;
  /** The `spec:` entry holding the pod spec. */
  specEntry: Entry;
  spec: YAMLMap;
  /** The pod's own metadata (the template's, for a workload), for its annotations. */
  metadata?: YAMLMap;
}

/** `List` items are followed this deep (a List of Lists is legal, if odd). */
const MAX_LIST_DEPTH = 4;

/**
 * The pod specs of one YAML document: the object itself when it is a workload, or the workloads among
 * the items of a `List` (`kind: List`, `PodList`, `DeploymentList`…). Other kinds are skipped silently.
 */
export function findPodSites(values: YamlValues, root: YAMLMap, depth = 0): PodSite[] {
  const top = values.entries(root);
  const kind = values.knownText(top.get('kind')?.value)?.trim();
  if (kind === undefined) return [];
  if (kind.endsWith('List') && depth < MAX_LIST_DEPTH) {
    const sites: PodSite[] = [];
    values.items(top.get('items'), (item) => {
      if (isMap(item)) sites.push(...findPodSites(values, item, depth + 1));
    });
    return sites;
  }
  const path = Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
  if (!path) return [];
  const name = values.knownText(values.entries(values.mapOf(top.get('metadata'))).get('name')?.value);
  // The metadata beside the pod spec is the pod's: the root's for a Pod, the template's for a workload.
  let entries = top;
  for (let i = 0; i < path.length - 1; i++) {
    const next = values.mapOf(entries.get(path[i]));
    if (!next) return [];
    entries = values.entries(next);
  }
  const specEntry = entries.get(path[path.length - 1]);
  const spec = values.mapOf(specEntry);
  if (!specEntry || !spec) return [];
  return [{ kind, name, specEntry, spec, metadata: values.mapOf(entries.get('metadata')) }];
}

/** Whether a text looks like a Kubernetes manifest holding a workload: an `apiVersion` and a workload (or List) `kind`. */
export function looksLikeKubernetes(text: string): boolean {
  return API_VERSION.test(text) && WORKLOAD_KIND.test(text);
}

const API_VERSION = /^[ \t-]*["']?apiVersion["']?[ \t]*:/m;
const WORKLOAD_KIND = new RegExp(`^[ \\t-]*["']?kind["']?[ \\t]*:[ \\t]*["']?(?:${WORKLOAD_KINDS.join('|')}|List)["']?[ \\t]*(?:#.*)?\\r?$`, 'm');
