import type { SourceRange } from '../../model/located';

/** One `NAME=value` argument of ENV, ARG or LABEL: where its name and its value are. */
export interface PropertySpan {
  name: SourceRange;
  value: SourceRange;
}

/**
 * The properties of arguments written as plain `NAME=value` words, read from the text; null for anything
 * else, which the caller reads through dockerfile-ast's `getProperties` (quotes, escapes inside a word,
 * backticks, `${…}`, a `$` in a name, the legacy `ENV NAME value` form, `NAME` without a value, an empty
 * value, a continuation followed by a comment or an empty line). A line continuation between two words is
 * plain: multi-line `ENV A=1 \` lines are the common shape, as are `PATH=/x:$PATH` values.
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
    if (c === BACKSLASH) {
      i = afterContinuation(text, i, end);
      if (i < 0) return null;
      continue;
    }
    const wordStart = i;
    let equals = -1;
    let dollar = false;
    let brace = false;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) break;
      if (c < 0x21 || c === QUOTE || c === APOSTROPHE || c === BACKSLASH || c === BACKTICK) return null;
      if (c === EQUALS && equals < 0) equals = i;
      else if (c === DOLLAR) {
        // A variable in the name is dockerfile-ast's business.
        if (equals < 0) return null;
        dollar = true;
      } else if (c === OPEN_BRACE || c === CLOSE_BRACE) brace = true;
    }
    // No name, no `=`, nothing after it, or a `${…}` that might hold a space: dockerfile-ast decides.
    if (equals <= wordStart || equals === i - 1 || (dollar && brace)) return null;
    out.push({ name: { start: wordStart, end: equals }, value: { start: equals + 1, end: i } });
  }
  return out.length > 0 ? out : null;
}

/**
 * Where the next line's first word starts when a backslash at `at` ends its line and the next line has
 * one; -1 for anything else (a backslash followed by spaces, a comment or an empty line after it).
 */
function afterContinuation(text: string, at: number, end: number): number {
  let i = at + 1;
  if (text.charCodeAt(i) === CR) i++;
  if (text.charCodeAt(i) !== LF) return -1;
  i++;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  if (i >= end) return -1;
  const c = text.charCodeAt(i);
  return c === HASH || c === CR || c === LF || c === BACKSLASH ? -1 : i;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const DOLLAR = 0x24;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
