import * as yaml from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * Bound once: the bundles reach `yaml`'s CommonJS exports through esbuild's interop getters, one getter
 * call per use, and these tests run for every node the Compose reader looks at (~0.7 % of linting the
 * corpus, profiled). Shared by the Compose and Kubernetes readers and writers.
 */
export const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;

/** yaml's node-type tag (`Symbol.for`, so the same symbol its `isMap` & co. read): one read and a switch per node in the walk. */
const NODE_TYPE = Symbol.for('yaml.node.type');
const ALIAS = Symbol.for('yaml.alias');
const MAP = Symbol.for('yaml.map');
const SEQ = Symbol.for('yaml.seq');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');

type Typed = { [NODE_TYPE]?: symbol; anchor?: string; range?: [number, number, number] | null };

/**
 * Resolves aliases and `<<` merge keys without converting the document to JS, so every value keeps
 * the node (and so the source range) where it is written.
 */
export class AliasTable {
  private readonly targets = new Map<Alias, Node>();
  /** Set when alias expansion would exceed the bound (a "billion laughs" document). */
  exploded = false;
  /** The entries each mapping brings in through merge keys (`mergedEntries`). */
  readonly merged = new Map<YAMLMap, Map<string, Entry>>();
  /** Set when a merge chain met the depth bound while entries were read. */
  mergesCutShort = false;

  /**
   * One walk in document order: an alias refers to the latest anchor of that name before it. The
   * walk also sums the nodes the aliases would add once expanded, so a document built to explode is
   * caught without ever expanding it. The document's own nodes do not count (a long file is no bomb).
   *
   * The walk skips collections with no `&` or `*` in their text (an anchor's `&` sits before the
   * node's range, after whatever precedes it, so each item is checked from the end of the one
   * before): on a 25,000-line file with a merge key per service it was ~2 % of linting it, profiled.
   * Inside an anchored node everything is walked, since its size is what its aliases add.
   */
  constructor(doc: Document, text: string, maxExpandedNodes: number) {
    const markers = markerOffsets(text);
    // Without any `*` in the text there is nothing to resolve, and the walk is skipped.
    if (!markers.hasAlias) return;
    const anchors = new Map<string, Node>();
    const sizes = new Map<Node, number>();
    let expanded = 0;
    /** Whether a `&` or `*` lies in [from, to). */
    const marked = (from: number, to: number): boolean => {
      const at = lowerBound(markers.offsets, from);
      return at < markers.offsets.length && markers.offsets[at] < to;
    };
    /** The node's expanded size when `sized` (inside an anchor), else 1; `from` is where its window starts. */
    const walk = (node: unknown, from: number, sized: boolean): number => {
      if (node === null || typeof node !== 'object') return 1;
      const typed = node as Typed;
      const type = typed[NODE_TYPE];
      if (type === ALIAS) {
        const target = anchors.get((node as Alias).source);
        if (!target) return 1;
        this.targets.set(node as Alias, target);
        // A self-referencing alias (inside its own anchor) has no finished size yet: count it once.
        const size = sizes.get(target) ?? 1;
        expanded += size;
        if (expanded > maxExpandedNodes) this.exploded = true;
        return size;
      }
      const anchored = typed.anchor !== undefined && typed.anchor !== '';
      if (type === SCALAR) {
        if (anchored) {
          anchors.set(typed.anchor!, node as Node);
          sizes.set(node as Node, 1);
        }
        return 1;
      }
      if (type !== MAP && type !== SEQ) return 1;
      const inner = sized || anchored;
      const end = typed.range?.[1] ?? Infinity;
      if (!inner && !marked(from, end)) return 1;
      if (anchored) anchors.set(typed.anchor!, node as Node);
      let size = 1;
      let prev = from;
      for (const item of (node as YAMLMap | YAMLSeq).items as unknown[]) {
        if (this.exploded) break;
        if (item !== null && typeof item === 'object' && (item as Typed)[NODE_TYPE] === PAIR) {
          const pair = item as Pair;
          size += walk(pair.key, prev, inner);
          prev = Math.max(prev, (pair.key as Typed | null)?.range?.[1] ?? prev);
          size += walk(pair.value, prev, inner);
          prev = Math.max(prev, (pair.value as Typed | null)?.range?.[1] ?? prev);
        } else {
          size += walk(item, prev, inner);
          prev = Math.max(prev, (item as Typed | null)?.range?.[1] ?? prev);
        }
      }
      if (anchored) sizes.set(node as Node, size);
      return size;
    };
    walk(doc.contents, 0, false);
  }

