import type { Node } from 'yaml';
import type { KubernetesPod, SecurityContextFields } from '../../model/kubernetes';
import { unknown, type Located, type Maybe } from '../../model/located';
import { isMap, isScalar, type Entry } from '../../yaml/access';
import { nodeRange } from '../../yaml/ranges';
import type { YamlRef, YamlValues } from '../../yaml/values';
import type { PodSite } from './workloads';

/** A securityContext as read: its fields, its entries (for the container fields beyond them) and its entry. */
export interface SecurityContextRead {
  fields: SecurityContextFields;
  entries: Map<string, Entry>;
  entry?: Entry;
  /** Present but not a mapping Capdrop can read (a template action). */
  unknown: boolean;
}

/** Reads the securityContext fields the pod and a container share. */
export function readSecurityContext(values: YamlValues, entry: Entry | undefined): SecurityContextRead {
  const map = values.mapOf(entry);
  const entries = values.entries(map, entry?.shared);
  const fields: SecurityContextFields = {};
  const read: SecurityContextRead = { fields, entries, entry, unknown: entry !== undefined && !map && !isEmpty(entry.value) };
  if (!entry || !map) return read;
  const parents = [entry];
  fields.runAsNonRoot = values.bool(entries.get('runAsNonRoot'), parents);
  fields.runAsUser = values.string(entries.get('runAsUser'), parents);
  fields.seccompProfileType = profileType(values, entries.get('seccompProfile'), parents);
  fields.appArmorProfileType = profileType(values, entries.get('appArmorProfile'), parents);
  const seLinux = entries.get('seLinuxOptions');
  const seLinuxEntries = values.entries(values.mapOf(seLinux), seLinux?.shared);
  if (seLinux) {
    fields.seLinuxType = values.valueOf(seLinuxEntries.get('type'), [entry, seLinux]);
    fields.seLinuxUser = values.valueOf(seLinuxEntries.get('user'), [entry, seLinux]);
    fields.seLinuxRole = values.valueOf(seLinuxEntries.get('role'), [entry, seLinux]);
  }
  const windows = entries.get('windowsOptions');
  if (windows) fields.windowsHostProcess = values.bool(values.entries(values.mapOf(windows), windows.shared).get('hostProcess'), [entry, windows]);
  return read;
}

/**
 * `seccompProfile.type` / `appArmorProfile.type`, located at the value. A profile without a type is read
 * as the empty type at the profile's key, which the admission rejects like any type it does not know;
 * `seccompProfile:` with nothing (null) is no profile at all, as Kubernetes decodes it.
 */
function profileType(values: YamlValues, profile: Entry | undefined, parents: Entry[]): Maybe<string> {
  if (!profile || isEmpty(profile.value)) return undefined;
  const map = values.mapOf(profile);
  if (!map) {
    const range = nodeRange(values.text, profile.value);
    return unknown(range.start, range.end, values.raw(profile.value), 'the profile is not a mapping Capdrop can read');
  }
  const type = values.entries(map, profile.shared).get('type');
  if (!type) {
    const range = nodeRange(values.text, profile.pair.key);
    return { value: '', range, raw: values.raw(profile.pair.key), editable: false };
  }
  return values.valueOf(type, [...parents, profile]);
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** A pod as read: the facts the rules see and what the container reader and the writer need. */
export interface PodRead {
  pod: KubernetesPod;
  site: PodSite;
  entries: Map<string, Entry>;
  securityContext: SecurityContextRead;
  /** `hostNetwork`/`hostPID`/`hostIPC: true` as the model's host namespaces (one object for every container). */
  namespaces: { network?: Maybe<string>; pid?: Maybe<string>; ipc?: Maybe<string> };
  /** Volumes by name: the hostPath path when it is one. */
  hostPaths: Map<string, Maybe<string>>;
}

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Reads a pod spec's own facts; the parser marks it `templated` when template actions write its lines. */
export function readPod(values: YamlValues, site: PodSite): PodRead {
  const entries = values.entries(site.spec, site.specEntry.shared);
  const securityContext = readSecurityContext(values, entries.get('securityContext'));
  const pod: KubernetesPod = {
    kind: site.kind,
    name: site.name,
    securityContext: securityContext.fields,
    hostNetwork: values.bool(entries.get('hostNetwork')),
    hostPID: values.bool(entries.get('hostPID')),
    hostIPC: values.bool(entries.get('hostIPC')),
    hostUsers: values.bool(entries.get('hostUsers')),
    osName: values.valueOf(values.entries(values.mapOf(entries.get('os'))).get('name')),
    sysctls: [],
    volumes: [],
    appArmorAnnotations: [],
    templated: securityContext.unknown,
  };
  values.items(securityContext.entries.get('sysctls'), (node) => {
    const name = values.entries(node).get('name');
    const located = values.valueOf(name);
    if (located && 'value' in located) pod.sysctls.push(located);
  });
  const hostPaths = new Map<string, Maybe<string>>();
  const volumesKnown = values.items(entries.get('volumes'), (node) => {
    if (!isMap(node)) return;
    const volume = values.entries(node);
    const name = values.knownText(volume.get('name')?.value) ?? '';
    const source = [...volume.values()].find((e) => e.key !== 'name');
    if (!source) return;
    const keyRange = nodeRange(values.text, source.pair.key as Node);
    pod.volumes.push({ value: { name, type: source.key }, range: keyRange, raw: source.key, editable: false });
    if (source.key === 'hostPath') hostPaths.set(name, values.valueOf(values.entries(values.mapOf(source)).get('path'), [source]));
  });
  if (!volumesKnown) pod.templated = true;
  const annotations = values.entries(values.mapOf(values.entries(site.metadata).get('annotations')));
  for (const annotation of annotations.values()) {
    if (!annotation.key.startsWith(ANNOTATION_PREFIX)) continue;
    const value = values.valueOf(annotation);
    if (value && 'value' in value) pod.appArmorAnnotations.push({ ...value, value: `${annotation.key.slice(ANNOTATION_PREFIX.length)}=${value.value}` });
  }
  return { pod, site, entries, securityContext, namespaces: { network: hostNamespace(pod.hostNetwork), pid: hostNamespace(pod.hostPID), ipc: hostNamespace(pod.hostIPC) }, hostPaths };
}

/** `hostPID: true` as the model's `pid: host`, at the same place with the same writer handle. */
function hostNamespace(flag: Maybe<boolean>): Maybe<string> {
  if (!flag || !('value' in flag)) return flag;
  if (!flag.value) return undefined;
  return { value: 'host', range: flag.range, raw: flag.raw, editable: flag.editable, node: flag.node as YamlRef };
}

/** The container name an AppArmor annotation value (`name=profile`) is for, and its profile. */
export function splitAnnotation(annotation: Located<string>): { container: string; profile: string } {
  const eq = annotation.value.indexOf('=');
  return { container: annotation.value.slice(0, eq), profile: annotation.value.slice(eq + 1) };
}
