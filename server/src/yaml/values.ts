import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { unknown, type Located, type Maybe, type SourceRange } from '../model/located';
import { entriesOf, isAlias, isMap, isScalar, isSeq, type AliasTable, type Entry } from './access';
import { contentEnd, nodeRange } from './ranges';

/** What a YAML writer needs to edit a value, kept in `Located.node` (the Compose reader's ComposeRef has the same shape). */
export interface YamlRef {
  /** The value node (scalar, mapping...) after aliases. */
  value: unknown;
  /** The key/value pair that sets this value, when it is a whole setting (`privileged: true`). */
  entry?: Entry;
  /** For a list item: the list setting and the item's position in it. */
  list?: { entry: Entry; seq: YAMLSeq; index: number };
  /** Enclosing settings of a nested one (securityContext, capabilities), outermost first. */
  parents?: Entry[];
}

/** Tells why a range of the text is not known (a Helm template action inside it), or undefined when it is written out. */
export type UnknownText = (range: SourceRange) => string | undefined;

const BOOLEANS: Record<string, boolean> = { true: true, false: false, True: true, False: false, TRUE: true, FALSE: false };

/**
 * YAML 1.1's booleans, which Kubernetes reads (sigs.k8s.io/yaml decodes with go-yaml v2): `privileged: yes`
 * is true there, though the `yaml` library reads it as a string.
 */
export const YAML11_BOOLEANS: Record<string, boolean> = {
  ...BOOLEANS,
  ...Object.fromEntries(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w) => [w, true])),
  ...Object.fromEntries(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w) => [w, false])),
};

/**
 * Reads located values out of a parsed YAML document for readers that take the YAML as it is (no
 * Compose interpolation): scalars located at their `key: value` pair or at the value alone, booleans,
 * list items, each with a YamlRef for the writer. Values through an alias or merge key are not editable.
 */
export class YamlValues {
  constructor(
    /** The text the ranges index (the original text; a Helm template's actions are masked in the parsed one only). */
    readonly text: string,
    readonly aliases: AliasTable,
    private readonly unknownText: UnknownText = () => undefined,
    private readonly booleans: Record<string, boolean> = BOOLEANS,
  ) {}

  /** The entries of a mapping node, or an empty map for anything else. */
  entries(node: unknown, shared = false): Map<string, Entry> {
    return isMap(node) ? entriesOf(node, this.aliases, shared) : new Map();
  }

  /** The mapping an entry holds, or undefined. */
  mapOf(entry: Entry | undefined): YAMLMap | undefined {
    return entry && isMap(entry.value) ? entry.value : undefined;
  }

  raw(node: unknown): string {
    const r = nodeRange(this.text, node);
    return this.text.slice(r.start, r.end);
  }

  /** The text of a scalar (numbers as written, `~`/empty as absent); undefined for anything else. */
  scalarText(node: unknown): string | undefined {
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    if (typeof node.value === 'string') return node.value;
    return this.raw(node);
  }

  /** The text of a scalar written out in the file; undefined when a template action writes (part of) it. */
  knownText(node: unknown): string | undefined {
    if (this.unknownText(nodeRange(this.text, node))) return undefined;
    return this.scalarText(node);
  }

  /** Where a whole setting is written: from its key to the end of its value (the anchored node when it is an alias). */
  settingRange(entry: Entry): SourceRange {
    if (entry.pair.value !== entry.value) return nodeRange(this.text, entry.value);
    const keyStart = (entry.pair.key as Node).range?.[0] ?? 0;
    return { start: keyStart, end: contentEnd(this.text, entry.value ?? entry.pair.key) };
  }

  /** A scalar setting located at its pair (`privileged: true`): known, unknown, or absent. */
  string(entry: Entry | undefined, parents?: Entry[]): Maybe<string> {
    return entry && this.scalarAt(entry, this.settingRange(entry), parents);
  }

  /** A scalar setting located at its value only (`path: /var/run`). */
  valueOf(entry: Entry | undefined, parents?: Entry[]): Maybe<string> {
    return entry && this.scalarAt(entry, nodeRange(this.text, entry.value), parents);
  }

  private scalarAt(entry: Entry, range: SourceRange, parents?: Entry[]): Maybe<string> {
    const valueRange = nodeRange(this.text, entry.value);
    const reason = this.unknownText(valueRange);
    if (reason) return unknown(range.start, range.end, this.raw(entry.value), reason);
    const text = this.scalarText(entry.value);
    if (text === undefined) return undefined;
    const ref: YamlRef = parents?.length ? { value: entry.value, entry, parents } : { value: entry.value, entry };
    return { value: text, range, raw: this.raw(entry.value), editable: !entry.shared, node: ref };
  }

  /** A boolean setting; a scalar that is not a boolean is unknown. */
  bool(entry: Entry | undefined, parents?: Entry[]): Maybe<boolean> {
    const s = this.string(entry, parents);
    if (!s || !('value' in s)) return s;
    const b = Object.hasOwn(this.booleans, s.value) ? this.booleans[s.value] : undefined;
    if (b === undefined) return unknown(s.range.start, s.range.end, s.raw, `"${s.value}" is not a boolean`);
    return { value: b, range: s.range, raw: s.raw, editable: s.editable, node: s.node };
  }

  /**
   * Visits the items of a list setting with their refs; returns false when the setting is there but is
   * not a list (a template action, a scalar), so its content is unknown.
   */
  items(entry: Entry | undefined, visit: (node: unknown, shared: boolean, ref: YamlRef) => void, parents?: Entry[]): boolean {
    if (!entry) return true;
    const list = entry.value;
    if (isSeq(list)) {
      for (let index = 0; index < list.items.length; index++) {
        const item = list.items[index];
        const { node, viaAlias } = isAlias(item) ? this.aliases.deref(item) : { node: item, viaAlias: false };
        const ref: YamlRef = { value: node, list: { entry, seq: list, index } };
        if (parents?.length) ref.parents = parents;
        visit(node, entry.shared || viaAlias, ref);
      }
      return true;
    }
    return (isScalar(list) && list.value === null && !this.unknownText(nodeRange(this.text, list))) || list === null;
  }

  /** The located scalar items of a list setting. */
  stringItems(entry: Entry | undefined, into: Located<string>[], parents?: Entry[]): boolean {
    let known = true;
    const listed = this.items(entry, (node, shared, ref) => {
      const range = nodeRange(this.text, node);
      if (this.unknownText(range)) {
        known = false;
        return;
      }
      const text = this.scalarText(node);
      if (text !== undefined) into.push({ value: text, range, raw: this.raw(node), editable: !shared, node: ref });
    }, parents);
    return listed && known;
  }
}