  /** The node an alias stands for (following alias-to-alias chains), or the node itself. */
  deref(node: unknown): { node: unknown; viaAlias: boolean } {
    let current = node;
    let viaAlias = false;
    for (let hops = 0; isAlias(current) && hops < 64; hops++) {
      current = this.targets.get(current);
      viaAlias = true;
    }
    if (isAlias(current)) return { node: undefined, viaAlias };
    return { node: current, viaAlias };
  }
}

/** The offsets of every `&` and `*` in the text, in order, and whether there is any `*` at all. */
function markerOffsets(text: string): { offsets: number[]; hasAlias: boolean } {
  const offsets: number[] = [];
  let hasAlias = false;
  for (let amp = text.indexOf('&'), star = text.indexOf('*'); amp >= 0 || star >= 0; ) {
    if (star < 0 || (amp >= 0 && amp < star)) {
      offsets.push(amp);
      amp = text.indexOf('&', amp + 1);
    } else {
      offsets.push(star);
      hasAlias = true;
      star = text.indexOf('*', star + 1);
    }
  }
  return { offsets, hasAlias };
}

/** The first index whose value is at least `value` (the length when none is). */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A key/value of a mapping as Compose sees it, after merge keys. */
export interface Entry {
  key: string;
  pair: Pair;
  /** The mapping that holds `pair` in the text. */
  owner: YAMLMap;
  /** The value node, aliases resolved. */
  value: unknown;
  /** The text of this entry is shared (it comes through an alias or a merge key): never rewrite it. */
  shared: boolean;
}

function keyText(pair: Pair, aliases: AliasTable): string | undefined {
  let key = pair.key as Typed | null | undefined;
  let type = key?.[NODE_TYPE];
  if (type === ALIAS) {
    key = aliases.deref(key).node as Typed | null | undefined;
    type = key?.[NODE_TYPE];
  }
  if (type !== SCALAR) return undefined;
  const value = (key as Scalar).value;
  return value === null ? undefined : typeof value === 'string' ? value : String(value);
}

/**
 * The effective entries of a mapping: its own keys win over merged ones, and in `<<: [*a, *b]` the
 * earlier source wins, as in YAML 1.1 merge semantics that Compose follows.
 */
export function entriesOf(map: YAMLMap, aliases: AliasTable, shared: boolean, depth = 0): Map<string, Entry> {
  const result = new Map<string, Entry>();
  const merges: unknown[] = [];
  for (const pair of map.items) {
    const key = keyText(pair, aliases);
    if (key === undefined) continue;
    if (key === '<<') {
      if (depth < MAX_MERGE_DEPTH) {
        merges.push(pair.value);
        continue;
      }
      aliases.mergesCutShort = true;
    }
    // Most values are not aliases: no `deref` result object for them (this runs for every key of every mapping read).
    if (isAlias(pair.value)) {
      const { node, viaAlias } = aliases.deref(pair.value);
      result.set(key, { key, pair, owner: map, value: node, shared: shared || viaAlias });
    } else result.set(key, { key, pair, owner: map, value: pair.value, shared });
  }
  for (const m of merges) {
    const sources = isSeq(m) ? m.items : [m];
    for (const source of sources) {
      const target = aliases.deref(source).node;
      if (!isMap(target)) continue;
      for (const [key, entry] of mergedEntries(target, aliases, depth + 1)) {
        if (!result.has(key)) result.set(key, entry);
      }
    }
  }
  return result;
}

/** Merge chains (`<<` of a mapping that merges another) are followed this deep; a cycle stops here. */
const MAX_MERGE_DEPTH = 16;

/**
 * The entries a merge key brings in, read once per merged mapping: every service of a file that
 * merges `*defaults` brings in the same entries (the 25,000-line bench file reads two per service).
 * A result cut short by the depth bound is not kept, since from a shallower merge it would reach further.
 */
function mergedEntries(map: YAMLMap, aliases: AliasTable, depth: number): Map<string, Entry> {
  const cached = aliases.merged.get(map);
  if (cached) return cached;
  const cutBefore = aliases.mergesCutShort;
  aliases.mergesCutShort = false;
  const entries = entriesOf(map, aliases, true, depth);
  if (!aliases.mergesCutShort) aliases.merged.set(map, entries);
  aliases.mergesCutShort ||= cutBefore;
  return entries;
}
