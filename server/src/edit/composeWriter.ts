import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ContainerSpec, Mount, ParsedFile, Port } from '../model/containerSpec';
import { isUnknown, type Located, type Maybe } from '../model/located';
import type { ListSetting, Setting, SpecWriter, TextEdit } from './writer';
import type { ComposeHandle, ComposeRef, ServiceRef } from '../parse/compose/refs';
import type { Entry } from '../yaml/access';
import { parseShortPort, splitVolume } from '../parse/shortSyntax';
import { doubleQuoted, inStyle, inStyleLoose, stringScalar, type Lines } from '../yaml/text';
import { YamlEditor, insert } from '../yaml/editor';

const LIST_KEYS: Record<ListSetting, string> = { capAdd: 'cap_add', capDrop: 'cap_drop', securityOpt: 'security_opt' };
/** Where a new list goes: right after its closest relative, else at the end of the service. */
const LIST_NEIGHBOURS: Record<ListSetting, string[]> = { capAdd: [], capDrop: ['cap_add'], securityOpt: ['cap_drop', 'cap_add'] };
const TOP_LEVEL_KEYS: Record<Setting, string> = { user: 'user', memory: 'mem_limit', cpus: 'cpus', pids: 'pids_limit', restart: 'restart', readOnly: 'read_only' };
const DEPLOY_KEYS: Partial<Record<Setting, string>> = { memory: 'memory', cpus: 'cpus', pids: 'pids' };

export function createComposeWriter(parsed: ParsedFile): SpecWriter {
  const handle = parsed.handle as ComposeHandle | undefined;
  // Text that YAML cannot read has no structure to edit against.
  if (!handle || parsed.problems.some((p) => p.severity === 'error')) {
    const none = () => null;
    return { remove: none, replace: none, addToList: none, setSettings: none, makeMountReadOnly: none, removeMountOption: none, bindPortToHostIp: none };
  }
  return new ComposeWriter(parsed.text, handle, parsed.specs);
}

class ComposeWriter implements SpecWriter {
  private readonly yaml: YamlEditor;
  private readonly lines: Lines;

  constructor(
    private readonly text: string,
    handle: ComposeHandle,
    private readonly specs: readonly ContainerSpec[],
  ) {
    this.yaml = new YamlEditor(text, handle.docs);
    this.lines = this.yaml.lines;
  }

  // ---- SpecWriter ------------------------------------------------------------------------------

  remove(item: Located<unknown>): TextEdit[] | null {
    const ref = item.node as ComposeRef | undefined;
    if (!ref) return null;
    const merged = this.mergedOverride(item, ref);
    if (merged) {
      if (merged.list) return merged.list((i, raw) => (i === merged.index ? null : raw));
      // `privileged: false` at the service undoes a merged `privileged: true` (as `oom_kill_disable: false` does its
      // own); other settings have no neutral value.
      return merged.entry.key === 'privileged' || merged.entry.key === 'oom_kill_disable' ? merged.scalar('false') : null;
    }
    if (item.editable === false) return null;
    if (ref.list) return this.yaml.removeListItem(ref.list);
    if (ref.entry) return this.yaml.removeEntry(ref.entry, ref.parents);
    return null;
  }

  replace(item: Located<unknown>, value: string): TextEdit[] | null {
    const ref = item.node as ComposeRef | undefined;
    if (!ref) return null;
    const merged = this.mergedOverride(item, ref);
    if (merged) {
      if (merged.list) return merged.list((i, raw) => (i === merged.index ? stringScalar(value) : raw));
      const node = merged.entry.value;
      return merged.scalar(isScalar(node) ? inStyle(value, node.type, node.value) : stringScalar(value));
    }
    if (item.editable === false || ref.entry?.shared) return null;
    return this.yaml.replaceScalar(ref.value, value);
  }

