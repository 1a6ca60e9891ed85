/**
 * A small POSIX-shell word tokenizer: enough to find simple commands and their words with exact ranges.
 *
 * Why our own and not web-tree-sitter + tree-sitter-bash: the grammar's .wasm alone would break the 1 MB
 * budget of the bundled extension, and loading it is async while `lint()` is synchronous. We only need
 * words, quotes, continuations, comments, substitutions and heredocs, not a full bash AST.
 *
 * It never throws: an unterminated quote or substitution simply ends at the end of the scanned range.
 */

export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')';

export interface ShellWord {
  type: 'word';
  /** The word after quote removal, with escapes resolved. Expansions (`$X`, `$(…)`, backticks) are kept as written. */
  value: string;
  /** The source text of the word, as written. */
  raw: string;
  start: number;
  end: number;
  /** The word contains an expansion (`$VAR`, `${…}`, `$(…)`, backticks), so its runtime value is unknown. */
  opaque?: boolean;
  /**
   * A redirection operator (`>`, `2>&`, `<<`…) or its target. Kept in the token list (they are text of the
   * command) but not an argument of the command; `splitCommands` leaves them out.
   */
  redirect?: boolean;
}

export interface ShellOp {
  type: 'op';
  value: ShellOperator;
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellOp;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const SQUOTE = 39;
const DQUOTE = 34;
const DOLLAR = 36;
const BACKTICK = 96;
const HASH = 35;

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** Characters that end an unquoted word. */
function isMeta(c: number): boolean {
  return (
    c === SPACE || c === TAB || c === LF || c === CR || c === 59 /* ; */ || c === 38 /* & */ || c === 124 /* | */ ||
    c === 40 /* ( */ || c === 41 /* ) */ || c === 60 /* < */ || c === 62 /* > */
  );
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length of a line break at `i` (`\n` or `\r\n`), 0 when there is none. */
function newlineAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR && i + 1 < end && text.charCodeAt(i + 1) === LF) return 2;
  return 0;
}

/**
 * Splits `text[start, end)` into words and control operators. Redirections are kept as words flagged
 * `redirect`; heredoc bodies are skipped (they are data, not commands); comments produce no token.
 */
export function tokenizeShell(text: string, start = 0, end = text.length): ShellToken[] {
  const tokens: ShellToken[] = [];
  const pending: PendingHeredoc[] = [];
  end = Math.max(0, Math.min(end, text.length));
  let i = Math.max(0, start);
  // Set after a redirection operator: the next word is its target (a heredoc delimiter for `<<`).
  let redirectTarget: 'file' | 'heredoc' | 'heredoc-strip' | undefined;

  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    if (c === BACKSLASH) {
      const nl = newlineAt(text, i + 1, end);
      if (nl > 0) {
        i += 1 + nl; // a line continuation between words
        continue;
      }
    }
    const nl = newlineAt(text, i, end);
    if (nl > 0) {
      tokens.push({ type: 'op', value: '\n', start: i, end: i + nl });
      i += nl;
      redirectTarget = undefined;
      if (pending.length > 0) i = skipHeredocBodies(text, i, end, pending.splice(0));
      continue;
    }
    if (c === CR) {
      i++; // a lone CR is blank space
      continue;
    }
    if (c === HASH) {
      while (i < end && text.charCodeAt(i) !== LF && newlineAt(text, i, end) === 0) i++;
      continue;
    }
    const op = operatorAt(text, i, end);
    if (op) {
      tokens.push({ type: 'op', value: op.value, start: i, end: i + op.length });
      i += op.length;
      redirectTarget = undefined;
      continue;
    }
    const redirection = placeholderAt(text, i, end) > 0 ? undefined : redirectionAt(text, i, end, i);
    if (redirection) {
      tokens.push({ type: 'word', value: redirection.text, raw: redirection.text, start: i, end: i + redirection.text.length, redirect: true });
      i += redirection.text.length;
      redirectTarget = redirection.target;
      continue;
    }
    const word = scanWord(text, i, end);
    if (word.redirectOp) {
      // An fd number glued to a redirection (`2>&1`, `1>out`): the digits belong to the operator.
      const r = redirectionAt(text, word.end, end, i)!;
      const opEnd = i + r.text.length;
      const opText = r.text;
      tokens.push({ type: 'word', value: opText, raw: opText, start: i, end: opEnd, redirect: true });
      i = opEnd;
      redirectTarget = r.target;
      continue;
    }
    const token: ShellWord = { type: 'word', value: word.value, raw: text.slice(i, word.end), start: i, end: word.end };
    if (word.opaque) token.opaque = true;
    if (redirectTarget) {
      token.redirect = true;
      if (redirectTarget !== 'file') pending.push({ delimiter: word.value, stripTabs: redirectTarget === 'heredoc-strip' });
      redirectTarget = undefined;
    }
    tokens.push(token);
    i = word.end;
  }
  return tokens;
}

