import type { TextEdit } from '../edit/writer';

/** A line that opens a block mapping: `key:` with nothing after it. */
const HEADER = /^[ \t]*[^\s#:'"-][^#:]*:[ \t]*$/;

/**
 * Joins insertions planned apart that land at one point and open the same block: two fixes that each
 * write `securityContext:` at the end of a container would otherwise write the key twice. The second
 * text's leading `key:` lines that equal the first's are dropped and the rest continues the first's
 * innermost block. Insertions with no header in common, and replacements, are kept as they are, in order.
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const into = edit.range.start === edit.range.end ? out.find((o) => o.range.start === edit.range.start && o.range.end === o.range.start && sharedHeaders(o.newText, edit.newText) > 0) : undefined;
    if (into) into.newText = joined(into.newText, edit.newText);
    else out.push({ range: edit.range, newText: edit.newText });
  }
  return out;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** How many leading lines (after the line break each text starts with) are the same `key:` headers. */
function sharedHeaders(a: string, b: string): number {
  const la = lines(a);
  const lb = lines(b);
  if (la[0] !== '' || lb[0] !== '') return 0;
  let n = 0;
  while (n + 1 < la.length && n + 1 < lb.length && la[n + 1] === lb[n + 1] && HEADER.test(la[n + 1])) n++;
  return n;
}

function joined(a: string, b: string): string {
  const eol = /\r\n/.test(a) ? '\r\n' : '\n';
  const rest = lines(b).slice(1 + sharedHeaders(a, b));
  return rest.length === 0 ? a : `${a}${eol}${rest.join(eol)}`;
}
