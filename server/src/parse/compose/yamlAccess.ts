import * as yaml from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';

/**
 * Bound once: the bundles reach `yaml`'s CommonJS exports through esbuild's interop getters, one getter
 * call per use, and these tests run for every node the Compose reader looks at (~0.7 % of linting the
 * corpus, profiled). Shared with compose.ts.
 */
export const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;

/**
 * Resolves aliases and `<<` merge keys without converting the document to JS, so every value keeps
 * the node (and so the source range) where it is written.
 */
export class AliasTable {
  private readonly targets = new Map<Alias, Node>();
  /** Set when alias expansion would exceed the bound (a "billion laughs" document). */
  exploded = false;

  /**
   * One walk in document order: an alias refers to the latest anchor of that name before it. The
   * walk also sums the size each node would have once its aliases are expanded, so a document built
   * to explode is caught without ever expanding it.
   */
  constructor(doc: Document, maxExpandedNodes: number, hasAliases: boolean) {
    // Without any `*` in the text there is nothing to resolve, and the walk is skipped.
    if (!hasAliases) return;
    const anchors = new Map<string, Node>();
    const sizes = new Map<Node, number>();
    const walk = (node: unknown): number => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) return 1;
        this.targets.set(node, target);
        // A self-referencing alias (inside its own anchor) has no finished size yet: count it once.
        return sizes.get(target) ?? 1;
      }
      let size = 1;
      if (isMap(node) || isSeq(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        for (const item of node.items) {
          if (isPair(item)) {
            size += walk(item.key) + walk(item.value);
          } else size += walk(item);
          if (size > maxExpandedNodes) this.exploded = true;
        }
      } else if (isScalar(node) && node.anchor) {
        anchors.set(node.anchor, node);
      }
      if ((node as { anchor?: string } | null)?.anchor) sizes.set(node as Node, size);
      return size;
    };
    walk(doc.contents);
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
  const k = isAlias(pair.key) ? aliases.deref(pair.key).node : pair.key;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  return undefined;
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
    if (key === '<<' && depth < 16) {
      merges.push(pair.value);
      continue;
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
      for (const [key, entry] of entriesOf(target, aliases, true, depth + 1)) {
        if (!result.has(key)) result.set(key, entry);
      }
    }
  }
  return result;
}