function operatorAt(text: string, i: number, end: number): { value: ShellOperator; length: number } | undefined {
  const c = text.charCodeAt(i);
  const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  switch (c) {
    case 38: // &
      if (next === 38) return { value: '&&', length: 2 };
      if (next === 62) return undefined; // `&>` is a redirection
      return { value: '&', length: 1 };
    case 124: // |
      if (next === 124) return { value: '||', length: 2 };
      if (next === 38) return { value: '|', length: 2 }; // `|&` pipes stderr too
      return { value: '|', length: 1 };
    case 59: // ;
      if (next === 59) return { value: ';', length: 2 }; // `;;` ends a case branch
      return { value: ';', length: 1 };
    case 40:
      return { value: '(', length: 1 };
    case 41:
      return { value: ')', length: 1 };
    default:
      return undefined;
  }
}

/**
 * A redirection operator starting at `i` (`<`, `>`, `>>`, `>&`, `>|`, `<>`, `<&`, `<<`, `<<-`, `<<<`, `&>`, `&>>`).
 * `from` is where the operator text begins (before an fd number).
 */
function redirectionAt(
  text: string,
  i: number,
  end: number,
  from: number,
): { text: string; target: 'file' | 'heredoc' | 'heredoc-strip' } | undefined {
  const c = text.charCodeAt(i);
  const at = (k: number) => (i + k < end ? text.charCodeAt(i + k) : -1);
  let len = 0;
  let target: 'file' | 'heredoc' | 'heredoc-strip' = 'file';
  if (c === 38 /* & */ && at(1) === 62) len = at(2) === 62 ? 3 : 2;
  else if (c === 62 /* > */) len = at(1) === 62 || at(1) === 38 || at(1) === 124 ? 2 : 1;
  else if (c === 60 /* < */) {
    if (at(1) === 60) {
      if (at(2) === 60) len = 3;
      else if (at(2) === 45 /* - */) {
        len = 3;
        target = 'heredoc-strip';
      } else {
        len = 2;
        target = 'heredoc';
      }
    } else len = at(1) === 62 || at(1) === 38 ? 2 : 1;
  }
  if (len === 0) return undefined;
  return { text: text.slice(from, i + len), target };
}

/**
 * The length of a documentation placeholder at `i` (`<image>`, `<your-tag>`, `<host:port>`), or 0. Docs write
 * `docker run -v <path>:/data <image>`; read as shell, each `<`/`>` would be a redirection that eats the word
 * after it, so the flags after a placeholder would be misread. A `<` followed by a name and a `>` with no
 * space between is hardly ever a real redirection (`cmd <in>out` would be), so it is read as part of a word.
 */
function placeholderAt(text: string, i: number, end: number): number {
  if (text.charCodeAt(i) !== 60 /* < */) return 0;
  let k = i + 1;
  if (k >= end || !isNameStart(text.charCodeAt(k))) return 0;
  while (k < end && isPlaceholderChar(text.charCodeAt(k))) k++;
  if (k >= end || text.charCodeAt(k) !== 62 /* > */) return 0;
  const after = k + 1 < end ? text.charCodeAt(k + 1) : -1;
  // `<a>>b`, `<a>&2`, `<a>|b` are redirections written tightly, not a placeholder.
  if (after === 62 || after === 38 || after === 124) return 0;
  return k + 1 - i;
}

/** Letters, digits and `_ . : / @ -`: what a placeholder name holds (`<registry/image:tag>`). */
function isPlaceholderChar(c: number): boolean {
  return isNameChar(c) || c === 46 || c === 58 || c === 47 || c === 64 || c === 45;
}

interface ScannedWord {
  value: string;
  end: number;
  opaque: boolean;
  /** The word so far is an fd number immediately followed by a redirection operator. */
  redirectOp?: boolean;
}

function scanWord(text: string, start: number, end: number): ScannedWord {
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

function indexOfCode(text: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return end;
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

/** Skips the bodies of the heredocs opened on the line that just ended; returns where commands resume. */
function skipHeredocBodies(text: string, i: number, end: number, heredocs: PendingHeredoc[]): number {
  for (const doc of heredocs) {
    while (i < end) {
      let lineEnd = i;
      while (lineEnd < end && text.charCodeAt(lineEnd) !== LF) lineEnd++;
      let content = text.slice(i, lineEnd);
      if (content.endsWith('\r')) content = content.slice(0, -1);
      if (doc.stripTabs) content = content.replace(/^\t+/, '');
      i = Math.min(end, lineEnd + 1);
      if (content === doc.delimiter) break;
    }
  }
  return i;
}

/**
 * Groups words into simple commands: operators (`&&`, `||`, `;`, `|`, `&`, newlines, parentheses) separate
 * commands. Redirection words are left out; empty commands are dropped.
 */
export function splitCommands(tokens: readonly ShellToken[]): ShellWord[][] {
  const commands: ShellWord[][] = [];
  let current: ShellWord[] = [];
  for (const t of tokens) {
    if (t.type === 'op') {
      if (current.length > 0) commands.push(current);
      current = [];
    } else if (!t.redirect) {
      current.push(t);
    }
  }
  if (current.length > 0) commands.push(current);
  return commands;
}
