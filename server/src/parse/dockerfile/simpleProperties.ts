import type { SourceRange } from '../../model/located';

/** One `NAME=value` argument of ENV, ARG or LABEL: where its name and its value are. */
export interface PropertySpan {
  name: SourceRange;
  value: SourceRange;
}

/**
 * The properties of arguments written as plain `NAME=value` words on one line, read from the text; null
 * for anything else, which the caller reads through dockerfile-ast's `getProperties` (quotes, escapes,
 * continuations, `$`, the legacy `ENV NAME value` form, `NAME` without a value, an empty value).
 * Most ENV and ARG lines are plain, and `getProperties` re-reads the instruction's arguments several
 * times per property (~2.5 % of linting small Dockerfiles). Only valid with the default escape character.
 */
export function simpleProperties(text: string, start: number, end: number): PropertySpan[] | null {
  const out: PropertySpan[] = [];
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    const wordStart = i;
    let equals = -1;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) break;
      if (c < 0x21 || c === QUOTE || c === APOSTROPHE || c === BACKSLASH || c === DOLLAR || c === BACKTICK) return null;
      if (c === EQUALS && equals < 0) equals = i;
    }
    // No name, no `=`, or nothing after it: dockerfile-ast decides.
    if (equals <= wordStart || equals === i - 1) return null;
    out.push({ name: { start: wordStart, end: equals }, value: { start: equals + 1, end: i } });
  }
  return out.length > 0 ? out : null;
}

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const DOLLAR = 0x24;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
