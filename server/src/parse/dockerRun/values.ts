import { markUnknown, type ContainerSpec } from '../../model/containerSpec';
import { located, unknown, type Located, type Maybe } from '../../model/located';
import type { FlagUse, RunValueHandle, ValueSpan } from '../dockerRun';
import { holdsPlaceholder, PLACEHOLDER_REASON } from '../placeholders';

/**
 * From a flag's value (`ValueSpan`) to located model values: exact sub-ranges when the value is written
 * verbatim, the whole word (not editable) when quoting hides the offsets; a shell expansion or a documentation
 * placeholder makes the value unknown.
 */

/** A value range inside a span: exact when the span maps 1:1, else the whole span (and not editable). */
export function sub<T>(span: ValueSpan, from: number, to: number, value: T, handle: RunValueHandle): Located<T> {
  if (span.textStart < 0) return located(value, span.start, span.end, span.raw, { editable: false, node: handle });
  const start = span.textStart + from;
  const end = span.textStart + to;
  return located(value, start, end, span.text.slice(from, to), { node: handle });
}

export function whole<T>(span: ValueSpan, value: T, handle: RunValueHandle): Located<T> {
  return located(value, span.start, span.end, span.raw, { node: handle, editable: span.textStart >= 0 && !span.opaque });
}

/** True when the part of the span's text between `from` and `to` holds an expansion. */
export function opaquePart(span: ValueSpan, from: number, to: number): boolean {
  if (!span.opaque) return false;
  if (span.textStart < 0) return true;
  const part = span.text.slice(from, to);
  return /[$`]/.test(part) || holdsPlaceholder(part);
}

/** Why an opaque value is unknown: a shell expansion, or a placeholder written in its place. */
export function unknownReason(span: ValueSpan): string {
  return /[$`]/.test(span.raw) ? 'set from a shell variable' : PLACEHOLDER_REASON;
}

/** The `=true`/`=false` of a boolean flag; undefined when it is not a boolean literal. */
export function booleanValue(use: FlagUse): boolean | undefined {
  if (!use.value) return true;
  const t = use.value.text.toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

export function booleanLocated(use: FlagUse): Maybe<boolean> {
  const range = use.groupLetter !== undefined ? { start: use.groupLetter, end: use.groupLetter + 1 } : { start: use.flag.start, end: use.flag.end };
  const raw = use.groupLetter !== undefined ? use.flag.raw[use.groupLetter - use.flag.start] : use.flag.raw;
  if (use.value?.opaque) return unknown(range.start, range.end, raw, unknownReason(use.value));
  const v = booleanValue(use);
  if (v === undefined) return unknown(range.start, range.end, raw, 'not a boolean');
  return located(v, range.start, range.end, raw, { node: { use } satisfies RunValueHandle });
}

export function scalar(use: FlagUse): Maybe<string> {
  const span = use.value;
  if (!span) return undefined;
  if (span.opaque) return unknown(span.start, span.end, span.raw, unknownReason(span));
  return whole(span, span.text, { use });
}

/** Splits `a,b,c` into item ranges relative to the value text. */
export function splitList(textValue: string, sep = ','): { from: number; to: number }[] {
  const items: { from: number; to: number }[] = [];
  let from = 0;
  for (let k = 0; k <= textValue.length; k++) {
    if (k === textValue.length || textValue[k] === sep) {
      if (k > from) items.push({ from, to: k });
      from = k + 1;
    }
  }
  return items;
}

export function listItems(use: FlagUse, spec: ContainerSpec, field: string): Located<string>[] {
  const span = use.value;
  if (!span) return [];
  if (span.opaque) {
    markUnknown(spec, field);
    return [];
  }
  const parts = splitList(span.text);
  if (span.textStart < 0 || parts.length <= 1) return parts.length === 0 ? [] : [whole(span, span.text, { use })];
  const items = parts.map((p) => ({ start: span.textStart + p.from, end: span.textStart + p.to }));
  return parts.map((p, index) => sub(span, p.from, p.to, span.text.slice(p.from, p.to), { use, list: { items, index } }));
}

/** The range of a list setting's flag (`--cap-add`, `--security-opt`, `--link`), which fixes extend or remove. */
export const flagField = (use: FlagUse): Located<null> => located(null, use.range.start, use.range.end, use.flag.raw, { node: { use } satisfies RunValueHandle });
