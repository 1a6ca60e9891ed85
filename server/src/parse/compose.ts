import { parseAllDocuments, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { compactLists, emptySpec, markUnknown, type ContainerSpec, type Device, type EnvVar, type Mount, type ParsedFile, type ParseProblem, type Port, type ShellCommand } from '../model/containerSpec';
import { unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import { tokenizeShell } from './shellWords';
import { AliasTable, entriesOf, isAlias, isMap, isScalar, isSeq, type Entry } from '../yaml/access';
import { clampRange, contentEnd, nodeRange, valueBase } from '../yaml/ranges';
import { interpolate, splitOutsideVariables, writtenInOf, type ComposeVariables } from './compose/interpolate';
import { SharedReads } from './compose/sharedReads';
import { readServiceKeys } from './compose/serviceKeys';
import { ServiceRef, type ComposeHandle, type ComposeRef } from './compose/refs';
import { isHostPath, parseShortPort, PROPAGATION_MODES, splitVolume, type Part } from './shortSyntax';
import { normalizeHostPath } from './hostPath';
import { parseImageRef } from '../model/imageRef';
import { holdsPlaceholder, PLACEHOLDER_REASON } from './placeholders';
import { startedImagePrivilegeDrop } from './dockerfile/images';
import { findExcessiveNesting, MAX_YAML_NESTING } from './yamlDepth';

/** A long-syntax `published:` value: a port or a port range (after interpolation). */
const PUBLISHED_PORT = /^\d+(?:-\d+)?$/;

/** Says what a `published:` value that is no port should be written as; `127.0.0.1:8080` is split into its parts. */
function invalidPublishedMessage(value: string): string {
  const split = /^(\[[^\]]*\]|[^:]*):(\d+(?:-\d+)?)$/.exec(value);
  const advice = split ? `write the address in host_ip: "${split[1].replace(/^\[|\]$/g, '')}" and the port in published: "${split[2]}"` : 'write a port (8080) or a port range (8000-8010)';
  return `published: "${value}" is not a port or a port range, so Docker rejects it (invalid port specification); ${advice}.`;
}

/** More expanded nodes than this means an alias bomb, not a Compose file (the `maxAliasNodes` setting). */
export const DEFAULT_MAX_ALIAS_NODES = 100_000;

/** `variables`: the project's (compose/interpolate.ts); without them `${VAR}` is unknown. */
export function parseCompose(text: string, maxAliasNodes = DEFAULT_MAX_ALIAS_NODES, variables?: ComposeVariables): ParsedFile {
  const problems: ParseProblem[] = [];
  const specs: ContainerSpec[] = [];
  const handle: ComposeHandle = { docs: [] };
  const result: ParsedFile = { kind: 'compose', text, specs, problems, handle };
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    problems.push({ message: `could not parse compose file: nested more than ${MAX_YAML_NESTING} levels deep`, range: { start: tooDeep, end: tooDeep }, severity: 'error' });
    return result;
  }
  try {
    const docs = parseAllDocuments(text, { prettyErrors: false, merge: false, uniqueKeys: false });
    if (!Array.isArray(docs)) return result;
    handle.docs = docs;
    for (const doc of docs) {
      // The first syntax error of a document only: the ones after it mostly follow from it.
      for (const error of doc.errors.slice(0, 1)) {
        problems.push({ message: `could not parse compose file: ${error.message}`, range: clampRange(text, error.pos), severity: 'error' });
      }
      readDocument(text, doc, specs, problems, maxAliasNodes, variables);
    }
  } catch (error) {
    problems.push({
      message: `could not parse compose file: ${error instanceof Error ? error.message : String(error)}`,
      range: { start: 0, end: 0 },
      severity: 'error',
    });
  }
  return result;
}

