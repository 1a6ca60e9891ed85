/** One string of an exec-form (JSON array) argument list. */
export interface JsonArrayElement {
  value: string;
  /** The string with its quotes. */
  start: number;
  end: number;
  /** The string content, inside the quotes. */
  contentStart: number;
  contentEnd: number;
}

const SPACE = /[ \t\f\v]/;

/**
 * Reads `text[start, end)` as Docker reads an exec-form argument list: a JSON array of strings,
 * possibly spread over continuation lines. Returns null when it is not one, in which case Docker
 * runs the arguments in shell form.
 */
export function scanJsonStringArray(text: string, start: number, end: number, escapeChar: string): JsonArrayElement[] | null {
  // Most RUN lines are shell form and start with a word: no list, without the character-by-character
  // reads below (every RUN is asked, ~0.8 % of linting a Dockerfile, profiled).
  if (start < end && startsWithWord(text.charCodeAt(start), escapeChar.charCodeAt(0))) return null;
  let i = start;
  // Reads stop at `end`, whatever follows in the document.
  const ch = (k: number): string => (k < end ? text[k] : '');

  const skipBlanks = () => {
    for (;;) {
      while (i < end && SPACE.test(ch(i))) i++;
      if (i < end && ch(i) === escapeChar) {
        let j = i + 1;
        while (j < end && SPACE.test(ch(j))) j++;
        if (ch(j) === '\r') j++;
        if (ch(j) === '\n') {
          i = j + 1;
          continue;
        }
      }
      if (i < end && (ch(i) === '\r' || ch(i) === '\n')) {
        i++;
        continue;
      }
      return;
    }
  };

  skipBlanks();
  if (ch(i) !== '[') return null;
  i++;
  const elements: JsonArrayElement[] = [];
  skipBlanks();
  if (ch(i) === ']') {
    i++;
  } else {
    for (;;) {
      if (ch(i) !== '"') return null;
      const quoteStart = i;
      i++;
      // A string without escapes or control characters is its own JSON value: no JSON.parse for it.
      let plain = true;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */) break;
        if (c === 10 || c === 13) return null;
        if (c === 92 /* \ */) {
          plain = false;
          i += 2;
          continue;
        }
        if (c < 32) plain = false;
        i++;
      }
      if (i >= end) return null;
      i++;
      let value: unknown;
      if (plain) {
        value = text.slice(quoteStart + 1, i - 1);
      } else {
        try {
          value = JSON.parse(text.slice(quoteStart, i));
        } catch {
          return null;
        }
      }
      if (typeof value !== 'string') return null;
      elements.push({ value, start: quoteStart, end: i, contentStart: quoteStart + 1, contentEnd: i - 1 });
      skipBlanks();
      if (ch(i) === ',') {
        i++;
        skipBlanks();
        continue;
      }
      if (ch(i) !== ']') return null;
      i++;
      break;
    }
  }
  skipBlanks();
  return i >= end ? elements : null;
}

/** A character that is not `[`, nor one `skipBlanks` could skip before it: the text cannot be a list. */
function startsWithWord(c: number, escape: number): boolean {
  // [, CR, LF, space, tab, form feed, vertical tab
  return c !== 91 && c !== escape && c !== 13 && c !== 10 && c !== 32 && c !== 9 && c !== 12 && c !== 11;
}
