import type { SourceRange } from '../../model/located';

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

/**
 * Splits an instruction's arguments `text[start, end)` at whitespace, as Docker does for instructions
 * that are not run by a shell (FROM, USER, EXPOSE, VOLUME, flags). An escape character before a line
 * break continues the instruction, and comment lines inside a continuation are skipped. Quotes are
 * not interpreted: these instructions rarely use them, and the JSON form is read separately.
 *
 * dockerfile-ast can do this too, but re-scans the instruction and converts every position on each
 * call; this single pass over offsets keeps the parser close to the cost of parsing alone.
 */
export function splitWords(text: string, start: number, end: number, escapeChar: string): SourceRange[] {
  const words: SourceRange[] = [];
  scanWords(text, start, end, escapeChar, (wordStart, wordEnd) => {
    words.push({ start: wordStart, end: wordEnd });
  });
  return words;
}

/**
 * From the first word that is not a `--flag` (the first word at all without `skipFlags`) to the end of
 * the last word: what `splitWords` then `firstNonFlag` give, without a range object per word. RUN,
 * CMD and ENTRYPOINT need only that span, and a RUN line has dozens of words (profiled: splitting
 * them was ~1 % of linting a Dockerfile). Undefined when there is no such word.
 */
export function argumentSpan(text: string, start: number, end: number, escapeChar: string, skipFlags: boolean): SourceRange | undefined {
  let first = -1;
  let last = -1;
  scanWords(text, start, end, escapeChar, (wordStart, wordEnd) => {
    if (first < 0) {
      if (skipFlags && text.startsWith('--', wordStart)) return;
      first = wordStart;
    }
    last = wordEnd;
  });
  return first < 0 ? undefined : { start: first, end: last };
}

/** The word splitting of `splitWords`, calling `onWord` with each word's offsets in order. */
function scanWords(text: string, start: number, end: number, escapeChar: string, onWord: (start: number, end: number) => void): void {
  const escape = escapeChar.charCodeAt(0);
  let wordStart = -1;
  const close = (at: number) => {
    if (wordStart >= 0) onWord(wordStart, at);
    wordStart = -1;
  };
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === escape) {
      let j = i + 1;
      while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
      const next = text.charCodeAt(j);
      if (j < end && (next === LF || next === CR)) {
        close(i);
        i = skipContinuedBlankAndCommentLines(text, j, end);
        continue;
      }
      if (wordStart < 0) wordStart = i;
      i = Math.min(end, i + 2);
      continue;
    }
    if (c === SPACE || c === TAB || c === LF || c === CR) {
      close(i);
      i++;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    i++;
  }
  close(end);
}

/** From the line break at `i`, skips it and any following blank or comment lines; returns the next content offset. */
function skipContinuedBlankAndCommentLines(text: string, i: number, end: number): number {
  for (;;) {
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    let j = i;
    while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
    if (j < end && text.charCodeAt(j) === HASH) {
      while (j < end && text.charCodeAt(j) !== LF && text.charCodeAt(j) !== CR) j++;
      i = j;
      if (i >= end) return end;
      continue;
    }
    if (j < end && (text.charCodeAt(j) === LF || text.charCodeAt(j) === CR)) {
      i = j;
      continue;
    }
    return j;
  }
}

/** Index of the first word that is not a `--flag`. */
export function firstNonFlag(text: string, words: readonly SourceRange[]): number {
  let i = 0;
  while (i < words.length && text.startsWith('--', words[i].start)) i++;
  return i;
}