export function readDocument(text: string, doc: Document, specs: ContainerSpec[], problems: ParseProblem[], maxAliasNodes: number, variables?: ComposeVariables): void {
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return;
  const aliases = new AliasTable(doc, text, maxAliasNodes);
  if (aliases.exploded) {
    problems.push({
      message: 'could not parse compose file: its aliases expand to too many nodes (an alias bomb?)',
      range: nodeRange(text, root),
      severity: 'error',
    });
    return;
  }
  if (!isMap(root)) {
    problems.push({ message: 'a compose file must be a mapping (services:, volumes:, ...)', range: nodeRange(text, root), severity: 'error' });
    return;
  }
  const top = entriesOf(root, aliases, false);
  const sharedReads = new SharedReads();
  const includes = top.has('include');
  const services = top.get('services');
  if (!services || services.value === null || services.value === undefined) return;
  if (isScalar(services.value) && services.value.value === null) return;
  if (!isMap(services.value)) {
    problems.push({ message: '`services` must be a mapping of service names to settings', range: nodeRange(text, services.value), severity: 'error' });
    return;
  }
  for (const entry of entriesOf(services.value, aliases, services.shared).values()) {
    if (entry.key.startsWith('x-')) continue;
    const value = entry.value;
    const isEmpty = value === null || value === undefined || (isScalar(value) && value.value === null);
    if (!isEmpty && !isMap(value)) {
      problems.push({ message: `service "${entry.key}" must be a mapping of settings`, range: nodeRange(text, value), severity: 'error' });
      continue;
    }
    const map = isMap(value) ? value : undefined;
    const entries = map ? entriesOf(map, aliases, entry.shared) : new Map<string, Entry>();
    const keyNode = entry.pair.key as Node;
    const nameRange = nodeRange(text, keyNode);
    const ref = new ServiceRef(entry, map, doc, aliases);
    const spec = emptySpec({
      kind: 'compose',
      name: entry.key,
      range: { start: nameRange.start, end: map ? contentEnd(text, map) : nameRange.end },
      nameRange,
      node: ref,
    });
    spec.incomplete = includes;
    new ServiceReader(text, aliases, sharedReads, spec, problems, variables).read(entries);
    readServiceKeys(spec, entries, text);
    compactLists(spec);
    specs.push(spec);
  }
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, True: true, False: false, TRUE: true, FALSE: false };

class ServiceReader {
  constructor(
    private readonly text: string,
    private readonly aliases: AliasTable,
    private readonly shared: SharedReads,
    private readonly spec: ContainerSpec,
    private readonly problems: ParseProblem[],
    private readonly variables: ComposeVariables | undefined,
  ) {}

  /** A value Compose rejects; one problem per range, though an anchored value is read by every service merging it. */
  private problem(message: string, range: SourceRange): void {
    if (this.problems.some((p) => p.range.start === range.start && p.range.end === range.end)) return;
    this.problems.push({ message, range, severity: 'error' });
  }

  read(entries: Map<string, Entry>): void {
    const spec = this.spec;
    const get = (key: string) => entries.get(key);
    if (get('extends')) spec.incomplete = true;
    spec.user = this.string(get('user'));
    spec.privileged = this.bool(get('privileged'));
    spec.readOnly = this.bool(get('read_only'));
    this.list(get('cap_add'), 'cap_add', spec.capAdd, this.stringList);
    this.list(get('cap_drop'), 'cap_drop', spec.capDrop, this.stringList);
    this.list(get('security_opt'), 'security_opt', spec.securityOpt, this.stringList);
    this.list(get('links'), 'links', spec.links, this.stringList);
    spec.capAddField = this.field(get('cap_add'));
    spec.capDropField = this.field(get('cap_drop'));
    spec.securityOptField = this.field(get('security_opt'));
    spec.linksField = this.field(get('links'));
    this.list(get('volumes'), 'volumes', spec.mounts, this.volumes);
    this.list(get('ports'), 'ports', spec.ports, this.ports);
    this.list(get('expose'), 'expose', spec.ports, this.expose);
    this.list(get('devices'), 'devices', spec.devices, this.devices);
    this.limits(entries);
    spec.namespaces.network = this.string(get('network_mode'));
    spec.namespaces.pid = this.string(get('pid'));
    spec.namespaces.ipc = this.string(get('ipc'));
    spec.namespaces.uts = this.string(get('uts'));
    spec.namespaces.userns = this.string(get('userns_mode'));
    spec.namespaces.cgroup = this.string(get('cgroup'));
    spec.oomKillDisable = this.bool(get('oom_kill_disable'));
    this.logging(get('logging'), get('log_driver'));
    this.image(get('image'), get('build') !== undefined);
    this.environment(get('environment'));
    this.list(get('command'), 'command', spec.commands, this.command);
    this.list(get('entrypoint'), 'entrypoint', spec.commands, this.command);
    spec.dropsPrivilegesAtRuntime = startedImagePrivilegeDrop(spec, get('entrypoint') !== undefined);
  }

