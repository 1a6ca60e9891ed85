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
    // Char-code tests instead of a regex or a slice per test: this pass runs over every Compose file
    // before it is parsed (~4 % of linting the corpus, profiled).
    const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    const indent = skipBlanks(line, 0);
    const blank = indent === line.length || line[indent] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      pos = end + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (!blank && flowDepth === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      for (let i = indent; line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === '\t'); i = skipBlanks(line, i + 1)) dashes++;
      if (indents.length + dashes > max) return pos + indent;
    }
    const deepest = scanFlow(line, flowDepth, max - indents.length);
    if (deepest.tooDeepAt !== undefined) return pos + deepest.tooDeepAt;
    flowDepth = deepest.depth;
    if (flowDepth === 0 && !blank && opensBlockScalar(line)) blockScalarIndent = indent;
    pos = end + 1;
  }
  return undefined;
}

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

/** The line ends in a block scalar header (`key: |`, `- >-  # note`); without `|` or `>` it cannot. */
function opensBlockScalar(line: string): boolean {
  return (line.includes('|') || line.includes('>')) && BLOCK_SCALAR_HEADER.test(line);
}

function skipBlanks(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

/** Tracks `[`/`{` depth through one line, ignoring quoted text and comments. */
function scanFlow(line: string, startDepth: number, max: number): { depth: number; tooDeepAt?: number } {
  let depth = startDepth;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = '';
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) return { depth, tooDeepAt: i };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth };
}
