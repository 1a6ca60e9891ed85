/**
 * Compose variable interpolation, read statically: nothing is looked up in an environment.
 * `$$` is a literal `$`; `${VAR:-default}` / `${VAR-default}` take their default (the value may differ
 * at run time, so callers mark it not editable); any other variable makes the value unknown.
 */
export type Interpolated =
  | { known: true; value: string; hasVariables: boolean }
  | { known: false; reason: string };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function interpolate(text: string): Interpolated {
  if (!text.includes('$')) return { known: true, value: text, hasVariables: false };
  let out = '';
  let hasVariables = false;
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
      const inner = text.slice(i + 2, close);
      const resolved = resolveBraced(inner);
      if (!resolved.known) return resolved;
      out += resolved.value;
      hasVariables = true;
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      return { known: false, reason: `depends on $${text.slice(i + 1, j)}` };
    }
    // A lone `$` (end of text, `$ `) is kept literally, as Compose does.
    out += c;
    i++;
  }
  return { known: true, value: out, hasVariables };
}

function resolveBraced(inner: string): Interpolated {
  let j = 0;
  while (j < inner.length && NAME_CHAR.test(inner[j])) j++;
  const name = inner.slice(0, j);
  const rest = inner.slice(j);
  if (rest.startsWith(':-') || rest.startsWith('-')) {
    const fallback = interpolate(rest.slice(rest.startsWith(':-') ? 2 : 1));
    return fallback.known ? { known: true, value: fallback.value, hasVariables: true } : fallback;
  }
  return { known: false, reason: `depends on \${${name}}` };
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
