import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ContainerSpec, Mount, ParsedFile, Port } from '../model/containerSpec';
import { isUnknown, type Located, type Maybe } from '../model/located';
import type { ListSetting, Setting, SpecWriter, TextEdit } from './writer';
import { contentEnd } from '../parse/compose';
import type { ComposeHandle, ComposeRef, ServiceRef } from '../parse/compose/refs';
import type { Entry } from '../parse/compose/yamlAccess';
import { parseShortPort, splitVolume } from '../parse/shortSyntax';
import { Lines, doubleQuoted, inStyle, inStyleLoose, stringScalar } from './compose/text';

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

interface FileStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** Extra indentation of a block list's `-` under its key (0 for `key:\n- a`). */
  listIndent: number;
  flowLists: boolean;
}

class ComposeWriter implements SpecWriter {
  private readonly lines: Lines;
  private style?: FileStyle;

  constructor(
    private readonly text: string,
    private readonly handle: ComposeHandle,
    private readonly specs: readonly ContainerSpec[],
  ) {
    this.lines = new Lines(text);
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
    if (ref.list) return this.removeListItem(ref.list);
    if (ref.entry) return this.removeEntry(ref.entry, ref.parents);
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
    return this.replaceScalar(ref.value, value);
  }

  addToList(spec: ContainerSpec, setting: ListSetting, values: string[]): TextEdit[] | null {
    const service = this.service(spec);
    if (!service) return null;
    const key = LIST_KEYS[setting];
    const existing = service.entries.get(key);
    if (existing && this.isMerged(existing, service)) {
      return this.overrideList(service, existing, (_i, raw) => raw, values.filter((v) => !listValues(existing).has(v)));
    }
    if (existing) return this.extendList(existing, values);
    const neighbour = LIST_NEIGHBOURS[setting].map((k) => service.entries.get(k)).find((e) => e && !e.shared && e.owner === service.map);
    const style = this.fileStyle();
    const at = neighbour ? this.entryEnd(neighbour) : this.serviceEnd(service.map);
    const indent = this.lines.column((service.map.items[0].key as Node).range![0]);
    return [insert(at, this.listText(key, values, indent, style))];
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
        const edit = this.replaceScalar(ref.value, value, setting);
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
    if (newDeploy && inDeploy.length > 0) atEnd += this.limitsText(indent, ['deploy', 'resources', 'limits'], inDeploy);
    if (atEnd) edits.push(insert(this.serviceEnd(service.map), atEnd));
    if (useDeploy && inDeploy.length > 0) {
      const edit = this.insertLimits(deploy!, inDeploy);
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
    if (isMap(node)) return merged ? null : this.setInMapping(node, 'read_only', 'true');
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
    return [this.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
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
    return [this.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
  }

  bindPortToHostIp(port: Located<Port>, hostIp: string): TextEdit[] | null {
    const ref = port.node as ComposeRef | undefined;
    if (!ref || port.value.mode !== 'published') return null;
    const merged = this.mergedOverride(port, ref);
    if (!merged && port.editable === false) return null;
    const node = ref.value;
    if (isMap(node)) return merged ? null : this.setInMapping(node, 'host_ip', stringScalar(hostIp));
    if (!isScalar(node)) return null;
    const text = isScalar(node) && node.value !== null ? String(node.value) : '';
    const parsed = parseShortPort(text);
    if (!parsed) return null;
    // Without a host port (`- 80`: a random one), `IP::PORT` keeps it random, as Docker's port specs allow.
    const next = parsed.hostPort ? `${hostIp}:${text.slice(parsed.hostPort.start)}` : `${hostIp}::${text.slice(parsed.containerPort.start)}`;
    if (merged) return this.overrideItem(merged, text, inStyleLoose(next, node.type, true));
    return [this.scalarEdit(node, inStyleLoose(next, node.type, ref.list?.seq.flow === true))];
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
    return insert(this.serviceEnd(service.map), `${this.lines.eol}${' '.repeat(indent)}${key}: ${text}`);
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
    const style = this.fileStyle();
    const eol = this.lines.eol;
    const plainWithFlowIndicators = items.some((t) => !/^["']/.test(t) && /[,[\]{}]/.test(t));
    const text =
      items.length === 0 || (style.flowLists && !plainWithFlowIndicators)
        ? `${eol}${' '.repeat(indent)}${entry.key}: [${items.join(', ')}]`
        : `${eol}${' '.repeat(indent)}${entry.key}:${items.map((t) => `${eol}${' '.repeat(indent + style.listIndent)}- ${t}`).join('')}`;
    return [insert(this.serviceEnd(service.map), text)];
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

  // ---- removal ---------------------------------------------------------------------------------

  private removeEntry(entry: Entry, parents: Entry[] = []): TextEdit[] | null {
    if (entry.shared) return null;
    if (entry.owner.flow) return parents.length === 0 ? this.removeFlowPair(entry) : null;
    // The only key of a nested mapping (`limits: {memory}`): remove the mapping's key too.
    const parent = parents[parents.length - 1];
    if (parent && ownKeys(entry.owner) === 1) return this.removeEntry(parent, parents.slice(0, -1));
    const keyStart = (entry.pair.key as Node).range![0];
    if (!this.lines.startsLine(keyStart)) return null;
    const start = this.lines.lineStart(keyStart);
    const end = this.lines.nextLineStart(this.entryEnd(entry));
    return [{ range: { start, end }, newText: '' }];
  }

  /** Removes `key: value` from a flow mapping with one of its commas (`{image: x, privileged: true}`). */
  private removeFlowPair(entry: Entry): TextEdit[] | null {
    const pairs = entry.owner.items;
    const index = pairs.indexOf(entry.pair);
    const key = entry.pair.key as Node | null;
    // The last key of `{privileged: true}` would leave an empty mapping: leave that to the user.
    if (index < 0 || pairs.length < 2 || !key?.range) return null;
    const next = pairs[index + 1]?.key as Node | null | undefined;
    if (next) return next.range ? [{ range: { start: key.range[0], end: next.range[0] }, newText: '' }] : null;
    const prev = pairs[index - 1];
    const prevEnd = contentEnd(this.text, prev.value ?? prev.key);
    return [{ range: { start: prevEnd, end: contentEnd(this.text, entry.pair.value ?? key) }, newText: '' }];
  }

  private removeListItem(list: NonNullable<ComposeRef['list']>): TextEdit[] | null {
    const { entry, seq, index } = list;
    if (entry.shared) return null;
    if (seq.items.length === 1) return this.removeEntry(entry);
    const item = seq.items[index] as Node;
    if (!item?.range) return null;
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      if (next?.range) return [{ range: { start: item.range[0], end: next.range[0] }, newText: '' }];
      const prev = seq.items[index - 1] as Node;
      return [{ range: { start: contentEnd(this.text, prev), end: contentEnd(this.text, item) }, newText: '' }];
    }
    if (!this.lines.startsListLine(item.range[0])) return null;
    const start = this.lines.lineStart(item.range[0]);
    return [{ range: { start, end: this.lines.nextLineStart(contentEnd(this.text, item)) }, newText: '' }];
  }

  // ---- scalars ---------------------------------------------------------------------------------

  private replaceScalar(node: unknown, value: string, setting?: Setting): TextEdit[] | null {
    if (!isScalar(node) || !node.range) return null;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return null;
    const text = setting ? formatSetting(setting, value, node) : inStyle(value, node.type, node.value);
    return [this.scalarEdit(node, text)];
  }

  private scalarEdit(node: Scalar, newText: string): TextEdit {
    return { range: { start: node.range![0], end: node.range![1] }, newText };
  }

  // ---- lists -----------------------------------------------------------------------------------

  private extendList(entry: Entry, values: string[]): TextEdit[] | null {
    if (entry.shared) return null;
    const list = entry.value;
    const present = new Set(isSeq(list) ? list.items.map((i) => (isScalar(i) ? String(i.value) : '')) : []);
    const fresh = values.filter((v) => !present.has(v));
    if (fresh.length === 0) return [];
    if (isSeq(list)) return this.appendToSeq(list, fresh);
    // `cap_drop:` with no value yet: write the items as a block list under the key.
    if (list === null || list === undefined || (isScalar(list) && list.value === null)) {
      const keyNode = entry.pair.key as Node;
      if (!this.lines.startsLine(keyNode.range![0]) || entry.owner.flow) return null;
      const column = this.lines.column(keyNode.range![0]) + this.fileStyle().listIndent;
      const items = fresh.map((v) => `${this.lines.eol}${' '.repeat(column)}- ${stringScalar(v)}`).join('');
      return [insert(this.lines.contentEnd(keyNode.range![1]), items)];
    }
    return null;
  }

  private appendToSeq(seq: YAMLSeq, values: string[]): TextEdit[] | null {
    const items = seq.items as Node[];
    if (seq.flow) {
      if (items.length === 0) {
        const open = seq.range![0];
        if (this.text[open] !== '[') return null;
        return [insert(open + 1, values.map(stringScalar).join(', '))];
      }
      return [insert(contentEnd(this.text, items[items.length - 1]), values.map((v) => `, ${stringScalar(v)}`).join(''))];
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (!first?.range || !last?.range || !this.lines.startsListLine(first.range[0])) return null;
    const dash = this.lines.dashColumn(first.range[0]);
    const gap = first.range[0] - this.lines.lineStart(first.range[0]) - dash;
    const text = values.map((v) => `${this.lines.eol}${' '.repeat(dash)}-${' '.repeat(gap - 1)}${stringScalar(v)}`).join('');
    return [insert(this.lines.contentEnd(contentEnd(this.text, last)), text)];
  }

  private listText(key: string, values: string[], indent: number, style: FileStyle): string {
    const eol = this.lines.eol;
    if (style.flowLists) return `${eol}${' '.repeat(indent)}${key}: [${values.map(stringScalar).join(', ')}]`;
    const items = values.map((v) => `${eol}${' '.repeat(indent + style.listIndent)}- ${stringScalar(v)}`).join('');
    return `${eol}${' '.repeat(indent)}${key}:${items}`;
  }

  // ---- mappings --------------------------------------------------------------------------------

  /** Sets `key: value` in a long-syntax mapping: replaces the value, or adds the key aligned with the others. */
  private setInMapping(map: YAMLMap, key: string, value: string): TextEdit[] | null {
    if (map.items.length === 0) return null;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
    if (pair) {
      if (!isScalar(pair.value) || !pair.value.range) return null;
      return [this.scalarEdit(pair.value, value)];
    }
    if (map.flow) {
      // `{target: 80, published: 8080}` gets `, host_ip: …` after its last pair, inside the braces.
      const last = map.items[map.items.length - 1];
      const node = (last.value ?? last.key) as Node | null;
      return node?.range ? [insert(contentEnd(this.text, node), `, ${key}: ${value}`)] : null;
    }
    const firstKey = map.items[0].key as Node;
    if (!firstKey?.range || !(this.lines.startsLine(firstKey.range[0]) || this.lines.startsListLine(firstKey.range[0]))) return null; // an anchor or tag before it (see service())
    if (map.items.some((p) => !isScalar(p.key))) return null; // a complex key (see service())
    const column = this.lines.column(firstKey.range[0]);
    const at = this.lines.contentEnd(contentEnd(this.text, map));
    return [insert(at, `${this.lines.eol}${' '.repeat(column)}${key}: ${value}`)];
  }

  /** Puts limits under `deploy.resources.limits`, creating the missing levels. */
  private insertLimits(deploy: Entry, lines: [string, string][]): TextEdit | null {
    const render = (column: number, path: string[]) => this.limitsText(column, path, lines);
    let map = deploy.value as YAMLMap;
    const path = ['resources', 'limits'];
    while (path.length > 0) {
      if (map.flow || map.items.length === 0) return null;
      const child = map.items.find((p) => isScalar(p.key) && p.key.value === path[0]);
      if (!child) break;
      if (!isMap(child.value)) return null;
      map = child.value;
      path.shift();
    }
    if (map.flow || map.items.length === 0) return null;
    const firstKey = map.items[0].key as Node | null;
    if (!firstKey?.range || !(this.lines.startsLine(firstKey.range[0]) || this.lines.startsListLine(firstKey.range[0]))) return null; // an anchor or tag before it (see service())
    if (map.items.some((p) => !isScalar(p.key))) return null; // a complex key (see service())
    const column = this.lines.column(firstKey.range[0]);
    return insert(this.lines.contentEnd(contentEnd(this.text, map)), render(column, path));
  }

  /** The missing mapping levels `path` at `column`, then the limits under them, each on its own line. */
  private limitsText(column: number, path: string[], lines: [string, string][]): string {
    const unit = this.fileStyle().indent;
    const eol = this.lines.eol;
    let out = '';
    path.forEach((k, depth) => (out += `${eol}${' '.repeat(column + depth * unit)}${k}:`));
    const leafColumn = column + path.length * unit;
    for (const [k, v] of lines) out += `${eol}${' '.repeat(leafColumn)}${k}: ${v}`;
    return out;
  }

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

  /** The end of a setting's last line of content (comments and blank lines after it excluded). */
  private entryEnd(entry: Entry): number {
    return this.lines.contentEnd(contentEnd(this.text, entry.pair.value ?? entry.pair.key));
  }

  private serviceEnd(map: YAMLMap): number {
    return this.lines.contentEnd(contentEnd(this.text, map));
  }

  private fileStyle(): FileStyle {
    if (this.style) return this.style;
    let flow = 0;
    let block = 0;
    let listIndent: number | undefined;
    let indent: number | undefined;
    const visit = (node: unknown, depth: number, keyColumn: number) => {
      if (depth > 50) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = pair.key as Node | null;
          const column = key?.range ? this.lines.column(key.range[0]) : 0;
          const value = pair.value as Node | null;
          if (isSeq(value) && value.items.length > 0) {
            if (value.flow) flow++;
            else {
              block++;
              const first = value.items[0] as Node;
              if (listIndent === undefined && first?.range && this.lines.startsListLine(first.range[0])) {
                listIndent = this.lines.dashColumn(first.range[0]) - column;
              }
            }
          }
          if (isMap(value) && !value.flow && value.items.length > 0 && indent === undefined && depth > 0) {
            const inner = value.items[0].key as Node | null;
            if (inner?.range && key?.range) indent = this.lines.column(inner.range[0]) - column;
          }
          visit(value, depth + 1, column);
        }
      } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1, keyColumn);
    };
    for (const doc of this.handle.docs) visit(doc.contents, 0, 0);
    const unit = indent !== undefined && indent > 0 ? indent : 2;
    this.style = { indent: unit, listIndent: listIndent !== undefined && listIndent >= 0 ? listIndent : unit, flowLists: flow > block };
    return this.style;
  }
}

function insert(at: number, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

function everyOrNull(parts: (TextEdit[] | null)[]): TextEdit[] | null {
  return parts.some((p) => p === null) ? null : parts.flat() as TextEdit[];
}

/** The string values of a list setting's scalar items. */
function listValues(entry: Entry): Set<string> {
  return new Set(isSeq(entry.value) ? entry.value.items.map((i) => (isScalar(i) ? String(i.value) : '')) : []);
}

function ownKeys(map: YAMLMap): number {
  return map.items.length;
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
