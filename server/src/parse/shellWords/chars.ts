/**
 * Character codes and classes the shell tokenizer compares against. Codes rather than one-character strings:
 * the tokenizer reads every character of every command with `charCodeAt`, which allocates nothing.
 */

export const SPACE = 32;
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const BACKSLASH = 92;
export const SQUOTE = 39;
export const DQUOTE = 34;
export const DOLLAR = 36;
export const BACKTICK = 96;
export const HASH = 35;

/** Characters that end an unquoted word. */
export function isMeta(c: number): boolean {
  return (
    c === SPACE || c === TAB || c === LF || c === CR || c === 59 /* ; */ || c === 38 /* & */ || c === 124 /* | */ ||
    c === 40 /* ( */ || c === 41 /* ) */ || c === 60 /* < */ || c === 62 /* > */
  );
}

export function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of a line break at `i` (`\n` or `\r\n`), 0 when there is none. */
export function newlineAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR && i + 1 < end && text.charCodeAt(i + 1) === LF) return 2;
  return 0;
}

export function indexOfCode(text: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return end;
}
