import type { Document, Node, YAMLMap } from 'yaml';
import { isMap, isPair, isScalar, isSeq, type Entry } from './access';
import { contentEnd } from './ranges';
import { Lines, stringScalar } from './text';

/** How a file writes its YAML, read from the file itself. */
export interface FileStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** Extra indentation of a block list's `-` under its key (0 for `key:\n- a`). */
  listIndent: number;
  flowLists: boolean;
}

/** Where things are in a parsed YAML file and how it writes them: what the editor inserts by. */
export class YamlLayout {
  readonly lines: Lines;
  private style?: FileStyle;

  constructor(
    readonly text: string,
    private readonly docs: readonly Document[],
  ) {
    this.lines = new Lines(text);
  }


  /**
   * A block mapping new keys can be added to at its first key's column: not a flow mapping, no anchor or
   * tag before its first key on that line (found by fuzzing: `   &a  build:` then a new key broke the
   * file), and no complex key (`? key` ends where the library says, not where a new key could follow).
   */
  isAppendable(map: YAMLMap): boolean {
    if (map.flow || map.items.length === 0) return false;
    const firstKey = (map.items[0].key as Node | null)?.range?.[0];
    if (firstKey === undefined || !(this.lines.startsLine(firstKey) || this.lines.startsListLine(firstKey))) return false;
    return map.items.every((p) => isScalar(p.key));
  }

  /** The column of a block mapping's keys. */
  keyColumn(map: YAMLMap): number {
    return this.lines.column((map.items[0].key as Node).range![0]);
  }

  /** A new list setting at `indent`, on lines starting with a line break, in the file's list style. */
  listText(key: string, values: string[], indent: number): string {
    const eol = this.lines.eol;
    const style = this.fileStyle();
    if (style.flowLists) return `${eol}${' '.repeat(indent)}${key}: [${values.map(stringScalar).join(', ')}]`;
    const items = values.map((v) => `${eol}${' '.repeat(indent + style.listIndent)}- ${stringScalar(v)}`).join('');
    return `${eol}${' '.repeat(indent)}${key}:${items}`;
  }

  // ---- positions and style ---------------------------------------------------------------------

  /** The end of a setting's last line of content (comments and blank lines after it excluded). */
  entryEnd(entry: Entry): number {
    return this.lines.contentEnd(contentEnd(this.text, entry.pair.value ?? entry.pair.key));
  }

  /** The end of a mapping's last line of content. */
  mapEnd(map: YAMLMap): number {
    return this.lines.contentEnd(contentEnd(this.text, map));
  }

  fileStyle(): FileStyle {
    if (this.style) return this.style;
    let flow = 0;
    let block = 0;
    let listIndent: number | undefined;
    let indent: number | undefined;
    const visit = (node: unknown, depth: number) => {
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
          visit(value, depth + 1);
        }
      } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
    };
    for (const doc of this.docs) visit(doc.contents, 0);
    const unit = indent !== undefined && indent > 0 ? indent : 2;
    this.style = { indent: unit, listIndent: listIndent !== undefined && listIndent >= 0 ? listIndent : unit, flowLists: flow > block };
    return this.style;
  }
}
