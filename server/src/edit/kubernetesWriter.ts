import type { YAMLMap } from 'yaml';
import type { ContainerSpec, Mount, ParsedFile, Port } from '../model/containerSpec';
import { isKnown, isUnknown, type Located } from '../model/located';
import type { ListSetting, Setting, SpecWriter, TextEdit } from './writer';
import type { KubernetesHandle } from '../parse/kubernetes';
import type { KubernetesContainerRef } from '../parse/kubernetes/container';
import type { KubernetesOptionRef } from '../parse/kubernetes/securityOptions';
import { isMap, isScalar, isSeq, type Entry } from '../yaml/access';
import { YamlEditor, type Leaf, type Tree } from '../yaml/editor';
import { stringScalar } from '../yaml/text';
import type { YamlRef } from '../yaml/values';

/** Where a securityContext field is set: the container's own, or the pod's (for every container). */
export type SecurityContextLevel = 'container' | 'pod';

/** A securityContext field to set: its path below `securityContext` and its value (a list for capabilities). */
export type SecurityContextField = [string[], string | string[]];

/** The Kubernetes-only edits the Pod Security Standards' fixes make, beyond the SpecWriter's. */
export interface KubernetesEdits {
  /** Sets `securityContext` fields (`[['seccompProfile', 'type'], 'RuntimeDefault']`) at the container or the pod. */
  setSecurityContext(spec: ContainerSpec, level: SecurityContextLevel, fields: SecurityContextField[]): TextEdit[] | null;
}

/** The writer of a Kubernetes spec as the KubernetesEdits it also is; null for the other writers. */
export function kubernetesEdits(writer: SpecWriter): KubernetesEdits | null {
  return writer instanceof KubernetesWriter ? writer : null;
}

export function createKubernetesWriter(parsed: ParsedFile): SpecWriter {
  const handle = parsed.handle as KubernetesHandle | undefined;
  if (!handle || parsed.problems.some((p) => p.severity === 'error')) {
    const none = () => null;
    return { remove: none, replace: none, addToList: none, setSettings: none, makeMountReadOnly: none, removeMountOption: none, bindPortToHostIp: none };
  }
  return new KubernetesWriter(new YamlEditor(handle.parsedText, handle.docs));
}

const NO_NEW_PRIVILEGES = /^no-new-privileges(?:[:=]true)?$/i;

/** Docker's memory units (`512m` = 512 MiB) as Kubernetes quantities, where `512m` is half a byte. */
function memoryQuantity(value: string): string {
  const m = /^(\d+(?:\.\d+)?)([bkmg]?)b?$/i.exec(value.trim());
  if (!m) return stringScalar(value);
  const unit: Record<string, string> = { '': '', b: '', k: 'Ki', m: 'Mi', g: 'Gi' };
  return `${m[1]}${unit[m[2].toLowerCase()]}`;
}

/** Docker's `--cpus 1.0` as a CPU quantity: `"1"`, `"0.5"`. */
function cpuQuantity(value: string): string {
  return JSON.stringify(value.trim().replace(/\.0+$/, ''));
}

class KubernetesWriter implements SpecWriter, KubernetesEdits {
  constructor(private readonly yaml: YamlEditor) {}

  remove(item: Located<unknown>): TextEdit[] | null {
    const ref = item.node as (YamlRef & Partial<KubernetesOptionRef>) | undefined;
    if (!ref || item.editable === false) return null;
    switch (ref.field) {
      // Without a profile Kubernetes runs the container unconfined: the runtime's default profile replaces it.
      case 'seccompProfileType':
      case 'appArmorProfileType':
        return this.yaml.replaceScalar(ref.value, 'RuntimeDefault');
      case 'appArmorAnnotation':
        return this.yaml.replaceScalar(ref.value, 'runtime/default');
      case 'allowPrivilegeEscalation':
        return null;
    }
    if (ref.list) return this.yaml.removeListItem(ref.list, ref.parents);
    if (ref.entry) return this.yaml.removeEntry(ref.entry, ref.parents);
    return null;
  }

  replace(item: Located<unknown>, value: string): TextEdit[] | null {
    const ref = item.node as (YamlRef & Partial<KubernetesOptionRef>) | undefined;
    if (!ref || item.editable === false) return null;
    // `no-new-privileges:true` is written `allowPrivilegeEscalation: false`.
    if (ref.field === 'allowPrivilegeEscalation') return NO_NEW_PRIVILEGES.test(value) ? this.yaml.replaceScalar(ref.value, 'false') : null;
    if (ref.field) return null;
    return this.yaml.replaceScalar(ref.value, value);
  }

  addToList(spec: ContainerSpec, setting: ListSetting, values: string[]): TextEdit[] | null {
    if (setting === 'securityOpt') {
      // Other security options have no Kubernetes spelling here.
      if (values.length !== 1 || !NO_NEW_PRIVILEGES.test(values[0])) return null;
      return this.setSecurityContext(spec, 'container', [[['allowPrivilegeEscalation'], 'false']]);
    }
    return this.setSecurityContext(spec, 'container', [[['capabilities', setting === 'capAdd' ? 'add' : 'drop'], values]]);
  }