  // ---- building blocks -------------------------------------------------------------------------

  // A list item's range is asked for several times in a row (the item, its raw text, each short-syntax
  // part), and each time walked and trimmed: the last node's range and value base are kept (profiled).
  private lastNode: unknown = undefined;
  private lastRange: SourceRange = { start: 0, end: 0 }; // nodeRange of undefined
  /** `null` until computed for `lastNode`. */
  private lastBase: number | undefined | null = null;

  private measured(node: unknown): SourceRange {
    if (node !== this.lastNode) {
      this.lastNode = node;
      this.lastRange = nodeRange(this.text, node);
      this.lastBase = null;
    }
    return this.lastRange;
  }

  private raw(node: unknown): string {
    const r = this.measured(node);
    return this.text.slice(r.start, r.end);
  }

  /** Where a scalar's value starts in the text when written verbatim (`valueBase`), for the last node measured. */
  private valueBaseOf(node: unknown): number | undefined {
    this.measured(node);
    if (this.lastBase === null) this.lastBase = isScalar(node) ? valueBase(this.text, node) : undefined;
    return this.lastBase;
  }

  /** A whole setting is written at its pair, or at the anchored node when its value is an alias. */
  private settingRange(entry: Entry): SourceRange {
    if (entry.pair.value !== entry.value) return this.itemRange(entry.value);
    const keyStart = (entry.pair.key as Node).range?.[0] ?? 0;
    const node = entry.value ?? entry.pair.key;
    // A node with a range ends where nodeRange ends it, and the value's range is asked for next (raw text).
    return { start: keyStart, end: (node as Node | null)?.range ? this.measured(node).end : contentEnd(this.text, node) };
  }

  /** The text of a scalar as Compose reads it (numbers as written, `~`/empty as absent). */
  private scalarText(node: unknown): string | undefined {
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    if (typeof node.value === 'string') return node.value;
    return this.raw(node);
  }

  private field(entry: Entry | undefined): Located<null> | undefined {
    if (!entry) return undefined;
    return entry.shared ? this.shared.once(entry, 'field', () => this.readField(entry)) : this.readField(entry);
  }

  private readField(entry: Entry): Located<null> {
    const key = entry.pair.key as Node;
    const range = nodeRange(this.text, key);
    return { value: null, range, raw: this.text.slice(range.start, range.end), editable: !entry.shared, node: { value: entry.value, entry } satisfies ComposeRef };
  }

  /** A scalar setting: known, unknown behind a variable, or absent. */
  private string(entry: Entry | undefined, parents?: Entry[]): Maybe<string> {
    if (!entry) return undefined;
    if (entry.shared && !parents) return this.shared.once(entry, 'string', () => this.readString(entry));
    return this.readString(entry, parents);
  }

  private readString(entry: Entry, parents?: Entry[]): Maybe<string> {
    const text = this.scalarText(entry.value);
    if (text === undefined) return undefined;
    return this.scalarAt(entry, text, this.settingRange(entry), parents ? { value: entry.value, entry, parents } : { value: entry.value, entry });
  }

