import type { WrittenIn } from '../../model/located';

/**
 * Compose variable interpolation, read statically.
 *
 * Without `variables` nothing is looked up: `$$` is a literal `$`; `${VAR:-default}` / `${VAR-default}`
 * take their default (the value may differ at run time, so callers mark it not editable); any other
 * variable makes the value unknown.
 *
 * With `variables` (the project's: the CLI's environment, `.env`, an editor setting) the forms mean what
 * they mean to Compose (https://docs.docker.com/reference/compose-file/interpolation/):
 * `${VAR}`/`$VAR` its value; `${VAR:-d}` d when unset or empty; `${VAR-d}` d when unset; `${VAR:?e}` /
 * `${VAR?e}` the value, which Compose requires; `${VAR:+r}` / `${VAR+r}` r when set (and non-empty).
 * A variable the project does not set stays unknown, except where a default says what Compose uses:
 * a linter does not know the environment the project will be started in.
 */
export type Interpolated =
  | { known: true; value: string; hasVariables: boolean; origins?: VariableOrigin[] }
  | { known: false; reason: string };

/** A variable's value and, when it is written in a file (`.env`), where. */
export interface VariableValue {
  value: string;
  origin?: VariableOrigin;
}

/** Where a variable is set: a line of an env file. */
export interface VariableOrigin {
  /** Absolute path of the env file. */
  path: string;
  /** 0-based line, and UTF-16 characters of the assignment on it. */
  line: number;
  start: number;
  end: number;
  /** `NAME=value` as it will be shown (`PG_TAG=latest`). */
  text: string;
}

/** The variables interpolation looks up; absent means the static reading above. */
export type ComposeVariables = ReadonlyMap<string, VariableValue>;

/** Where a value filled from variables is written, for its findings: the first variable set in a file. */
export function writtenInOf(origins: readonly VariableOrigin[]): WrittenIn | undefined {
  const o = origins[0];
  if (!o) return undefined;
  return { path: o.path, start: { line: o.line, character: o.start }, end: { line: o.line, character: o.end }, label: o.text };
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function interpolate(text: string, variables?: ComposeVariables): Interpolated {
  if (!text.includes('$')) return { known: true, value: text, hasVariables: false };
  let out = '';
  let hasVariables = false;
  let origins: VariableOrigin[] | undefined;
  const took = (found: Interpolated & { known: true }) => {
    out += found.value;
    hasVariables = true;
    if (found.origins) (origins ??= []).push(...found.origins);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) return { known: false, reason: `unterminated variable in "${text}"` };
      const resolved = resolveBraced(text.slice(i + 2, close), variables);
      if (!resolved.known) return resolved;
      took(resolved);
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(i + 1, j);
      const found = variables?.get(name);
      if (!found) return { known: false, reason: `depends on $${name}` };
      took(valueOf(found));
      i = j;
      continue;
    }
    // A lone `$` (end of text, `$ `) is kept literally, as Compose does.
    out += c;
    i++;
  }
  return origins ? { known: true, value: out, hasVariables, origins } : { known: true, value: out, hasVariables };
}

function valueOf(found: VariableValue): Interpolated & { known: true } {
  return found.origin ? { known: true, value: found.value, hasVariables: true, origins: [found.origin] } : { known: true, value: found.value, hasVariables: true };
}

const EMPTY: Interpolated = { known: true, value: '', hasVariables: true };

function resolveBraced(inner: string, variables: ComposeVariables | undefined): Interpolated {
  let j = 0;
  while (j < inner.length && NAME_CHAR.test(inner[j])) j++;
  const name = inner.slice(0, j);
  const rest = inner.slice(j);
  const found = variables?.get(name);
  const colon = rest.startsWith(':');
  const operator = rest[colon ? 1 : 0];
  const operand = rest.slice(colon ? 2 : 1);
  // `:` makes an empty value count as unset.
  const set = found !== undefined && (!colon || found.value !== '');
  if (rest === '') return found ? valueOf(found) : { known: false, reason: `depends on \${${name}}` };
  switch (operator) {
    case '-': {
      if (set) return valueOf(found);
      const fallback = interpolate(operand, variables);
      return fallback.known ? { ...fallback, hasVariables: true } : fallback;
    }
    case '?':
      if (set) return valueOf(found);
      return { known: false, reason: found ? `\${${name}} is empty, which Compose refuses` : `depends on \${${name}}` };
    case '+': {
      if (!found) return { known: false, reason: `depends on \${${name}}` };
      if (!set) return EMPTY;
      const replacement = interpolate(operand, variables);
      return replacement.known ? { ...replacement, hasVariables: true, origins: [...(found.origin ? [found.origin] : []), ...(replacement.origins ?? [])] } : replacement;
    }
    default:
      return { known: false, reason: `"\${${inner}}" is not a variable Compose reads` };
  }
}

/** Index of the `}` closing the `{` at `open`, counting nested `${...}`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return -1;
}

/**
 * Splits on `sep` outside `${...}` (so `${A:-x}:/data` splits once), returning each part's start index.
 */
export function splitOutsideVariables(text: string, sep: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '$' && text[k + 1] === '{') {
      depth++;
      k++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      parts.push({ text: text.slice(start, k), start });
      start = k + 1;
    }
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}
