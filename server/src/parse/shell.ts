import type { ContainerSpec, ParsedFile } from '../model/containerSpec';
import { LineIndex } from '../model/lineIndex';
import { parseDockerRun } from './dockerRun';
import { splitCommands, tokenizeShell, type ShellToken } from './shellWords';

/** The whole-file handle of a shell file: its tokens (the writers read per-command info from `origin.node`). */
export interface ShellFileHandle {
  tokens: ShellToken[];
}

/**
 * Finds `docker run` / `docker create` (podman, nerdctl) commands in shell text. Only the first word of a
 * simple command can start one, so quoted strings, comments, heredoc bodies and assignments never do.
 * Commands inside `$(…)` (`id=$(docker run -d …)`) are found too: the shell runs them.
 */
export function parseShell(text: string): ParsedFile {
  const tokens = tokenizeShell(text);
  const eol = LineIndex.eol(text);
  const specs: ContainerSpec[] = [];
  collectSpecs(text, tokens, eol, specs, 0);
  const handle: ShellFileHandle = { tokens };
  return { kind: 'run', text, specs, problems: [], handle };
}

/** Nesting deeper than this is not real shell; it is not worth a stack. */
const MAX_SUBSTITUTION_DEPTH = 8;

function collectSpecs(text: string, tokens: ShellToken[], eol: string, specs: ContainerSpec[], depth: number): void {
  for (const words of splitCommands(tokens)) {
    const spec = parseDockerRun(words, text, eol);
    if (spec) specs.push(spec);
    if (depth >= MAX_SUBSTITUTION_DEPTH) continue;
    for (const w of words) {
      if (!w.opaque || !w.raw.includes('$(')) continue;
      for (const body of substitutionBodies(w.raw)) {
        collectSpecs(text, tokenizeShell(text, w.start + body.start, w.start + body.end), eol, specs, depth + 1);
      }
    }
  }
}

/**
 * The bodies of the outermost `$(…)` in a word's source text (not `$((…))` arithmetic, not inside single
 * quotes), as offsets into `raw`. Nested substitutions are found when their body is tokenized in turn.
 */
export function substitutionBodies(raw: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  let inDouble = false;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') {
      i += 2;
    } else if (c === "'" && !inDouble) {
      const close = raw.indexOf("'", i + 1);
      i = close < 0 ? raw.length : close + 1;
    } else if (c === '"') {
      inDouble = !inDouble;
      i++;
    } else if (c === '$' && raw[i + 1] === '(' && raw[i + 2] !== '(') {
      const start = i + 2;
      const end = closingParen(raw, start);
      out.push({ start, end });
      i = end + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** The offset of the `)` closing a `$(` whose body starts at `i` (the text's end when unclosed). */
function closingParen(raw: string, i: number): number {
  let depth = 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      i = close < 0 ? raw.length : close + 1;
    } else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
      i++;
    }
  }
  return raw.length;
}