  /**
   * The located value of a scalar entry whose text is `text`, at `range`. Each caller builds its result
   * once rather than copying another with a spread (`{ ...s, range }`), ~2 % of linting a Compose file
   * with 2,000 services (profiled).
   */
  private scalarAt(entry: Entry, text: string, range: SourceRange, ref: ComposeRef): Maybe<string> {
    const raw = this.raw(entry.value);
    const value = interpolate(text, this.variables);
    if (!value.known) return unknown(range.start, range.end, raw, value.reason);
    const located: Located<string> = { value: value.value, range, raw, editable: !entry.shared && !value.hasVariables, node: ref };
    if (value.origins) located.writtenIn = writtenInOf(value.origins);
    return located;
  }

  /** A scalar setting located at its value rather than at its pair (`target: /data`, an environment variable's value). */
  private valueOf(entry: Entry, ref: ComposeRef = { value: entry.value, entry }): Maybe<string> {
    const text = this.scalarText(entry.value);
    if (text === undefined) return undefined;
    return this.scalarAt(entry, text, this.itemRange(entry.value), ref);
  }

  /** A scalar inside a long-syntax item (`target: /data`): located at the value, not at the pair. */
  private inner(entry: Entry | undefined): Located<string> | undefined {
    const s = entry && this.valueOf(entry);
    return s && 'value' in s ? s : undefined;
  }

  private bool(entry: Entry | undefined): Maybe<boolean> {
    if (!entry) return undefined;
    return entry.shared ? this.shared.once(entry, 'bool', () => this.readBool(entry)) : this.readBool(entry);
  }

  /** Through `readString`, not `string`: a shared boolean is kept once, as the boolean, not as its text too. */
  private readBool(entry: Entry): Maybe<boolean> {
    const s = this.readString(entry);
    if (!s || !('value' in s)) return s;
    const b = Object.hasOwn(BOOLEANS, s.value) ? BOOLEANS[s.value] : undefined; // not `constructor` through Object.prototype
    if (b === undefined) return unknown(s.range.start, s.range.end, s.raw, `"${s.value}" is not a boolean`);
    return { value: b, range: s.range, raw: s.raw, editable: s.editable, node: s.node };
  }

  /** Iterates a list setting; a scalar in place of the list (`cap_drop: ${DROP}`) makes the field unknown. */
  private items(entry: Entry | undefined, name: string, visit: (node: unknown, shared: boolean, ref: ComposeRef) => void): void {
    if (!entry) return;
    const list = entry.value;
    if (isSeq(list)) {
      for (let index = 0; index < list.items.length; index++) {
        const item = list.items[index];
        if (isAlias(item)) {
          const { node, viaAlias } = this.aliases.deref(item);
          visit(node, entry.shared || viaAlias, { value: node, list: { entry, seq: list, index } });
        } else visit(item, entry.shared, { value: item, list: { entry, seq: list, index } });
      }
      return;
    }
    if (isScalar(list) && list.value === null) return;
    markUnknown(this.spec, name);
  }

  /**
   * The range of a node's own text. Located values of one node share the object `measured` made for it
   * (nothing changes a range once read: fixes and relocated copies make new ones), which saved a copy per
   * list item, part and value.
   */
  private itemRange(node: unknown): SourceRange {
    return this.measured(node);
  }

  /**
   * Reads a list setting into `into` with `read`. For a shared entry, what the first service read (and
   * whether that made the setting unknown) is pushed again for the others (SharedReads).
   */
  private list<T>(entry: Entry | undefined, name: string, into: T[], read: (this: ServiceReader, entry: Entry, name: string, into: T[]) => void): void {
    if (!entry) return;
    if (!entry.shared) return read.call(this, entry, name, into);
    let first = false;
    const done = this.shared.once(entry, name, () => {
      first = true;
      const from = into.length;
      const knownBefore = !this.spec.unknownFields.has(name);
      read.call(this, entry, name, into);
      return { items: into.slice(from), unknown: knownBefore && this.spec.unknownFields.has(name) };
    });
    if (first) return;
    for (const item of done.items) into.push(item);
    if (done.unknown) markUnknown(this.spec, name);
  }

