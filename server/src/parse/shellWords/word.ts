import { BACKSLASH, BACKTICK, CR, DOLLAR, DQUOTE, HASH, indexOfCode, isDigit, isMeta, isNameChar, isNameStart, LF, newlineAt, SPACE, SQUOTE, TAB } from './chars';
import { placeholderAt } from './operators';

/**
 * One word of a shell command: quote removal, escapes, and the expansions (`$X`, `${…}`, `$(…)`, backticks)
 * kept as written but marked opaque. The scanners return where they stopped, so an unterminated quote or
 * substitution simply ends at the end of the scanned range.
 */

interface ScannedWord {
  value: string;
  end: number;
  opaque: boolean;
  /** The word so far is an fd number immediately followed by a redirection operator. */
  redirectOp?: boolean;
}

export function scanWord(text: string, start: number, end: number): ScannedWord {
  let value = '';
  let opaque = false;
  let i = start;
  let plainDigitsOnly = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isMeta(c)) {
      const placeholder = c === 60 && !(plainDigitsOnly && i > start) ? placeholderAt(text, i, end) : 0;
      if (placeholder > 0) {
        value += text.slice(i, i + placeholder);
        plainDigitsOnly = false;
        i += placeholder;
        continue;
      }
      if ((c === 60 || c === 62) && plainDigitsOnly && i > start) return { value, end: i, opaque, redirectOp: true };
      if (c === CR && newlineAt(text, i, end) === 0) {
        i++; // a stray CR inside a word is dropped, as dos2unix would
        continue;
      }
      break;
    }
    if (!isDigit(c)) plainDigitsOnly = false;
    if (c === BACKSLASH) {
      const nl = newlineAt(text, i + 1, end);
      if (nl > 0) {
        i += 1 + nl;
        continue;
      }
      if (i + 1 < end) {
        value += text[i + 1];
        i += 2;
      } else {
        value += '\\'; // a trailing backslash at the end of the text stays literal
        i++;
      }
      continue;
    }
    if (c === SQUOTE) {
      const close = indexOfCode(text, SQUOTE, i + 1, end);
      value += text.slice(i + 1, close);
      i = Math.min(end, close + 1);
      continue;
    }
    if (c === DQUOTE) {
      const r = scanDoubleQuoted(text, i + 1, end);
      value += r.value;
      opaque ||= r.opaque;
      i = r.end;
      continue;
    }
    if (c === DOLLAR || c === BACKTICK) {
      const r = scanSubstitution(text, i, end, c);
      value += r.value;
      opaque ||= r.opaque;
      i = r.end;
      continue;
    }
    value += text[i];
    i++;
  }
  return { value, end: i, opaque };
}

/** Scans after an opening `"`; returns the unquoted value and the offset after the closing quote. */
function scanDoubleQuoted(text: string, start: number, end: number): { value: string; end: number; opaque: boolean } {
  let value = '';
  let opaque = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === DQUOTE) return { value, end: i + 1, opaque };
    if (c === BACKSLASH) {
      const nl = newlineAt(text, i + 1, end);
      if (nl > 0) {
        i += 1 + nl;
        continue;
      }
      const n = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (n === DOLLAR || n === BACKTICK || n === DQUOTE || n === BACKSLASH) {
        value += text[i + 1];
        i += 2;
      } else {
        value += '\\';
        i++;
      }
      continue;
    }
    if (c === DOLLAR || c === BACKTICK) {
      const r = scanSubstitution(text, i, end, c);
      value += r.value;
      opaque ||= r.opaque;
      i = r.end;
      continue;
    }
    value += text[i];
    i++;
  }
  return { value, end, opaque };
}

/** A `$…` expansion or a backtick substitution at `i` (`c` is its first character), alike inside and outside double quotes. */
function scanSubstitution(text: string, i: number, end: number, c: number): { value: string; end: number; opaque: boolean } {
  if (c === DOLLAR) return scanDollar(text, i, end);
  const close = skipBackticks(text, i + 1, end);
  return { value: text.slice(i, close), end: close, opaque: true };
}

