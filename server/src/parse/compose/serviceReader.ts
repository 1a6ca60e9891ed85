import type { Node } from 'yaml';
import { markUnknown, type ContainerSpec, type ParseProblem } from '../../model/containerSpec';
import { unknown, type Located, type Maybe, type SourceRange } from '../../model/located';
import { isAlias, isScalar, isSeq, type AliasTable, type Entry } from '../../yaml/access';
import { contentEnd, nodeRange, valueBase } from '../../yaml/ranges';
import type { Part } from '../shortSyntax';
import { startedImagePrivilegeDrop } from '../dockerfile/images';
import { interpolate, writtenInOf, type ComposeVariables } from './interpolate';
import type { ComposeRef } from './refs';
import type { SharedReads } from './sharedReads';
import { readEnvironment } from './environment';
import { readExpose, readPorts } from './ports';
import { readCommand, readDevices, readImage, readLimits, readLogging } from './serviceSettings';
import { readVolumes } from './volumes';

const BOOLEANS: Record<string, boolean> = { true: true, false: false, True: true, False: false, TRUE: true, FALSE: false };

/**
 * Reads one service's settings into its spec. The methods here turn YAML nodes into located values (ranges,
 * interpolation, values shared through anchors read once); what each setting means is read by the modules
 * named in `read()`, as functions given this reader.
 */
export class ServiceReader {
  constructor(
    readonly text: string,
    readonly aliases: AliasTable,
    readonly shared: SharedReads,
    readonly spec: ContainerSpec,
    private readonly problems: ParseProblem[],
    readonly variables: ComposeVariables | undefined,
  ) {}