  private stringList(entry: Entry, name: string, into: Located<string>[]): void {
    this.items(entry, name, (node, shared, ref) => {
      const text = this.scalarText(node);
      if (text === undefined) return;
      const value = interpolate(text, this.variables);
      if (!value.known) {
        markUnknown(this.spec, name);
        return;
      }
      const item: Located<string> = { value: value.value, range: this.itemRange(node), raw: this.raw(node), editable: !shared && !value.hasVariables, node: ref };
      if (value.origins) item.writtenIn = writtenInOf(value.origins);
      into.push(item);
    });
  }

  /** A piece of a short-syntax string, located inside the scalar when it is written verbatim. */
  private part(node: unknown, part: Part, shared: boolean): Located<string> {
    const base = this.valueBaseOf(node);
    const value = interpolate(part.text, this.variables);
    // An unknown piece keeps its text: rules compare it with real paths and ports and stay silent.
    const text = value.known ? value.value : part.text;
    const range = base === undefined ? this.itemRange(node) : { start: base + part.start, end: base + part.start + part.text.length };
    const located: Located<string> = { value: text, range, raw: part.text, editable: !shared && !part.text.includes('$') };
    if (value.known && value.origins) located.writtenIn = writtenInOf(value.origins);
    return located;
  }

  // ---- settings --------------------------------------------------------------------------------

  private volumes(entry: Entry): void {
    this.items(entry, 'volumes', (node, shared, ref) => {
      const range = this.itemRange(node);
      const base = { range, raw: this.raw(node), editable: !shared, node: ref };
      if (isMap(node)) {
        const mount = this.longMount(node, shared);
        if (mount) this.spec.mounts.push({ value: mount, ...base });
        return;
      }
      const text = this.scalarText(node);
      if (text === undefined) return;
      const parts = splitVolume(text);
      const editable = !shared && !text.includes('$');
      if (parts.length === 1) {
        const target = this.part(node, parts[0], shared);
        this.spec.mounts.push({ value: { type: 'volume', target, readOnly: false, syntax: 'short' }, ...base, editable });
        return;
      }
      const source = this.part(node, parts[0], shared);
      const target = this.part(node, parts[1], shared);
      let readOnly = false;
      let readOnlyAt: SourceRange | undefined;
      let propagation: Located<string> | undefined;
      for (const option of parts.slice(2)) {
        let offset = option.start;
        for (const flag of option.text.split(',')) {
          if (flag === 'ro' || flag === 'readonly') {
            readOnly = true;
            readOnlyAt = this.part(node, { text: flag, start: offset }, shared).range;
          } else if (PROPAGATION_MODES.has(flag)) {
            propagation = this.part(node, { text: flag, start: offset }, shared);
          }
          offset += flag.length + 1;
        }
      }
      source.value = isHostPath(source.value) ? normalizeHostPath(source.value) : source.value;
      const mount: Mount = { type: isHostPath(source.value) ? 'bind' : 'volume', source, target, readOnly, syntax: 'short', ...(readOnlyAt ? { readOnlyAt } : {}) };
      if (propagation) mount.propagation = propagation;
      this.spec.mounts.push({ value: mount, ...base, editable });
    });
  }

  private longMount(map: YAMLMap, shared: boolean): Mount | undefined {
    const entries = entriesOf(map, this.aliases, shared);
    const source = this.inner(entries.get('source'));
    const target = this.inner(entries.get('target'));
    const readOnly = this.bool(entries.get('read_only'));
    const typeValue = this.string(entries.get('type'));
    const sourceText = source?.value;
    const type = typeValue && 'value' in typeValue ? typeValue.value : sourceText !== undefined && isHostPath(sourceText) ? 'bind' : 'volume';
    const known = readOnly && 'value' in readOnly ? readOnly : undefined;
    const propagation = this.propagation(entries.get('bind'));
    return {
      type,
      ...(source ? { source: type === 'bind' ? { ...source, value: normalizeHostPath(source.value) } : source } : {}),
      ...(target ? { target } : {}),
      readOnly: known?.value === true,
      ...(known?.value === true ? { readOnlyAt: known.range } : {}),
      syntax: 'long',
      ...(propagation ? { propagation } : {}),
    };
  }