/** Scans a `$…` expansion at `i`. `$'…'` (ANSI-C quoting) is a literal, every other expansion is opaque. */
function scanDollar(text: string, i: number, end: number): { value: string; end: number; opaque: boolean } {
  const n = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  if (n === 40 /* ( */) {
    const close = skipParens(text, i + 2, end);
    return { value: text.slice(i, close), end: close, opaque: true };
  }
  if (n === 123 /* { */) {
    const close = skipBraces(text, i + 2, end);
    return { value: text.slice(i, close), end: close, opaque: true };
  }
  if (n === SQUOTE) return scanAnsiC(text, i + 2, end);
  if (n === DQUOTE) {
    const r = scanDoubleQuoted(text, i + 2, end);
    return r;
  }
  if (n >= 0 && isNameStart(n)) {
    let j = i + 2;
    while (j < end && isNameChar(text.charCodeAt(j))) j++;
    return { value: text.slice(i, j), end: j, opaque: true };
  }
  if (n >= 0 && (isDigit(n) || '@*#?$!-'.includes(text[i + 1]))) {
    return { value: text.slice(i, i + 2), end: i + 2, opaque: true };
  }
  return { value: '$', end: i + 1, opaque: false };
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

function scanAnsiC(text: string, start: number, end: number): { value: string; end: number; opaque: boolean } {
  let value = '';
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === SQUOTE) return { value, end: i + 1, opaque: false };
    if (c === BACKSLASH && i + 1 < end) {
      const e = ANSI_ESCAPES[text[i + 1]];
      value += e ?? '\\' + text[i + 1];
      i += 2;
      continue;
    }
    value += text[i];
    i++;
  }
  return { value, end, opaque: false };
}

/** Offset after the `)` closing a `$(` (or `$((`) whose body starts at `i`; nested quotes and substitutions are honoured. */
function skipParens(text: string, i: number, end: number): number {
  let depth = 1;
  let wordStart = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      wordStart = false;
      continue;
    }
    if (c === SQUOTE) {
      i = Math.min(end, indexOfCode(text, SQUOTE, i + 1, end) + 1);
    } else if (c === DQUOTE) {
      i = scanDoubleQuoted(text, i + 1, end).end;
    } else if (c === BACKTICK) {
      i = skipBackticks(text, i + 1, end);
    } else if (c === DOLLAR && i + 1 < end && text.charCodeAt(i + 1) === 123) {
      i = skipBraces(text, i + 2, end);
    } else if (c === HASH && wordStart) {
      while (i < end && text.charCodeAt(i) !== LF) i++;
      continue;
    } else if (c === 40) {
      depth++;
      i++;
    } else if (c === 41) {
      depth--;
      i++;
      if (depth === 0) return i;
    } else {
      i++;
    }
    wordStart = c === SPACE || c === TAB || c === LF || c === 59 || c === 124 || c === 38 || c === 40;
  }
  return end;
}

/** Offset after the `}` closing a `${` whose body starts at `i`. */
function skipBraces(text: string, i: number, end: number): number {
  let depth = 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (c === SQUOTE) i = Math.min(end, indexOfCode(text, SQUOTE, i + 1, end) + 1);
    else if (c === DQUOTE) i = scanDoubleQuoted(text, i + 1, end).end;
    else if (c === DOLLAR && i + 1 < end && text.charCodeAt(i + 1) === 40) i = skipParens(text, i + 2, end);
    else if (c === BACKTICK) i = skipBackticks(text, i + 1, end);
    else {
      if (c === 123) depth++;
      else if (c === 125 && --depth === 0) return i + 1;
      i++;
    }
  }
  return end;
}

/** Offset after the backtick closing one whose body starts at `i`. */
function skipBackticks(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === BACKTICK) return i + 1;
    else i++;
  }
  return end;
}
