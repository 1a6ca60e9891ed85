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
  const lastEnd = lastWordEnd(text, scanner.end, end, escapeChar.charCodeAt(0));
  if (lastEnd >= 0) return { start: first, end: lastEnd };
  let last = scanner.end;
  while (scanner.next()) last = scanner.end;
  return { start: first, end: last };
}

/**
 * The leading `--flag` words of `text[start, end)` (RUN's `--mount=…`, `--network=…`), without scanning
 * the words after them; an instruction without flags costs one character test.
 */
export function leadingFlags(text: string, start: number, end: number, escapeChar: string): SourceRange[] {
  const flags: SourceRange[] = [];
  let i = start;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  if (!text.startsWith('--', i)) return flags;
  const scanner = new WordScanner(text, start, end, escapeChar);
  while (scanner.next() && text.startsWith('--', scanner.start)) flags.push({ start: scanner.start, end: scanner.end });
  return flags;
}

/**
 * The end of the last word of `text[from, end)`, read backwards from `end`, when that is safe: the last
 * line of the range holds a word and is not a comment line that a continuation skips, and its last
 * character is not the escape (which may pair with what follows it). -1 otherwise, and the caller scans
 * forwards. Every line start is a word boundary for the scanner, so the words of a last line that is
 * not skipped end where its last non-blank character does. A RUN line's words run to the end of the
 * instruction, and scanning them all was ~0.7 % of linting small Dockerfiles.
 */
function lastWordEnd(text: string, from: number, end: number, escape: number): number {
  let i = end - 1;
  while (i >= from) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR) break;
    i--;
  }
  if (i < from) return from;
  if (text.charCodeAt(i) === escape) return -1;
  const wordEnd = i + 1;
  // The first non-blank character of that line: a `#` there may make it a skipped comment line.
  let firstOnLine = -1;
  for (; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    if (c !== SPACE && c !== TAB) firstOnLine = i;
  }
  return text.charCodeAt(firstOnLine) === HASH ? -1 : wordEnd;
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

/** `"/data"` → `/data`: shell-form arguments may be quoted. */
export function unquote(raw: string): string {
  const q = raw[0];
  return raw.length >= 2 && (q === '"' || q === "'") && raw[raw.length - 1] === q ? raw.slice(1, -1) : raw;
}
