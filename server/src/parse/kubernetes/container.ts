import type { YAMLMap } from 'yaml';
import { compactLists, emptySpec, markUnknown, type ContainerSpec, type EnvVar, type Mount, type Port, type ShellCommand } from '../../model/containerSpec';
import type { KubernetesContainer } from '../../model/kubernetes';
import { isKnown, unknown, type Located, type Maybe, type SourceRange } from '../../model/located';
import { splitImageReference } from '../../model/imageRef';
import { isMap, type Entry } from '../../yaml/access';
import { contentEnd, nodeRange } from '../../yaml/ranges';
import type { YamlRef, YamlValues } from '../../yaml/values';
import { normalizeHostPath } from '../hostPath';
import { readSecurityContext, splitAnnotation, type PodRead, type SecurityContextRead } from './pod';
import { readSecurityOptions } from './securityOptions';

/** What the Kubernetes writer needs to edit a container, kept in `origin.node`. */
export interface KubernetesContainerRef {
  map: YAMLMap;
  entries: Map<string, Entry>;
  securityContext: SecurityContextRead;
  pod: PodRead;
  /** The container's block holds template actions: the writer inserts nothing there (nor at the pod when `pod.pod.templated`). */
  templated: boolean;
}

/** Kubernetes sets no per-container PID limit: the kubelet's `podPidsLimit` decides, which the manifest cannot tell. */
const PIDS_REASON = 'the PID limit is set per node by the kubelet (podPidsLimit), not in the manifest';

export function readContainer(values: YamlValues, podRead: PodRead, list: KubernetesContainer['list'], map: YAMLMap, shared: boolean, templated: boolean): ContainerSpec {
  const entries = values.entries(map, shared);
  const nameEntry = entries.get('name');
  // A name a template writes is shown as written (`{{ .Chart.Name }}`).
  const name = values.knownText(nameEntry?.value) ?? (nameEntry?.value ? values.raw(nameEntry.value) : '');
  const nameRange = nodeRange(values.text, nameEntry ? (nameEntry.value ?? nameEntry.pair.key) : map.items[0]?.key ?? map);
  const securityContext = readSecurityContext(values, entries.get('securityContext'));
  const pod = podRead.pod;
  // What the container leaves out may be written by a template action in its block; the pod's own actions
  // (`pod.templated`) matter to the fields a pod can set for its containers, which the rules check apart.
  const incomplete = templated || securityContext.unknown || !entries.has('image');
  const ref: KubernetesContainerRef = { map, entries, securityContext, pod: podRead, templated };
  const spec = emptySpec({
    kind: 'kubernetes',
    name: pod.name ? `${pod.name}/${name}` : name,
    range: { start: map.range?.[0] ?? nameRange.start, end: contentEnd(values.text, map) },
    nameRange,
    node: ref,
  });
  spec.incomplete = incomplete;
  const sc = securityContext.entries;
  const scParents = securityContext.entry ? [securityContext.entry] : [];
  const facts: KubernetesContainer = {
    pod,
    list,
    name,
    securityContext: securityContext.fields,
    allowPrivilegeEscalation: values.bool(sc.get('allowPrivilegeEscalation'), scParents),
    privileged: values.bool(sc.get('privileged'), scParents),
    procMount: values.string(sc.get('procMount'), scParents),
    capabilitiesAdd: [],
    capabilitiesDrop: [],
    capabilitiesDropUnknown: securityContext.unknown,
    hostPorts: [],
    probeHosts: [],
    templated: templated || securityContext.unknown,
  };
  spec.kubernetes = facts;
  const own = securityContext.fields;
  const podSc = pod.securityContext;
  spec.user = own.runAsUser ?? podSc.runAsUser;
  spec.privileged = facts.privileged;
  spec.readOnly = values.bool(sc.get('readOnlyRootFilesystem'), scParents);
  readCapabilities(values, spec, securityContext);
  readSecurityOptions(spec, facts, securityContext, pod.appArmorAnnotations.filter((a) => splitAnnotation(a).container === name));
  if (securityContext.unknown) {
    for (const field of ['cap_add', 'cap_drop', 'security_opt']) markUnknown(spec, field);
  }
  spec.namespaces.network = podRead.namespaces.network;
  spec.namespaces.pid = podRead.namespaces.pid;
  spec.namespaces.ipc = podRead.namespaces.ipc;
  readMounts(values, spec, entries.get('volumeMounts'), podRead);
  readPorts(values, spec, facts, entries.get('ports'));
  readLimits(values, spec, entries.get('resources'));
  readImage(values, spec, entries.get('image'));
  readEnv(values, spec, entries.get('env'));
  readCommand(values, spec, entries.get('command'), 'entrypoint');
  readCommand(values, spec, entries.get('args'), 'command');
  readProbeHosts(values, facts, entries);
  compactLists(spec);
  return spec;
}

