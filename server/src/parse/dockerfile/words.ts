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
  const scanner = new WordScanner(text, start, end, escapeChar);
  while (scanner.next()) words.push({ start: scanner.start, end: scanner.end });
  return words;
}

/**
 * From the first word that is not a `--flag` (the first word at all without `skipFlags`) to the end of
 * the last word: what `splitWords` then `firstNonFlag` give, without a range object per word. RUN,
 * CMD and ENTRYPOINT need only that span, and a RUN line has dozens of words (profiled: splitting
 * them was ~1 % of linting a Dockerfile). Undefined when there is no such word.
 */
export function argumentSpan(text: string, start: number, end: number, escapeChar: string, skipFlags: boolean): SourceRange | undefined {
  const scanner = new WordScanner(text, start, end, escapeChar);
  let found = scanner.next();
  while (found && skipFlags && text.startsWith('--', scanner.start)) found = scanner.next();
  if (!found) return undefined;
  const first = scanner.start;
  let last = scanner.end;
  while (scanner.next()) last = scanner.end;
  return { start: first, end: last };
}

/**
 * The words of `text[from, end)` one at a time: `next()` moves `start`/`end` to the next word. A
 * cursor rather than a callback: the closures and their contexts were most of what splitting allocated.
 */
class WordScanner {
  start = -1;
  end = -1;
  private readonly escape: number;

  constructor(
    private readonly text: string,
    private at: number,
    private readonly limit: number,
    escapeChar: string,
  ) {
    this.escape = escapeChar.charCodeAt(0);
  }

  next(): boolean {
    const { text, limit, escape } = this;
    let wordStart = -1;
    let i = this.at;
    while (i < limit) {
      const c = text.charCodeAt(i);
      // Where scanning goes on after the separator at i.
      let resume: number;
      if (c === escape) {
        let j = i + 1;
        while (j < limit && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
        const next = text.charCodeAt(j);
        if (j < limit && (next === LF || next === CR)) {
          resume = skipContinuedBlankAndCommentLines(text, j, limit);
        } else {
          if (wordStart < 0) wordStart = i;
          i = Math.min(limit, i + 2);
          continue;
        }
      } else if (c === SPACE || c === TAB || c === LF || c === CR) {
        resume = i + 1;
      } else {
        if (wordStart < 0) wordStart = i;
        i++;
        continue;
      }
      if (wordStart >= 0) {
        this.start = wordStart;
        this.end = i;
        this.at = resume;
        return true;
      }
      i = resume;
    }
    this.at = limit;
    if (wordStart < 0) return false;
    this.start = wordStart;
    this.end = limit;
    return true;
  }
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