  /** A value Compose rejects; one problem per range, though an anchored value is read by every service merging it. */
  problem(message: string, range: SourceRange): void {
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
    this.list(get('cap_add'), 'cap_add', spec.capAdd, stringList);
    this.list(get('cap_drop'), 'cap_drop', spec.capDrop, stringList);
    this.list(get('security_opt'), 'security_opt', spec.securityOpt, stringList);
    this.list(get('links'), 'links', spec.links, stringList);
    spec.capAddField = this.field(get('cap_add'));
    spec.capDropField = this.field(get('cap_drop'));
    spec.securityOptField = this.field(get('security_opt'));
    spec.linksField = this.field(get('links'));
    this.list(get('volumes'), 'volumes', spec.mounts, readVolumes);
    this.list(get('ports'), 'ports', spec.ports, readPorts);
    this.list(get('expose'), 'expose', spec.ports, readExpose);
    this.list(get('devices'), 'devices', spec.devices, readDevices);
    readLimits(this, entries);
    spec.namespaces.network = this.string(get('network_mode'));
    spec.namespaces.pid = this.string(get('pid'));
    spec.namespaces.ipc = this.string(get('ipc'));
    spec.namespaces.uts = this.string(get('uts'));
    spec.namespaces.userns = this.string(get('userns_mode'));
    spec.namespaces.cgroup = this.string(get('cgroup'));
    spec.oomKillDisable = this.bool(get('oom_kill_disable'));
    readLogging(this, get('logging'), get('log_driver'));
    readImage(this, get('image'), get('build') !== undefined);
    readEnvironment(this, get('environment'));
    this.list(get('command'), 'command', spec.commands, readCommand);
    this.list(get('entrypoint'), 'entrypoint', spec.commands, readCommand);
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

  raw(node: unknown): string {
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
  settingRange(entry: Entry): SourceRange {
    if (entry.pair.value !== entry.value) return this.itemRange(entry.value);
    const keyStart = (entry.pair.key as Node).range?.[0] ?? 0;
    const node = entry.value ?? entry.pair.key;
    // A node with a range ends where nodeRange ends it, and the value's range is asked for next (raw text).
    return { start: keyStart, end: (node as Node | null)?.range ? this.measured(node).end : contentEnd(this.text, node) };
  }

  /** The text of a scalar as Compose reads it (numbers as written, `~`/empty as absent). */
  scalarText(node: unknown): string | undefined {
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    if (typeof node.value === 'string') return node.value;
    return this.raw(node);
  }

  field(entry: Entry | undefined): Located<null> | undefined {
    if (!entry) return undefined;
    return entry.shared ? this.shared.once(entry, 'field', () => this.readField(entry)) : this.readField(entry);
  }

  private readField(entry: Entry): Located<null> {
    const key = entry.pair.key as Node;
    const range = nodeRange(this.text, key);
    return { value: null, range, raw: this.text.slice(range.start, range.end), editable: !entry.shared, node: { value: entry.value, entry } satisfies ComposeRef };
  }

  /** A scalar setting: known, unknown behind a variable, or absent. */
  string(entry: Entry | undefined, parents?: Entry[]): Maybe<string> {
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
  valueOf(entry: Entry, ref: ComposeRef = { value: entry.value, entry }): Maybe<string> {
    const text = this.scalarText(entry.value);
    if (text === undefined) return undefined;
    return this.scalarAt(entry, text, this.itemRange(entry.value), ref);
  }

  /** A scalar inside a long-syntax item (`target: /data`): located at the value, not at the pair. */
  inner(entry: Entry | undefined): Located<string> | undefined {
    const s = entry && this.valueOf(entry);
    return s && 'value' in s ? s : undefined;
  }

  bool(entry: Entry | undefined): Maybe<boolean> {
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
  items(entry: Entry | undefined, name: string, visit: (node: unknown, shared: boolean, ref: ComposeRef) => void): void {
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
  itemRange(node: unknown): SourceRange {
    return this.measured(node);
  }

  /**
   * Reads a list setting into `into` with `read`. For a shared entry, what the first service read (and
   * whether that made the setting unknown) is pushed again for the others (SharedReads).
   */
  list<T>(entry: Entry | undefined, name: string, into: T[], read: (reader: ServiceReader, entry: Entry, name: string, into: T[]) => void): void {
    if (!entry) return;
    if (!entry.shared) return read(this, entry, name, into);
    let first = false;
    const done = this.shared.once(entry, name, () => {
      first = true;
      const from = into.length;
      const knownBefore = !this.spec.unknownFields.has(name);
      read(this, entry, name, into);
      return { items: into.slice(from), unknown: knownBefore && this.spec.unknownFields.has(name) };
    });
    if (first) return;
    for (const item of done.items) into.push(item);
    if (done.unknown) markUnknown(this.spec, name);
  }

  /** A piece of a short-syntax string, located inside the scalar when it is written verbatim. */
  part(node: unknown, part: Part, shared: boolean): Located<string> {
    const base = this.valueBaseOf(node);
    const value = interpolate(part.text, this.variables);
    // An unknown piece keeps its text: rules compare it with real paths and ports and stay silent.
    const text = value.known ? value.value : part.text;
    const range = base === undefined ? this.itemRange(node) : { start: base + part.start, end: base + part.start + part.text.length };
    const located: Located<string> = { value: text, range, raw: part.text, editable: !shared && !part.text.includes('$') };
    if (value.known && value.origins) located.writtenIn = writtenInOf(value.origins);
    return located;
  }
}

/** A list of plain strings (`cap_add`, `security_opt`…). */
function stringList(r: ServiceReader, entry: Entry, name: string, into: Located<string>[]): void {
  r.items(entry, name, (node, shared, ref) => {
    const text = r.scalarText(node);
    if (text === undefined) return;
    const value = interpolate(text, r.variables);
    if (!value.known) {
      markUnknown(r.spec, name);
      return;
    }
    const item: Located<string> = { value: value.value, range: r.itemRange(node), raw: r.raw(node), editable: !shared && !value.hasVariables, node: ref };
    if (value.origins) item.writtenIn = writtenInOf(value.origins);
    into.push(item);
  });
}
