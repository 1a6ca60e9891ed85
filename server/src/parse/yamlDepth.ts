/**
 * Real Compose files and CI workflows nest a dozen levels at most. Far deeper YAML is hostile or
 * broken, and the YAML library (and any recursive walk over its nodes) would exhaust the call stack
 * on it; after a stack overflow V8 has been seen to abort the whole process. So such text is refused
 * before it is parsed.
 */
export const MAX_YAML_NESTING = 200;

/**
 * The offset where the text first nests deeper than `max` levels, or undefined. A conservative
 * single pass: flow brackets outside quotes and comments, block indentation levels, and `- ` items
 * opened on one line each count as a level. Block scalar bodies (`|`, `>`) are skipped.
 */
export function findExcessiveNesting(text: string, max = MAX_YAML_NESTING): number | undefined {
  return tooFewLevelsToExceed(text, max) || tooNarrowToExceed(text, max) ? undefined : scanNesting(text, max);
}

/** The scan behind `findExcessiveNesting`, without its shortcut (exported for the test that compares them). */
export function scanNesting(text: string, max: number): number | undefined {
  const indents: number[] = [];
  let flowDepth = 0;
  let blockScalarIndent = -1; // the indentation of the line that opened a block scalar, -1 when none
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    // Offsets into the text rather than a slice per line, and char-code tests rather than regexes: this
    // pass runs over every Compose file before it is parsed (~1 % of linting a 25,000-line one, profiled).
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const contentAt = skipBlanks(text, pos, lineEnd);
    const indent = contentAt - pos;
    const blank = contentAt === lineEnd || text.charCodeAt(contentAt) === HASH;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      pos = end + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (!blank && flowDepth === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      for (let i = contentAt; i < lineEnd && text.charCodeAt(i) === DASH && isBlank(text, i + 1, lineEnd); i = skipBlanks(text, i + 1, lineEnd)) dashes++;
      if (indents.length + dashes > max) return contentAt;
    }
    const depth = scanFlow(text, pos, lineEnd, flowDepth, max - indents.length);
    if (depth < 0) return -1 - depth;
    flowDepth = depth;
    if (flowDepth === 0 && !blank && opensBlockScalar(text, contentAt, lineEnd)) blockScalarIndent = indent;
    pos = end + 1;
  }
  return undefined;
}

const HASH = 35;
const DASH = 45;

/**
 * A bound the scan below can never exceed, cheap enough to skip the scan on most Compose files (it
 * was ~2 % of linting the corpus, whose files are a few dozen lines): every line adds at most one
 * indentation level, every `-` at most one item level and every `[`/`{` at most one flow level, and
 * a level counted by the scan is an indentation level plus either items or flow levels.
 */
function tooFewLevelsToExceed(text: string, max: number): boolean {
  let budget = max - 1 - countUpTo(text, '\n', max); // the lines are one more than the line breaks
  if (budget < 0) return false;
  if (countUpTo(text, '-', budget + 1) > budget) return false;
  budget -= countUpTo(text, '[', budget + 1);
  return budget >= 0 && countUpTo(text, '{', budget + 1) <= budget;
}

/**
 * A second bound, for texts with more lines than the first allows (a 500-line Compose file ran the
 * whole scan, ~2 % of linting it, profiled): the scan's indentation levels strictly increase, so a line
 * indented i columns sits under at most i + 1 of them, and each `- ` item it opens takes two more
 * columns, so a line's indentation and item levels are at most its length + 1; flow levels are at most
 * the brackets. No line longer than `max` - 1 less the brackets: no level beyond `max`.
 */
function tooNarrowToExceed(text: string, max: number): boolean {
  const budget = max - 1 - countUpTo(text, '[', max) - countUpTo(text, '{', max);
  if (budget < 0) return false;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > budget) return false;
    start = end + 1;
  }
  return true;
}

/** How often `char` occurs in `text`, counting no further than `limit`. */
function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0 && count < limit; at = text.indexOf(char, at + 1)) count++;
  return count;
}

const BLOCK_SCALAR_HEADER = /[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** The line [from, to) ends in a block scalar header (`key: |`, `- >-  # note`); without `|` or `>` it cannot. */
function opensBlockScalar(text: string, from: number, to: number): boolean {
  // Within the line only (`indexOf` would search on through the rest of the text for every line).
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 124 || c === 62) return BLOCK_SCALAR_HEADER.test(text.slice(from, to));
  }
  return false;
}

/** The first offset in [i, to) that is not a space or a tab (`to` when none is). */
function skipBlanks(text: string, i: number, to: number): number {
  while (i < to && isBlank(text, i, to)) i++;
  return i;
}

function isBlank(text: string, i: number, to: number): boolean {
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

/**
 * The `[`/`{` depth after the line [from, to), ignoring quoted text and comments, starting from
 * `startDepth`; when it goes past `max`, `-1 - offset` of the bracket that did (no object per line).
 */
function scanFlow(text: string, from: number, to: number, startDepth: number, max: number): number {
  let depth = startDepth;
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) {
        if (quote === SINGLE && i + 1 < to && text.charCodeAt(i + 1) === SINGLE) i++;
        else quote = 0;
      } else if (c === BACKSLASH && quote === DOUBLE) i++;
      continue;
    }
    const before = i === from ? -1 : text.charCodeAt(i - 1);
    if (c === HASH && (before === -1 || before === 32 || before === 9)) break;
    if ((c === DOUBLE || c === SINGLE) && (before === -1 || opensQuoteAfter(before))) quote = c;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) return -1 - i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return depth;
}

const SINGLE = 39;
const DOUBLE = 34;
const BACKSLASH = 92;

/** `/[\s[{,:]/` on the character before a quote: whitespace (as `\s` has it), `[`, `{`, `,` or `:`. */
function opensQuoteAfter(c: number): boolean {
  if (c === 91 || c === 123 || c === 44 || c === 58) return true;
  if (c > 32 && c < 127) return false;
  return /\s/.test(String.fromCharCode(c));
}