function readCapabilities(values: YamlValues, spec: ContainerSpec, securityContext: SecurityContextRead): void {
  const caps = securityContext.entries.get('capabilities');
  if (!caps || !securityContext.entry) return;
  const parents = [securityContext.entry, caps];
  const capEntries = values.entries(values.mapOf(caps), caps.shared);
  const facts = spec.kubernetes!;
  const add = capEntries.get('add');
  const drop = capEntries.get('drop');
  if (!values.stringItems(add, spec.capAdd, parents)) markUnknown(spec, 'cap_add');
  if (!values.stringItems(drop, spec.capDrop, parents)) {
    markUnknown(spec, 'cap_drop');
    facts.capabilitiesDropUnknown = true;
  }
  facts.capabilitiesAdd = spec.capAdd;
  facts.capabilitiesDrop = spec.capDrop;
  spec.capAddField = add && keyField(values, add, parents);
  spec.capDropField = drop && keyField(values, drop, parents);
}

function keyField(values: YamlValues, entry: Entry, parents: Entry[]): Located<null> {
  const range = nodeRange(values.text, entry.pair.key);
  const ref: YamlRef = { value: entry.value, entry, parents };
  return { value: null, range, raw: values.text.slice(range.start, range.end), editable: !entry.shared, node: ref };
}

function readMounts(values: YamlValues, spec: ContainerSpec, entry: Entry | undefined, podRead: PodRead): void {
  values.items(entry, (node, shared, ref) => {
    if (!isMap(node)) return;
    const mount = values.entries(node, shared);
    const name = values.valueOf(mount.get('name'));
    const target = values.valueOf(mount.get('mountPath'));
    if (!isKnown(name)) return;
    const readOnly = values.bool(mount.get('readOnly'));
    const subPath = values.scalarText(mount.get('subPath')?.value);
    const hostPath = podRead.hostPaths.get(name.value);
    // A path behind a template action is unknown, and an unknown mount is not judged.
    if (isUnknownValue(hostPath) || (subPath !== undefined && mount.get('subPath') && !isKnown(values.valueOf(mount.get('subPath'))))) return;
    const source: Located<string> = { ...name, editable: false };
    if (hostPath) source.value = normalizeHostPath(subPath ? `${hostPath.value.replace(/\/+$/, '')}/${subPath}` : hostPath.value);
    const known = isKnown(readOnly) ? readOnly : undefined;
    const propagation = mountPropagation(values.valueOf(mount.get('mountPropagation')));
    const value: Mount = {
      type: hostPath ? 'bind' : 'volume',
      source,
      ...(isKnown(target) ? { target } : {}),
      readOnly: known?.value === true,
      ...(known?.value === true ? { readOnlyAt: known.range } : {}),
      ...(propagation ? { propagation } : {}),
      syntax: 'long',
    };
    spec.mounts.push({ value, range: nodeRange(values.text, node), raw: values.raw(node), editable: !shared, node: ref });
  });
}

/** Kubernetes' `mountPropagation` in the model's terms: `Bidirectional` is rshared, `HostToContainer` rslave, `None` rprivate. */
const PROPAGATION: Record<string, string> = { Bidirectional: 'rshared', HostToContainer: 'rslave', None: 'rprivate' };

function mountPropagation(value: Maybe<string>): Located<string> | undefined {
  if (!isKnown(value) || !Object.hasOwn(PROPAGATION, value.value)) return undefined;
  return { ...value, value: PROPAGATION[value.value] };
}

function isUnknownValue(v: Maybe<string>): v is Exclude<Maybe<string>, Located<string> | undefined> {
  return v !== undefined && !isKnown(v);
}

function readPorts(values: YamlValues, spec: ContainerSpec, facts: KubernetesContainer, entry: Entry | undefined): void {
  values.items(entry, (node, shared, ref) => {
    if (!isMap(node)) return;
    const port = values.entries(node, shared);
    const containerPort = values.valueOf(port.get('containerPort'));
    const hostPort = values.valueOf(port.get('hostPort'));
    const hostIp = values.valueOf(port.get('hostIP'));
    const protocol = values.scalarText(port.get('protocol')?.value) ?? 'TCP';
    const published = isKnown(hostPort) && hostPort.value !== '0';
    if (published) facts.hostPorts.push(hostPort);
    if (!isKnown(containerPort) || isUnknownValue(hostPort)) return;
    const value: Port = {
      containerPort,
      ...(published ? { hostPort } : {}),
      ...(published && isKnown(hostIp) ? { hostIp } : {}),
      protocol: protocol.toLowerCase(),
      mode: published ? 'published' : 'exposed',
      syntax: 'long',
    };
    spec.ports.push({ value, range: nodeRange(values.text, node), raw: values.raw(node), editable: !shared, node: ref });
  });
}