  addToList(spec: ContainerSpec, setting: ListSetting, values: string[]): TextEdit[] | null {
    const service = this.service(spec);
    if (!service) return null;
    const key = LIST_KEYS[setting];
    const existing = service.entries.get(key);
    if (existing && this.isMerged(existing, service)) {
      return this.overrideList(service, existing, (_i, raw) => raw, values.filter((v) => !listValues(existing).has(v)));
    }
    if (existing) return this.yaml.extendList(existing, values);
    const neighbour = LIST_NEIGHBOURS[setting].map((k) => service.entries.get(k)).find((e) => e && !e.shared && e.owner === service.map);
    const at = neighbour ? this.yaml.entryEnd(neighbour) : this.yaml.mapEnd(service.map);
    return [insert(at, this.yaml.listText(key, values, this.yaml.keyColumn(service.map)))];
  }

  setSettings(spec: ContainerSpec, values: Partial<Record<Setting, string>>): TextEdit[] | null {
    // A flow-mapping service (`app: {image: x, user: root}`) can have values replaced, not settings added.
    const service = this.service(spec, true);
    if (!service) return null;
    const edits: TextEdit[] = [];
    const topLevel: string[] = [];
    const inDeploy: [string, string][] = [];
    const deploy = service.entries.get('deploy');
    const useDeploy = deploy !== undefined && !deploy.shared && isMap(deploy.value);
    // Without a deploy of its own, a service follows the file: a new deploy block when the others set limits there.
    const newDeploy = deploy === undefined && this.fileLimitsStyle() === 'deploy';
    for (const [setting, value] of Object.entries(values) as [Setting, string][]) {
      if (value === undefined) continue;
      const current = currentValue(spec, setting);
      if (isUnknown(current)) return null;
      if (current) {
        const ref = current.node as ComposeRef | undefined;
        // The value was derived from another key (`cpu_quota`, swarm's `restart_policy`): do not overwrite it.
        if (!ref?.entry || (ref.entry.key !== TOP_LEVEL_KEYS[setting] && ref.entry.key !== DEPLOY_KEYS[setting])) return null;
        // A top-level value merged from an anchor is overridden at the service (own keys win over `<<`).
        if (ref.entry.key === TOP_LEVEL_KEYS[setting] && !ref.parents?.length && this.isMerged(ref.entry, service)) {
          topLevel.push(`${TOP_LEVEL_KEYS[setting]}: ${formatSetting(setting, value)}`);
          // The other services sharing the anchored value get the same override, as its finding is theirs too.
          for (const other of this.servicesMerging(ref.entry)) {
            if (other.map !== service.map) edits.push(this.overrideScalar(other, ref.entry.key, formatSetting(setting, value)));
          }
          continue;
        }
        if (current.editable === false) return null;
        const edit = isScalar(ref.value) ? this.yaml.replaceScalarText(ref.value, formatSetting(setting, value, ref.value)) : null;
        if (!edit) return null;
        edits.push(...edit);
        continue;
      }
      const deployKey = DEPLOY_KEYS[setting];
      if ((useDeploy || newDeploy) && deployKey) inDeploy.push([deployKey, formatSetting(setting, value)]);
      else topLevel.push(`${TOP_LEVEL_KEYS[setting]}: ${formatSetting(setting, value)}`);
    }
    const indent = this.lines.column((service.map.items[0].key as Node).range![0]);
    if ((topLevel.length > 0 || inDeploy.length > 0) && service.map.flow) return null;
    let atEnd = topLevel.map((l) => this.lines.eol + ' '.repeat(indent) + l).join('');
    if (newDeploy && inDeploy.length > 0) atEnd += this.yaml.nestedText(indent, ['deploy', 'resources', 'limits'], inDeploy);
    if (atEnd) edits.push(insert(this.yaml.mapEnd(service.map), atEnd));
    if (useDeploy && inDeploy.length > 0) {
      const edit = this.yaml.insertUnder(deploy!.value as YAMLMap, ['resources', 'limits'], inDeploy);
      if (!edit) return null;
      edits.push(edit);
    }
    return edits;
  }