  /** `bind: { propagation: rshared }` of a long-syntax volume, located at its value; removing it removes `bind:` when nothing else is in it. */
  private propagation(bind: Entry | undefined): Located<string> | undefined {
    if (!bind || !isMap(bind.value)) return undefined;
    const entry = entriesOf(bind.value, this.aliases, bind.shared).get('propagation');
    const value = entry && this.valueOf(entry, { value: entry.value, entry, parents: [bind] });
    return value && 'value' in value ? { ...value, value: value.value.toLowerCase() } : undefined;
  }

  /**
   * `logging: { driver: none }`, or the version 2 file format's `log_driver: none`. The `logging:` key is kept
   * as a field: without its driver, options written for it would go to the default driver.
   */
  private logging(logging: Entry | undefined, legacy: Entry | undefined): void {
    if (logging && isMap(logging.value)) {
      const driver = entriesOf(logging.value, this.aliases, logging.shared).get('driver');
      if (!driver) return;
      // Kept only with its driver: a `logging:` without one does not set the driver a base service may give.
      this.spec.loggingField = this.field(logging);
      this.spec.logDriver = this.valueOf(driver, { value: driver.value, entry: driver, parents: [logging] });
      return;
    }
    if (legacy) this.spec.logDriver = this.valueOf(legacy);
  }

  private ports(entry: Entry): void {
    this.items(entry, 'ports', (node, shared, ref) => {
      const range = this.itemRange(node);
      const base = { range, raw: this.raw(node), editable: !shared, node: ref };
      if (isMap(node)) {
        const e = entriesOf(node, this.aliases, shared);
        const target = this.inner(e.get('target'));
        if (!target) return;
        const published = this.inner(e.get('published'));
        const hostIp = this.inner(e.get('host_ip'));
        const protocol = this.inner(e.get('protocol'));
        if ([target, published, hostIp].some((part) => part && holdsPlaceholder(part.value))) {
          markUnknown(this.spec, 'ports'); // `published: <port>`: which port, and on which address, is not written
          return;
        }
        if (published && !PUBLISHED_PORT.test(published.value)) {
          // `published: "127.0.0.1:8080"` is no port: Docker refuses to start the container (host_ip holds the address).
          this.problem(invalidPublishedMessage(published.value), published.range);
          return;
        }
        const port: Port = {
          containerPort: target,
          ...(published ? { hostPort: published } : {}),
          ...(hostIp ? { hostIp } : {}),
          protocol: protocol?.value ?? 'tcp',
          mode: 'published',
          syntax: 'long',
        };
        this.spec.ports.push({ value: port, ...base });
        return;
      }
      const port = this.shortPort(node, shared, 'published');
      if (port) this.spec.ports.push({ value: port, ...base, editable: base.editable && !base.raw.includes('$') });
    });
  }

  private shortPort(node: unknown, shared: boolean, mode: Port['mode']): Port | undefined {
    const text = this.scalarText(node);
    if (text === undefined) return undefined;
    if (holdsPlaceholder(text)) {
      markUnknown(this.spec, 'ports'); // `"<port>:80"` may stand for `127.0.0.1:8080:80`
      return undefined;
    }
    const parsed = parseShortPort(text);
    if (!parsed) return undefined;
    return {
      containerPort: this.part(node, parsed.containerPort, shared),
      ...(parsed.hostPort ? { hostPort: this.part(node, parsed.hostPort, shared) } : {}),
      ...(parsed.hostIp ? { hostIp: this.part(node, parsed.hostIp, shared) } : {}),
      protocol: parsed.protocol,
      mode,
      syntax: 'short',
    };
  }

