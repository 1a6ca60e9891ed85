import { LineIndex } from '../../model/lineIndex';
import { interpolate, type ComposeVariables, type VariableValue } from './interpolate';

/** One assignment of an env file, where it is written. */
export interface DotenvEntry {
  name: string;
  /** Undefined when the value depends on a variable that is not known (it stays unknown). */
  value: string | undefined;
  /** The value as written, without its quotes (`${DB_PASSWORD}`); undefined for a name alone. */
  raw: string | undefined;
  /** Offsets of the name and of the whole assignment (name to the value's end) in the file's text. */
  nameStart: number;
  nameEnd: number;
  end: number;
}

/**
 * Reads an env file as Compose does (compose-go's dotenv: https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax):
 * - blank lines and lines starting with `#` are skipped; `export ` before a name is ignored;
 * - `NAME=value` or `NAME: value`, spaces around the separator allowed; a name alone on its line takes
 *   its value from the environment;
 * - an unquoted value ends at the line's end or at a `#`, trimmed; `'…'` is literal; `"…"` may span lines,
 *   and `\n`, `\r` and `\"` in it are escapes; unquoted and double-quoted values are interpolated
 *   from the names set before them and the environment.
 * What Compose refuses (a bad character in a name, an unterminated quote) ends the reading there:
 * the assignments before it are kept. Never throws.
 */
export function parseDotenv(text: string, environment?: ComposeVariables, earlier?: ComposeVariables): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  // What a value may refer to: names set by earlier files, the environment, and this file's names above it.
  const known = new Map<string, VariableValue>([...(earlier ?? []), ...(environment ?? [])]);
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpaceOrNewline(text[i])) i++;
    if (i >= n) break;
    if (text[i] === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('export', i) && isSpace(text[i + 6] ?? '')) {
      i += 6;
      while (i < n && isSpace(text[i])) i++;
    }
    const nameStart = i;
    while (i < n && isNameChar(text[i])) i++;
    const nameEnd = i;
    const name = text.slice(nameStart, nameEnd);
    while (i < n && isSpace(text[i])) i++;
    const sep = text[i];
    if (name === '' || (sep !== '=' && sep !== ':' && sep !== '\n' && sep !== undefined)) break;
    if (sep === '\n' || sep === undefined) {
      // `NAME` alone: the environment's value, if it has one.
      const inherited = environment?.get(name);
      entries.push({ name, value: inherited?.value, raw: undefined, nameStart, nameEnd, end: nameEnd });
      continue;
    }
    i++;
    while (i < n && isSpace(text[i])) i++;
    const quote = text[i];
    let raw: string;
    let end: number;
    let expand = true;
    if (quote === '"' || quote === "'") {
      let close = i + 1;
      while (close < n && !(text[close] === quote && text[close - 1] !== '\\')) close++;
      if (close >= n) break; // unterminated: Compose refuses the file from here
      raw = text.slice(i + 1, close);
      end = close + 1;
      i = end;
      if (quote === "'") expand = false;
      else raw = raw.replace(/\\([nr"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
    } else {
      const lineEnd = text.indexOf('\n', i);
      const stop = lineEnd < 0 ? n : lineEnd;
      const hash = text.indexOf('#', i);
      raw = text.slice(i, hash >= 0 && hash < stop ? hash : stop).replace(/\s+$/, '');
      end = i + raw.length;
      i = stop;
    }
    const written = raw;
    let value: string | undefined = raw;
    if (expand) {
      const expanded = interpolate(raw, known);
      value = expanded.known ? expanded.value : undefined;
    }
    // The environment wins over the file (Compose: a variable set in the shell is not overridden by .env).
    const fromEnvironment = environment?.get(name);
    if (fromEnvironment) value = fromEnvironment.value;
    if (value !== undefined) known.set(name, { value });
    else known.delete(name);
    entries.push({ name, value, raw: written, nameStart, nameEnd, end });
  }
  return entries;
}

/**
 * The project's variables: each env file's assignments in order (a later file wins), then the
 * environment over all of them. A value written in a file keeps where (`origin`), for the findings at
 * values it fills; a value the environment sets has none.
 */
export function projectVariables(environment: Readonly<Record<string, string>> | undefined, envFiles: readonly { path: string; text: string }[]): Map<string, VariableValue> {
  const env = new Map<string, VariableValue>();
  for (const [name, value] of Object.entries(environment ?? {})) if (typeof value === 'string') env.set(name, { value });
  const out = new Map<string, VariableValue>();
  for (const file of envFiles) {
    const lines = new LineIndex(file.text);
    for (const entry of parseDotenv(file.text, env, out)) {
      if (env.has(entry.name)) continue;
      if (entry.value === undefined) {
        out.delete(entry.name);
        continue;
      }
      const start = lines.position(entry.nameStart);
      const end = lines.position(entry.end);
      const text = `${entry.name}=${shown(entry.value)}`;
      out.set(entry.name, { value: entry.value, origin: { path: file.path, line: start.line, start: start.character, end: end.line === start.line ? end.character : lines.lineEnd(start.line) - lines.lineStart(start.line), text } });
    }
  }
  for (const [name, value] of env) out.set(name, value);
  return out;
}

/** A value as related information shows it: one line, not too long. */
function shown(value: string): string {
  const line = value.split(/\r?\n/)[0];
  return line.length > 60 || line !== value ? `${line.slice(0, 57)}...` : line;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f' || c === '\u00a0' || c === '\u0085';
}

function isSpaceOrNewline(c: string): boolean {
  return c === '\n' || isSpace(c);
}

/** Compose accepts letters, digits, `_` and `.` in a name. */
function isNameChar(c: string): boolean {
  return /[\p{L}\p{N}_.]/u.test(c);
}