  makeMountReadOnly(mount: Located<Mount>): TextEdit[] | null {
    const ref = mount.node as ComposeRef | undefined;
    if (!ref) return null;
    const merged = this.mergedOverride(mount, ref);
    if (!merged && mount.editable === false) return null;
    if (mount.value.readOnly) return [];
    const node = ref.value;
    if (isMap(node)) return merged ? null : this.yaml.setInMapping(node, 'read_only', 'true');
    if (!isScalar(node) || typeof node.value !== 'string') return null;
    const text = node.value;
    const parts = splitVolume(text);
    // An anonymous volume (`/data`) has no access-mode field to set.
    if (parts.length < 2) return null;
    let next: string;
    if (parts.length === 2) next = `${text}:ro`;
    else {
      const flags = parts[2].text.split(',').filter((f) => f !== 'rw' && f !== '');
      next = text.slice(0, parts[2].start) + ['ro', ...flags].join(',') + text.slice(parts[2].start + parts[2].text.length);
    }
    if (merged) return this.overrideItem(merged, text, inStyleLoose(next, node.type, true));
    return [this.yaml.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
  }

  removeMountOption(mount: Located<Mount>, option: Located<string>): TextEdit[] | null {
    const ref = mount.node as ComposeRef | undefined;
    if (!ref) return null;
    // A long-syntax option is a setting of its own (`bind: {propagation: rshared}`).
    if ((option.node as ComposeRef | undefined)?.entry) return this.remove(option);
    const merged = this.mergedOverride(mount, ref);
    if (!merged && mount.editable === false) return null;
    const node = ref.value;
    if (!isScalar(node) || typeof node.value !== 'string') return null;
    const text = node.value;
    const options = splitVolume(text)[2];
    if (!options) return null;
    const flags = options.text.split(',');
    const kept = flags.filter((f) => f !== option.raw);
    if (kept.length === flags.length) return null;
    const next = kept.length > 0 ? text.slice(0, options.start) + kept.join(',') : text.slice(0, options.start - 1);
    if (merged) return this.overrideItem(merged, text, inStyleLoose(next, node.type, true));
    return [this.yaml.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
  }

  bindPortToHostIp(port: Located<Port>, hostIp: string): TextEdit[] | null {
    const ref = port.node as ComposeRef | undefined;
    if (!ref || port.value.mode !== 'published') return null;
    const merged = this.mergedOverride(port, ref);
    if (!merged && port.editable === false) return null;
    const node = ref.value;
    if (isMap(node)) return merged ? null : this.yaml.setInMapping(node, 'host_ip', stringScalar(hostIp));
    if (!isScalar(node)) return null;
    const text = isScalar(node) && node.value !== null ? String(node.value) : '';
    const parsed = parseShortPort(text);
    if (!parsed) return null;
    // Without a host port (`- 80`: a random one), `IP::PORT` keeps it random, as Docker's port specs allow.
    const next = parsed.hostPort ? `${hostIp}:${text.slice(parsed.hostPort.start)}` : `${hostIp}::${text.slice(parsed.containerPort.start)}`;
    if (merged) return this.overrideItem(merged, text, inStyleLoose(next, node.type, true));
    return [this.yaml.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
  }

  // ---- settings merged from an anchor ---------------------------------------------------------

  /** The setting reaches the service through a merge key (`<<: *base`): it is written in the anchor, not the service. */
  private isMerged(entry: Entry, service: ServiceRef & { map: YAMLMap }): boolean {
    return entry.shared && entry.owner !== service.map && service.map.items.some((p) => isScalar(p.key) && p.key.value === '<<');
  }

  /**
   * For a value merged from an anchor, the edits that override it at its service instead of rewriting the
   * anchor (which other services share): a new scalar setting, or a copy of the list with one item changed.
   */
  private mergedOverride(item: Located<unknown>, ref: ComposeRef) {
    const entry = ref.list?.entry ?? ref.entry;
    if (!entry?.shared || ref.parents?.length) return null;
    const service = this.serviceOf(item);
    if (!service || !this.isMerged(entry, service) || service.entries.get(entry.key) !== entry) return null;
    // The finding is on the anchor's text, which every service merging it shares: override it in each of them.
    const services = this.servicesMerging(entry);
    return {
      entry,
      index: ref.list?.index,
      list: ref.list ? (map: (index: number, raw: string) => string | null) => everyOrNull(services.map((s) => this.overrideList(s, entry, map, []))) : undefined,
      scalar: (text: string): TextEdit[] => services.map((s) => this.overrideScalar(s, entry.key, text)),
    };
  }

  /** Overrides a merged list at each service with one item rewritten; never for an item behind a variable. */
  private overrideItem(merged: NonNullable<ReturnType<ComposeWriter['mergedOverride']>>, itemText: string, nextRaw: string): TextEdit[] | null {
    if (!merged.list || itemText.includes('$')) return null;
    return merged.list((i, raw) => (i === merged.index ? nextRaw : raw));
  }

  /** The services that merge this same anchored setting and do not set it themselves. */
  private servicesMerging(entry: Entry): (ServiceRef & { map: YAMLMap })[] {
    if (!this.mergedPairs) {
      // Indexed once: a file may hold thousands of services merging the same anchors.
      this.mergedPairs = new Map();
      for (const spec of this.specs) {
        const service = this.service(spec);
        if (!service) continue;
        for (const own of service.entries.values()) {
          if (!this.isMerged(own, service)) continue;
          const list = this.mergedPairs.get(own.pair) ?? [];
          if (!list.some((s) => s.map === service.map)) list.push(service);
          this.mergedPairs.set(own.pair, list);
        }
      }
    }
    return this.mergedPairs.get(entry.pair) ?? [];
  }
  private mergedPairs?: Map<Pair, (ServiceRef & { map: YAMLMap })[]>;

  private overrideScalar(service: ServiceRef & { map: YAMLMap }, key: string, text: string): TextEdit {
    const indent = this.lines.column((service.map.items[0].key as Node).range![0]);
    return insert(this.yaml.mapEnd(service.map), `${this.lines.eol}${' '.repeat(indent)}${key}: ${text}`);
  }

  /** Writes `key:` at the service with the merged list's items (as written, mapped by `map`) and `extra` values. */
  private overrideList(service: ServiceRef & { map: YAMLMap }, entry: Entry, map: (index: number, raw: string) => string | null, extra: string[]): TextEdit[] | null {
    const seq = entry.value;
    if (!isSeq(seq)) return null;
    // With several services merging the list, a copy in one would split the findings its other items
    // share at the anchor into one per service: only a list merged into a single service is copied.
    if (this.servicesMerging(entry).length !== 1) return null;
    const items: string[] = [];
    for (const [index, node] of seq.items.entries()) {
      // Aliases and multi-line items cannot be copied as written.
      if (!isScalar(node) || !node.range) return null;
      const raw = this.text.slice(node.range[0], node.range[1]);
      if (raw.includes('\n')) return null;
      const mapped = map(index, raw);
      if (mapped !== null) items.push(mapped);
    }
    items.push(...extra.map(stringScalar));
    if (extra.length === 0 && items.length === seq.items.length && items.every((t, i) => t === this.text.slice((seq.items[i] as Node).range![0], (seq.items[i] as Node).range![1]))) return [];
    const indent = this.lines.column((service.map.items[0].key as Node).range![0]);
    const style = this.yaml.fileStyle();
    const eol = this.lines.eol;
    const plainWithFlowIndicators = items.some((t) => !/^["']/.test(t) && /[,[\]{}]/.test(t));
    const text =
      items.length === 0 || (style.flowLists && !plainWithFlowIndicators)
        ? `${eol}${' '.repeat(indent)}${entry.key}: [${items.join(', ')}]`
        : `${eol}${' '.repeat(indent)}${entry.key}:${items.map((t) => `${eol}${' '.repeat(indent + style.listIndent)}- ${t}`).join('')}`;
    return [insert(this.yaml.mapEnd(service.map), text)];
  }

  /** The service whose spec holds `item`: each service reads merged values into its own located items. */
  private serviceOf(item: Located<unknown>): (ServiceRef & { map: YAMLMap }) | null {
    // Indexed once: scanning every spec per fix made files with thousands of services quadratic.
    if (!this.fieldOwners) {
      this.fieldOwners = new Map();
      for (const spec of this.specs) {
        const fields: unknown[] = [spec.user, spec.privileged, spec.readOnly, spec.oomKillDisable, ...Object.values(spec.limits), ...Object.values(spec.namespaces), ...spec.capAdd, ...spec.capDrop, ...spec.securityOpt, ...spec.links, ...spec.ports, ...spec.mounts];
        for (const field of fields) if (field !== undefined && !this.fieldOwners.has(field)) this.fieldOwners.set(field, spec);
      }
    }
    const spec = this.fieldOwners.get(item);
    return spec ? this.service(spec) : null;
  }
  private fieldOwners?: Map<unknown, ContainerSpec>;

  /** Where the file's services set their limits: `deploy` when more of them use `deploy.resources.limits` than `mem_limit`/`cpus`/`pids_limit`. */
  private fileLimitsStyle(): 'deploy' | 'top-level' {
    if (this.limitsStyle) return this.limitsStyle;
    let deploy = 0;
    let topLevel = 0;
    for (const spec of this.specs) {
      const entries = (spec.origin.node as ServiceRef | undefined)?.entries;
      if (!entries) continue;
      const d = entries.get('deploy')?.value;
      const resources = isMap(d) ? d.get('resources') : undefined;
      if (isMap(resources) && isMap(resources.get('limits'))) deploy++;
      if (['mem_limit', 'cpus', 'pids_limit'].some((k) => entries.has(k))) topLevel++;
    }
    this.limitsStyle = deploy > topLevel ? 'deploy' : 'top-level';
    return this.limitsStyle;
  }
  private limitsStyle?: 'deploy' | 'top-level';

  // ---- positions and style ---------------------------------------------------------------------

  private service(spec: ContainerSpec, flowAllowed = false): (ServiceRef & { map: YAMLMap }) | null {
    const ref = spec.origin.node as ServiceRef | undefined;
    if (!ref?.map || ref.entry.shared || (ref.map.flow && !flowAllowed) || ref.map.items.length === 0) return null;
    // With an anchor or a tag before the first key on its line, settings inserted at the key's column
    // may not belong to the mapping (found by fuzzing: `   &a  build:` then a new key broke the file).
    const firstKey = (ref.map.items[0].key as Node | null)?.range?.[0];
    if (!ref.map.flow && (firstKey === undefined || !this.lines.startsLine(firstKey))) return null;
    // A complex key (`? key`) ends where the library says, not where a new key could follow (found by fuzzing).
    if (ref.map.items.some((p) => !isScalar(p.key))) return null;
    return ref as ServiceRef & { map: YAMLMap };
  }

}

function everyOrNull(parts: (TextEdit[] | null)[]): TextEdit[] | null {
  return parts.some((p) => p === null) ? null : parts.flat() as TextEdit[];
}

/** The string values of a list setting's scalar items. */
function listValues(entry: Entry): Set<string> {
  return new Set(isSeq(entry.value) ? entry.value.items.map((i) => (isScalar(i) ? String(i.value) : '')) : []);
}

function currentValue(spec: ContainerSpec, setting: Setting): Maybe<unknown> {
  switch (setting) {
    case 'user':
      return spec.user;
    case 'readOnly':
      return spec.readOnly;
    case 'memory':
    case 'cpus':
    case 'pids':
    case 'restart':
      return spec.limits[setting];
  }
}

/** Each setting's usual spelling: `user` and `cpus` quoted, numbers and booleans plain. */
function formatSetting(setting: Setting, value: string, replacing?: Scalar): string {
  if (replacing && (replacing.type === 'QUOTE_SINGLE' || replacing.type === 'QUOTE_DOUBLE') && setting !== 'readOnly' && setting !== 'pids') {
    return inStyle(value, replacing.type, replacing.value);
  }
  switch (setting) {
    case 'user':
    case 'cpus':
      return doubleQuoted(value);
    case 'readOnly':
    case 'pids':
      return /^(?:true|false|-?\d+)$/.test(value) ? value : doubleQuoted(value);
    default:
      return stringScalar(value);
  }
}