  private expose(entry: Entry): void {
    this.items(entry, 'expose', (node, shared, ref) => {
      const port = this.shortPort(node, shared, 'exposed');
      if (!port) return;
      // `expose` never publishes: whatever looks like a host part is not one.
      const exposed: Port = { containerPort: port.containerPort, protocol: port.protocol, mode: 'exposed', syntax: 'short' };
      this.spec.ports.push({ value: exposed, range: this.itemRange(node), raw: this.raw(node), editable: !shared, node: ref });
    });
  }

  private devices(entry: Entry): void {
    this.items(entry, 'devices', (node, shared, ref) => {
      const base = { range: this.itemRange(node), raw: this.raw(node), editable: !shared, node: ref };
      if (isMap(node)) {
        const e = entriesOf(node, this.aliases, shared);
        const host = this.inner(e.get('source'));
        if (!host || holdsPlaceholder(host.value)) return;
        const container = this.inner(e.get('target'));
        const permissions = this.inner(e.get('permissions'));
        const device: Device = {
          host,
          ...(container ? { container } : {}),
          ...(permissions ? { permissions } : {}),
        };
        this.spec.devices.push({ value: device, ...base });
        return;
      }
      const text = this.scalarText(node);
      if (text === undefined || holdsPlaceholder(text)) return; // `- <device>`: no device is named
      // CDI names (`vendor.com/gpu=all`) have no colon-separated parts.
      const parts = text.includes('=') ? [{ text, start: 0 }] : splitOutsideVariables(text, ':');
      const device: Device = {
        host: this.part(node, parts[0], shared),
        ...(parts[1] ? { container: this.part(node, parts[1], shared) } : {}),
        ...(parts[2] ? { permissions: this.part(node, parts[2], shared) } : {}),
      };
      this.spec.devices.push({ value: device, ...base });
    });
  }

  private limits(entries: Map<string, Entry>): void {
    const limits = this.spec.limits;
    limits.memory = this.string(entries.get('mem_limit'));
    limits.cpus = this.string(entries.get('cpus')) ?? this.string(entries.get('cpu_quota'));
    limits.pids = this.string(entries.get('pids_limit'));
    limits.restart = this.string(entries.get('restart'));
    const deploy = entries.get('deploy');
    if (!deploy || !isMap(deploy.value)) return;
    const deployEntries = entriesOf(deploy.value, this.aliases, deploy.shared);
    const resources = deployEntries.get('resources');
    if (resources && isMap(resources.value)) {
      const limitsEntry = entriesOf(resources.value, this.aliases, resources.shared).get('limits');
      if (limitsEntry && isMap(limitsEntry.value)) {
        const e = entriesOf(limitsEntry.value, this.aliases, limitsEntry.shared);
        const parents = [deploy, resources, limitsEntry];
        limits.memory ??= this.string(e.get('memory'), parents);
        limits.cpus ??= this.string(e.get('cpus'), parents);
        limits.pids ??= this.string(e.get('pids'), parents);
      }
    }
    const policy = deployEntries.get('restart_policy');
    if (!limits.restart && policy && isMap(policy.value)) {
      const condition = this.string(entriesOf(policy.value, this.aliases, policy.shared).get('condition'), [deploy, policy]);
      // Swarm's `any` restarts like `always`; `none` like `no`.
      if (condition && 'value' in condition) {
        const same: Record<string, string> = { any: 'always', none: 'no' };
        limits.restart = { ...condition, value: same[condition.value] ?? condition.value };
      } else limits.restart = condition;
    }
  }

  private image(entry: Entry | undefined, built: boolean): void {
    const image = this.string(entry);
    if (!image) return;
    if (!('value' in image)) {
      this.spec.image = image;
      return;
    }
    const ref = parseImageRef(image.value);
    if (!ref) {
      // `image: <your-image>`, `image: IMAGE_NAME`: a placeholder from documentation, no image anyone pulls.
      this.spec.image = unknown(image.range.start, image.range.end, image.raw, PLACEHOLDER_REASON);
      return;
    }
    // Next to `build:`, `image:` names what is built here, not something pulled.
    const located = { ...image, value: { ...ref, ...(built ? { builtLocally: true } : {}) } };
    this.spec.image = located;
    this.spec.images.push(located);
  }

