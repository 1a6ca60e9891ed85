import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextEdit } from '../edit/writer';
import { isMap, isScalar, isSeq, type Entry } from './access';
import { contentEnd } from './ranges';
import { inStyle, stringScalar } from './text';
import { YamlLayout } from './layout';

export type { FileStyle } from './layout';

/** A list item of a setting: the setting, its sequence and the item's position in it. */
export interface ListItemRef {
  entry: Entry;
  seq: YAMLSeq;
  index: number;
}

/** A `key: value` line to write; a list value is written in the file's list style. */
export type Leaf = [string, string | string[]];

/** Nested settings to write: a value as written, a list, or a mapping of more. */
export interface Tree {
  [key: string]: string | string[] | Tree;
}

export function insert(at: number, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

/**
 * Text edits on a YAML file through its parsed documents, shared by the Compose and Kubernetes writers:
 * whole lines are removed and inserted so the file keeps its indentation, comments and line breaks, and
 * what would need a guess (a flow mapping's last key, an anchor before a key, a block scalar) is refused
 * with `null`.
 */
export class YamlEditor extends YamlLayout {
  // ---- removal ---------------------------------------------------------------------------------

  /** Removes a `key: value` line (with its nested lines); the only key of a nested mapping takes its parent key along. */
  removeEntry(entry: Entry, parents: Entry[] = []): TextEdit[] | null {
    if (entry.shared) return null;
    if (entry.owner.flow) return parents.length === 0 ? this.removeFlowPair(entry) : null;
    const parent = parents[parents.length - 1];
    if (parent && entry.owner.items.length === 1) return this.removeEntry(parent, parents.slice(0, -1));
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

  /** Removes one item of a list setting; the last item takes the setting along (with `parents` as in removeEntry). */
  removeListItem(list: ListItemRef, parents: Entry[] = []): TextEdit[] | null {
    const { entry, seq, index } = list;
    if (entry.shared) return null;
    if (seq.items.length === 1) return this.removeEntry(entry, parents);
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

  /** Replaces a scalar with `newText` as written; null for block scalars, whose lines would need re-indenting. */
  replaceScalarText(node: unknown, newText: string): TextEdit[] | null {
    if (!isScalar(node) || !node.range) return null;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return null;
    // An empty value (`key:`) sits right after the colon: the new one needs its space (found by fuzzing).
    const [start, end] = node.range;
    if (start === end && start > 0 && this.text[start - 1] === ':') return [this.scalarEdit(node, ` ${newText}`)];
    return [this.scalarEdit(node, newText)];
  }

  /** Replaces a scalar with `value` in its quoting style. */
  replaceScalar(node: unknown, value: string): TextEdit[] | null {
    if (!isScalar(node)) return null;
    return this.replaceScalarText(node, inStyle(value, node.type, node.value));
  }

  scalarEdit(node: Scalar, newText: string): TextEdit {
    return { range: { start: node.range![0], end: node.range![1] }, newText };
  }

  // ---- lists -----------------------------------------------------------------------------------

  /** Appends the values not there yet to a list setting (block or flow), or fills `key:` with no value. */
  extendList(entry: Entry, values: string[]): TextEdit[] | null {
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

  appendToSeq(seq: YAMLSeq, values: string[]): TextEdit[] | null {
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

  // ---- mappings --------------------------------------------------------------------------------

  /** Sets `key: value` in a mapping: replaces the value, or adds the key aligned with the others. */
  setInMapping(map: YAMLMap, key: string, value: string): TextEdit[] | null {
    if (map.items.length === 0) return null;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
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
    if (!this.isAppendable(map)) return null;
    return [insert(this.mapEnd(map), `${this.lines.eol}${' '.repeat(this.keyColumn(map))}${key}: ${value}`)];
  }

  /**
   * Puts `leaves` (`key: value` lines; a list value in the file's list style) under the nested mappings
   * `path` of `map`, creating the levels that are missing:
   * `insertUnder(deploy, ['resources', 'limits'], [['memory', '512m']])`. A level written with no value
   * (`securityContext:`) is filled under its key. Null when a level is not a block mapping it can write into.
   */
  insertUnder(map: YAMLMap, path: string[], leaves: Leaf[]): TextEdit | null {
    let current = map;
    const missing = [...path];
    while (missing.length > 0) {
      if (current.flow || current.items.length === 0) return null;
      const child = current.items.find((p) => isScalar(p.key) && p.key.value === missing[0]);
      if (!child) break;
      missing.shift();
      const fill = this.fillEmpty(child);
      if (fill) return fill((column) => this.nestedText(column, missing, leaves));
      if (!isMap(child.value)) return null;
      current = child.value;
    }
    if (!this.isAppendable(current)) return null;
    return insert(this.mapEnd(current), this.nestedText(this.keyColumn(current), missing, leaves));
  }

  /** The mapping levels `path` at `column`, then `leaves` under them, each on its own line. */
  nestedText(column: number, path: string[], leaves: Leaf[]): string {
    const unit = this.fileStyle().indent;
    const eol = this.lines.eol;
    let out = '';
    path.forEach((k, depth) => (out += `${eol}${' '.repeat(column + depth * unit)}${k}:`));
    const leafColumn = column + path.length * unit;
    for (const [k, v] of leaves) out += typeof v === 'string' ? `${eol}${' '.repeat(leafColumn)}${k}: ${v}` : this.listText(k, v, leafColumn);
    return out;
  }

  /**
   * Writes the keys of `tree` missing from `map` (a nested mapping given as a Tree), going into the
   * block mappings that exist: one insertion per mapping, the deeper ones first (when a nested mapping
   * ends where its parent does, both insert at one point, in that order). Null when a level that exists
   * is not a block mapping it can write into.
   */
  insertTree(map: YAMLMap, tree: Tree): TextEdit[] | null {
    if (!this.isAppendable(map)) return null;
    const edits: TextEdit[] = [];
    const missing: Tree = {};
    for (const [key, value] of Object.entries(tree)) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) {
        missing[key] = value;
        continue;
      }
      if (typeof value === 'string' || Array.isArray(value)) return null; // the caller replaces or extends what exists
      const fill = this.fillEmpty(pair);
      if (fill) {
        edits.push(fill((column) => this.treeText(column, value)));
        continue;
      }
      if (!isMap(pair.value)) return null;
      const inner = this.insertTree(pair.value, value);
      if (!inner) return null;
      edits.push(...inner);
    }
    if (Object.keys(missing).length > 0) edits.push(insert(this.mapEnd(map), this.treeText(this.keyColumn(map), missing)));
    return edits;
  }

  /**
   * For a key with nothing under it (`securityContext:`) or an empty flow mapping (`resources: {}`), the
   * edit that writes block lines there instead, given the text for the lines' column; undefined otherwise.
   */
  private fillEmpty(pair: Pair): ((text: (column: number) => string) => TextEdit) | undefined {
    const key = pair.key;
    if (!isScalar(key) || !key.range) return undefined;
    const value = pair.value as Node | null;
    const empty = value === null || (isMap(value) && value.flow && value.items.length === 0 && value.range);
    if (!empty) return undefined;
    const keyStart = key.range[0];
    if (!this.lines.startsLine(keyStart) && !this.lines.startsListLine(keyStart)) return undefined;
    const column = this.lines.column(keyStart) + this.fileStyle().indent;
    if (value === null) return (text) => insert(this.lines.contentEnd(key.range![1]), text(column));
    // `key: {}` becomes `key:` and the lines: from just after the colon to the closing brace.
    const colon = this.text.indexOf(':', key.range[1]);
    const start = colon + 1;
    if (colon < 0 || !/^[ \t]*$/.test(this.text.slice(start, value.range![0]))) return undefined;
    return (text) => ({ range: { start, end: contentEnd(this.text, value) }, newText: text(column) });
  }

  /** A Tree as block lines at `column`, each starting with a line break. */
  treeText(column: number, tree: Tree): string {
    let out = '';
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') out += `${this.lines.eol}${' '.repeat(column)}${key}: ${value}`;
      else if (Array.isArray(value)) out += this.listText(key, value, column);
      else out += `${this.lines.eol}${' '.repeat(column)}${key}:${this.treeText(column + this.fileStyle().indent, value)}`;
    }
    return out;
  }
}
