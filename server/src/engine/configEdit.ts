import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { TextEdit } from '../edit/writer';
import { LineIndex } from '../model/lineIndex';

/**
 * The smallest edit of a `.capdrop.yaml` that sets `rules: { RULE: off }`, keeping everything else as
 * written (comments, order, quoting): the rule's value replaced when it is listed, else a line added to
 * the `rules` mapping (a block one) or an entry to it (a flow one), else a `rules:` block appended.
 * Undefined when the file is not a mapping of settings, or does not parse: its problems say why.
 */
export function turnRuleOff(text: string, ruleId: string): TextEdit[] | undefined {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(offset);
  let doc;
  try {
    doc = parseDocument(body, { uniqueKeys: true, schema: 'core', merge: false, keepSourceTokens: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const eol = LineIndex.eol(text);
  const at = (start: number, end: number, newText: string): TextEdit[] => [{ range: { start: start + offset, end: end + offset }, newText }];
  const appendBlock = (): TextEdit[] => {
    const lead = body.length === 0 || /\n$/.test(body) ? '' : eol;
    return at(body.length, body.length, `${lead}rules:${eol}  ${ruleId}: off${eol}`);
  };

  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return appendBlock();
  if (!isMap(root)) return undefined;
  const rulesPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'rules') as Pair<Node, Node | null> | undefined;
  if (!rulesPair) {
    if (root.flow) return undefined; // `{preset: strict}` on one line: no block to append to
    return appendBlock();
  }
  const rules = rulesPair.value;
  if (rules === null || (isScalar(rules) && rules.value === null)) {
    // `rules: ~` (written): a flow mapping in its place. `rules:` with nothing: the entry on the next line.
    const written = isScalar(rules) && rules.range && rules.range[1] > rules.range[0] ? rules.range : undefined;
    if (written) return at(written[0], written[1], `{ ${ruleId}: off }`);
    const keyRange = rulesPair.key.range!;
    const lineEnd = lineEndAfter(body, keyRange[1]);
    return at(lineEnd, lineEnd, `${eol}${' '.repeat(columnOf(body, keyRange[0]) + 2)}${ruleId}: off`);
  }
  if (!isMap(rules)) return undefined;
  const existing = rules.items.find((p) => isScalar(p.key) && String(p.key.value) === ruleId) as Pair<Node, Node | null> | undefined;
  if (existing) {
    const value = existing.value;
    if (value && value.range) return at(value.range[0], value.range[1], 'off');
    const keyEnd = existing.key.range![1];
    return at(keyEnd, lineEndAfter(body, keyEnd), ': off');
  }
  if (rules.flow) {
    // `{ a: off }`: before the closing brace.
    const open = rules.range![0];
    const close = body.lastIndexOf('}', rules.range![1]);
    if (body[open] !== '{' || close <= open) return undefined;
    const inside = body.slice(open + 1, close);
    const after = open + 1 + inside.trimEnd().length;
    return inside.trim() ? at(after, after, `, ${ruleId}: off`) : at(open, close + 1, `{ ${ruleId}: off }`);
  }
  const first = rules.items[0]?.key as Node | undefined;
  const last = rules.items[rules.items.length - 1];
  if (!first?.range || !last) return undefined;
  const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range)![1];
  const lineEnd = lineEndAfter(body, lastEnd);
  const indent = ' '.repeat(columnOf(body, first.range[0]));
  return at(lineEnd, lineEnd, `${eol}${indent}${ruleId}: off`);
}

/** The offset of the line break (or the end of text) at or after `offset`, before a trailing CR. */
function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
