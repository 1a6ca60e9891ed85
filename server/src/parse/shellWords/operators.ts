import type { ShellOperator } from '../shellWords';
import { isNameChar, isNameStart } from './chars';

/**
 * The tokens between words: control operators (`&&`, `|`, `;`…), redirection operators, and the documentation
 * placeholder (`<image>`) that would otherwise be read as two redirections.
 */

/** What a redirection operator's next word is: a file, or the delimiter of a heredoc (`<<-` strips leading tabs). */
export type RedirectTarget = 'file' | 'heredoc' | 'heredoc-strip';

export function operatorAt(text: string, i: number, end: number): { value: ShellOperator; length: number } | undefined {
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
export function redirectionAt(
  text: string,
  i: number,
  end: number,
  from: number,
): { text: string; target: RedirectTarget } | undefined {
  const c = text.charCodeAt(i);
  const at = (k: number) => (i + k < end ? text.charCodeAt(i + k) : -1);
  let len = 0;
  let target: RedirectTarget = 'file';
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
export function placeholderAt(text: string, i: number, end: number): number {
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
