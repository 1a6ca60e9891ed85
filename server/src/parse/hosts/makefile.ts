import type { Segment } from '../index';
import { blank, shellSegment } from './segment';

/** A line that starts a rule (`target: prereqs`), not a variable assignment (`X := y`, `X ?= y`). */
const RULE_LINE = /^[^\s#=:][^=#]*?::?(?![:=])/;
const DIRECTIVE = /^\s*(?:define|endef|ifn?eq|ifn?def|else|endif|include|-include|sinclude|export|unexport|override|vpath)\b/;

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    out.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/** An odd number of trailing backslashes: the line continues on the next one. */
function continues(line: string): boolean {
  const m = /\\+$/.exec(line);
  return !!m && m[0].length % 2 === 1;
}

/**
 * Makefile recipes → shell segments, one per logical recipe line (make runs each in its own shell).
 * The recipe tab stays (it is blank space to the shell) and the `@`/`-`/`+` prefixes are blanked, so
 * offsets map 1:1. `$(VAR)` reads as a command substitution and `$$X` as `$$` + `X`: both opaque words.
 */
export function makefileSegments(text: string): Segment[] {
  const lines = linesOf(text);
  const segments: Segment[] = [];
  let inRule = false;
  let inDefine = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    // The extent of this logical line (backslash continuations included).
    let last = i;
    while (continues(lines[last].text) && last + 1 < lines.length) last++;
    const end = lines[last].end;
    if (inDefine) {
      if (/^\s*endef\b/.test(line.text)) inDefine = false;
    } else if (line.text.startsWith('\t') && inRule) {
      segments.push(recipeSegment(text, line.start, end, line.start + 1));
    } else if (/^\s*define\b/.test(line.text)) {
      inDefine = true;
    } else if (line.text.trim() === '' || /^\s*#/.test(line.text)) {
      // blank lines and comments do not end a recipe
    } else if (!DIRECTIVE.test(line.text) && RULE_LINE.test(line.text)) {
      inRule = true;
      const inline = inlineRecipeStart(text, line.start, end);
      if (inline !== undefined) segments.push(recipeSegment(text, line.start, end, inline));
    } else {
      inRule = /^\s*(?:ifn?eq|ifn?def|else|endif)\b/.test(line.text) ? inRule : false;
    }
    i = last + 1;
  }
  return segments;
}

/** Where the recipe of `target: prereqs ; recipe` starts, if the rule line has one. */
function inlineRecipeStart(text: string, start: number, end: number): number | undefined {
  const ruleText = text.slice(start, end);
  const colon = RULE_LINE.exec(ruleText)![0].length;
  const semi = ruleText.indexOf(';', colon);
  const hash = ruleText.indexOf('#', colon);
  if (semi < 0 || (hash >= 0 && hash < semi)) return undefined;
  return start + semi + 1;
}

/** A recipe from `commandStart` to `end`: make's prefixes blanked, the text before it left out. */
function recipeSegment(text: string, lineStart: number, end: number, commandStart: number): Segment {
  let piece = text.slice(lineStart, end);
  let k = commandStart - lineStart;
  while (k < piece.length && /[@+\- \t]/.test(piece[k])) k++;
  piece = blank(piece, 0, k);
  return shellSegment(text, { base: lineStart, text: piece });
}
