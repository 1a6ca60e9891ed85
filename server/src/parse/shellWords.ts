import { BACKSLASH, CR, HASH, LF, newlineAt, SPACE, TAB } from './shellWords/chars';
import { operatorAt, placeholderAt, redirectionAt, type RedirectTarget } from './shellWords/operators';
import { scanWord } from './shellWords/word';

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

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
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
  let redirectTarget: RedirectTarget | undefined;

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