  setSettings(spec: ContainerSpec, values: Partial<Record<Setting, string>>): TextEdit[] | null {
    const container = this.container(spec);
    if (!container) return null;
    const edits: TextEdit[] = [];
    const limits: Leaf[] = [];
    for (const [setting, value] of Object.entries(values) as [Setting, string][]) {
      if (value === undefined) continue;
      let edit: TextEdit[] | null;
      switch (setting) {
        case 'user': {
          const [uid, gid] = value.split(':');
          if (!/^\d+$/.test(uid) || (gid !== undefined && !/^\d+$/.test(gid))) return null;
          const fields: SecurityContextField[] = [[['runAsUser'], uid]];
          if (gid !== undefined) fields.push([['runAsGroup'], gid]);
          // A uid set at the pod is every container's: change it where it is written.
          const level = isKnown(spec.user) && container.securityContext.fields.runAsUser === undefined ? 'pod' : 'container';
          edit = this.setSecurityContext(spec, level, fields);
          break;
        }
        case 'readOnly':
          edit = this.setSecurityContext(spec, 'container', [[['readOnlyRootFilesystem'], value]]);
          break;
        case 'memory':
        case 'cpus': {
          const current = spec.limits[setting];
          const text = setting === 'memory' ? memoryQuantity(value) : cpuQuantity(value);
          if (isUnknown(current)) return null;
          if (!current) {
            limits.push([setting === 'memory' ? 'memory' : 'cpu', text]);
            continue;
          }
          edit = this.yaml.replaceScalarText((current.node as YamlRef | undefined)?.value, text);
          break;
        }
        default:
          return null; // PIDs and restarts are not set per container in Kubernetes
      }
      if (!edit) return null;
      edits.push(...edit);
    }
    if (limits.length > 0) {
      if (container.templated) return null;
      const edit = this.yaml.insertUnder(container.map, ['resources', 'limits'], limits);
      if (!edit) return null;
      edits.push(edit);
    }
    return edits;
  }

  makeMountReadOnly(mount: Located<Mount>): TextEdit[] | null {
    const ref = mount.node as YamlRef | undefined;
    if (!ref || mount.editable === false || !isMap(ref.value)) return null;
    if (mount.value.readOnly) return [];
    return this.yaml.setInMapping(ref.value, 'readOnly', 'true');
  }

  /** A volumeMount's option (`mountPropagation`) is a key of its own: removed with its line. */
  removeMountOption(_mount: Located<Mount>, option: Located<string>): TextEdit[] | null {
    return this.remove(option);
  }

  bindPortToHostIp(port: Located<Port>, hostIp: string): TextEdit[] | null {
    const ref = port.node as YamlRef | undefined;
    if (!ref || port.editable === false || !isMap(ref.value) || port.value.mode !== 'published') return null;
    return this.yaml.setInMapping(ref.value, 'hostIP', stringScalar(hostIp));
  }

  // ---- securityContext --------------------------------------------------------------------------

  setSecurityContext(spec: ContainerSpec, level: SecurityContextLevel, fields: SecurityContextField[]): TextEdit[] | null {
    const container = this.container(spec);
    if (!container) return null;
    const owner: YAMLMap = level === 'container' ? container.map : container.pod.site.spec;
    const edits: TextEdit[] = [];
    const missing: Tree = {};
    for (const [path, value] of fields) {
      const existing = this.find(owner, ['securityContext', ...path]);
      if (existing === 'unreadable') return null;
      if (existing) {
        const edit = Array.isArray(value) ? this.extend(existing, value) : this.yaml.replaceScalarText(existing.value, value);
        if (!edit) return null;
        edits.push(...edit);
        continue;
      }
      let tree: Tree = missing;
      for (const key of path.slice(0, -1)) {
        const next = tree[key];
        if (typeof next === 'string' || Array.isArray(next)) return null;
        tree = tree[key] = next ?? {};
      }
      tree[path[path.length - 1]] = value;
    }
    if (Object.keys(missing).length === 0) return edits;
    // Template actions in the block may write these fields already: insert nothing there.
    if (level === 'container' ? container.templated : container.pod.pod.templated) return null;
    const inserted = this.yaml.insertTree(owner, { securityContext: missing });
    return inserted && [...edits, ...inserted];
  }

  /** The entry at `path` below `map`: undefined when a level is missing, `unreadable` when one is not a block mapping. */
  private find(map: YAMLMap, path: string[]): Entry | undefined | 'unreadable' {
    let current: unknown = map;
    let found: Entry | undefined;
    for (const key of path) {
      // Nothing there yet (`securityContext:`, `capabilities: {}`): the field is missing, and written there.
      if (current === null || current === undefined || (isMap(current) && current.flow && current.items.length === 0)) return undefined;
      if (!isMap(current) || current.flow) return 'unreadable';
      const pair = current.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) return undefined;
      found = { key, pair, owner: current, value: pair.value, shared: false };
      current = pair.value;
    }
    return found;
  }

  private extend(entry: Entry, values: string[]): TextEdit[] | null {
    if (!isSeq(entry.value) && entry.value !== null) return null;
    return this.yaml.extendList(entry, values);
  }

  private container(spec: ContainerSpec): KubernetesContainerRef | null {
    const ref = spec.origin.node as KubernetesContainerRef | undefined;
    if (!ref || !this.yaml.isAppendable(ref.map)) return null;
    return ref;
  }
}