function readLimits(values: YamlValues, spec: ContainerSpec, resources: Entry | undefined): void {
  const at: SourceRange = spec.origin.nameRange;
  spec.limits.pids = unknown(at.start, at.end, '', PIDS_REASON);
  if (!resources) return;
  const resourcesMap = values.mapOf(resources);
  const limits = resourcesMap ? values.entries(resourcesMap, resources.shared).get('limits') : resources;
  const limitsMap = values.mapOf(limits);
  if (!limits || !limitsMap) {
    // `resources: {{ toYaml .Values.resources }}`: set, but not known here; `resources:` alone sets nothing.
    if (limits && values.scalarText(limits.value) !== undefined) {
      const range = nodeRange(values.text, limits.value);
      spec.limits.memory = spec.limits.cpus = unknown(range.start, range.end, values.raw(limits.value), 'the limits are not a mapping Capdrop can read');
    }
    return;
  }
  const limitEntries = values.entries(limitsMap, limits.shared);
  const parents = [resources, limits];
  spec.limits.memory = values.string(limitEntries.get('memory'), parents);
  spec.limits.cpus = values.string(limitEntries.get('cpu'), parents);
}

function readImage(values: YamlValues, spec: ContainerSpec, entry: Entry | undefined): void {
  const image = values.string(entry);
  if (!image) return;
  if (!isKnown(image)) {
    spec.image = image;
    return;
  }
  const located = { ...image, value: splitImageReference(image.value.trim()) };
  spec.image = located;
  spec.images.push(located);
}

function readEnv(values: YamlValues, spec: ContainerSpec, entry: Entry | undefined): void {
  values.items(entry, (node, shared, ref) => {
    if (!isMap(node)) return;
    const variable = values.entries(node, shared);
    const nameEntry = variable.get('name');
    const name = values.valueOf(nameEntry);
    if (!isKnown(name)) return;
    const valueEntry = variable.get('value');
    const from = variable.get('valueFrom');
    let value: Maybe<string> = valueEntry ? values.valueOf(valueEntry) : undefined;
    // `valueFrom` reads a Secret, a ConfigMap or a field: set, but not known here.
    if (!valueEntry && from) {
      const range = nodeRange(values.text, from.value ?? from.pair.key);
      value = unknown(range.start, range.end, values.raw(from.value), 'the value comes from valueFrom');
    }
    const env: EnvVar = value ? { name, value, source: 'environment' } : { name, source: 'environment' };
    spec.env.push({ value: env, range: nodeRange(values.text, node), raw: values.raw(node), editable: !shared, node: ref });
  });
}

function readCommand(values: YamlValues, spec: ContainerSpec, entry: Entry | undefined, kind: ShellCommand['kind']): void {
  if (!entry) return;
  const words: Located<string>[] = [];
  if (!values.stringItems(entry, words)) return;
  if (words.length === 0) return;
  const whole = nodeRange(values.text, entry.value);
  const text: Located<string> = { value: words.map((w) => w.value).join(' '), range: whole, raw: values.raw(entry.value), editable: false };
  spec.commands.push({ kind, words, text, form: 'exec' });
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['postStart', 'preStop'];

/** Every non-empty `host` of a probe's or lifecycle handler's httpGet/tcpSocket. */
function readProbeHosts(values: YamlValues, facts: KubernetesContainer, entries: Map<string, Entry>): void {
  const handlers: unknown[] = PROBES.map((p) => entries.get(p)?.value);
  const lifecycle = values.entries(values.mapOf(entries.get('lifecycle')));
  for (const h of HANDLERS) handlers.push(lifecycle.get(h)?.value);
  for (const handler of handlers) {
    const handlerEntries = values.entries(handler);
    for (const action of ['httpGet', 'tcpSocket']) {
      const host = values.valueOf(values.entries(values.mapOf(handlerEntries.get(action))).get('host'));
      // A host behind a template action may be empty: unknown, not judged.
      if (isKnown(host) && host.value !== '') facts.probeHosts.push(host);
    }
  }
}