  private environment(entry: Entry | undefined): void {
    if (!entry) return;
    const env = entry.value;
    if (!isMap(env)) return this.list(entry, 'environment', this.spec.env, this.environmentList);
    // Variables merged from an anchor (`<<: *env`) are shared entries: read once for every service.
    for (const e of entriesOf(env, this.aliases, entry.shared).values()) this.spec.env.push(e.shared ? this.shared.once(e, 'variable', () => this.variable(e)) : this.variable(e));
  }

  private variable(e: Entry): Located<EnvVar> {
    const key = e.pair.key as Node;
    const nameRange = nodeRange(this.text, key);
    const name: Located<string> = { value: e.key, range: nameRange, raw: this.text.slice(nameRange.start, nameRange.end), editable: !e.shared };
    const ref: ComposeRef = { value: e.value, entry: e };
    const value = this.valueOf(e, ref);
    const variable: EnvVar = value ? { name, value, source: 'environment' } : { name, source: 'environment' };
    return { value: variable, range: this.settingRange(e), raw: this.raw(e.value ?? key), editable: !e.shared, node: ref };
  }

  private environmentList(entry: Entry): void {
    this.items(entry, 'environment', (node, shared, ref) => {
      const text = this.scalarText(node);
      if (text === undefined) return;
      const eq = text.indexOf('=');
      const nameText = eq < 0 ? text : text.slice(0, eq);
      const name = this.part(node, { text: nameText, start: 0 }, shared);
      let value: Maybe<string>;
      if (eq >= 0) {
        const valuePart = this.part(node, { text: text.slice(eq + 1), start: eq + 1 }, shared);
        const interpolated = interpolate(text.slice(eq + 1), this.variables);
        value = interpolated.known
          ? { ...valuePart, value: interpolated.value, editable: valuePart.editable && !interpolated.hasVariables }
          : unknown(valuePart.range.start, valuePart.range.end, valuePart.raw, interpolated.reason);
      }
      const variable: EnvVar = { name, ...(value ? { value } : {}), source: 'environment' };
      this.spec.env.push({ value: variable, range: this.itemRange(node), raw: this.raw(node), editable: !shared, node: ref });
    });
  }

  private command(entry: Entry, name: string): void {
    const kind = name as 'command' | 'entrypoint';
    const node = entry.value;
    const whole = nodeRange(this.text, node);
    const text: Located<string> = { value: '', range: whole, raw: this.raw(node), editable: !entry.shared };
    const words: Located<string>[] = [];
    if (isSeq(node)) {
      for (const item of node.items) {
        const { node: itemNode, viaAlias } = this.aliases.deref(item);
        const word = this.scalarText(itemNode);
        if (word === undefined) continue;
        words.push({ value: word, range: this.itemRange(itemNode), raw: this.raw(itemNode), editable: !entry.shared && !viaAlias });
      }
      text.value = words.map((w) => w.value).join(' ');
      this.spec.commands.push({ kind, words, text, form: 'exec' } satisfies ShellCommand);
      return;
    }
    const value = this.scalarText(node);
    if (value === undefined) return;
    text.value = value;
    const base = isScalar(node) ? valueBase(this.text, node) : undefined;
    // Compose splits the string into words itself (no shell runs it), so operators are not collected.
    for (const token of tokenizeShell(value)) {
      if (token.type !== 'word') continue;
      const range = base === undefined ? whole : { start: base + token.start, end: base + token.end };
      words.push({ value: token.value, range, raw: token.raw, editable: !entry.shared });
    }
    this.spec.commands.push({ kind, words, text, form: 'shell' });
  }
}
