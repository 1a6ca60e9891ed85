import type { Node, Scalar } from 'yaml';
import type { SourceRange } from '../model/located';
import { isMap, isSeq } from './access';

/** Start and end of a node's own text, without trailing blank lines or comments. */
export function nodeRange(text: string, node: unknown): SourceRange {
  const range = (node as Node | null)?.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: contentEnd(text, node) };
}

/** Where a node's content ends: the end of its last item for collections, trimmed of trailing whitespace. */
export function contentEnd(text: string, node: unknown): number {
  let current = node as Node | null;
  for (let depth = 0; depth < 1000; depth++) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1] as unknown;
      const lastNode = isMap(current) ? ((last as { value: unknown; key: unknown }).value ?? (last as { key: unknown }).key) : last;
      if (lastNode && (lastNode as Node).range) {
        current = lastNode as Node;
        continue;
      }
      // `key:` with no value ends at its key.
      const key = (last as { key?: Node }).key;
      if (key?.range) current = key;
    }
    break;
  }
  const range = current?.range;
  if (!range) return 0;
  let end = range[1];
  while (end > range[0] && isWhitespaceAt(text, end - 1)) end--;
  return end;
}

/** `/\s/` on one character, without the regex for printable ASCII (most of what ends a node). */
function isWhitespaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code > 32 && code < 127) return false;
  return /\s/.test(text[index]);
}

/** Maps indexes in a scalar's value to offsets in the text, when the value is written verbatim. */
export function valueBase(text: string, node: Scalar): number | undefined {
  const [start, end] = node.range ?? [0, 0];
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  switch (node.type) {
    case 'PLAIN':
      return writtenAt(text, start, end, value) ? start : undefined;
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return writtenAt(text, start + 1, end - 1, value) ? start + 1 : undefined;
    default:
      return undefined;
  }
}

/** `text.slice(start, end) === value` for offsets (never negative), without making the slice (for every short-syntax item). */
function writtenAt(text: string, start: number, end: number, value: string): boolean {
  const from = Math.min(start, text.length);
  return Math.max(0, Math.min(end, text.length) - from) === value.length && text.startsWith(value, from);
}

/** Clamps a parser error position to the text. */
export function clampRange(text: string, pos: [number, number]): SourceRange {
  const start = Math.max(0, Math.min(pos[0], text.length));
  return { start, end: Math.max(start, Math.min(pos[1], text.length)) };
}
