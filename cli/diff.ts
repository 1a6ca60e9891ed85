/** Splits into lines, each keeping its own line break, so CRLF and a missing final newline survive. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { type: ' ' | '-' | '+'; line: string };

/** Line operations from an LCS table; fixes touch few lines, so the middle left after trimming is small. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = a.slice(0, pre).map((line) => ({ type: ' ', line }));
  if (am.length * bm.length > 4_000_000) {
    // Too big to align: show the middle as replaced wholesale rather than spend quadratic memory.
    for (const line of am) ops.push({ type: '-', line });
    for (const line of bm) ops.push({ type: '+', line });
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ type: ' ', line: am[i++] });
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ type: '-', line: am[i++] });
      else ops.push({ type: '+', line: bm[j++] });
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ type: ' ', line });
  return ops;
}

function render(op: Op): string {
  if (op.line.endsWith('\n')) return `${op.type}${op.line}`;
  return `${op.type}${op.line}\n\\ No newline at end of file\n`;
}

/** A unified diff (`--- a/file`, `+++ b/file`, hunks with 3 lines of context); empty when the texts are equal. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((op, i) => (op.type !== ' ' ? i : -1)).filter((i) => i >= 0);
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = changed[k];
    // Extend the hunk while the next change is close enough for the contexts to touch.
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * context) end = changed[++k];
    k++;
    const stop = Math.min(ops.length, end + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let i = 0; i < start; i++) {
      if (ops[i].type !== '+') oldStart++;
      if (ops[i].type !== '-') newStart++;
    }
    const hunk = ops.slice(start, stop);
    const oldLen = hunk.filter((o) => o.type !== '+').length;
    const newLen = hunk.filter((o) => o.type !== '-').length;
    out += `@@ -${oldLen === 0 ? oldStart - 1 : oldStart},${oldLen} +${newLen === 0 ? newStart - 1 : newStart},${newLen} @@\n`;
    out += hunk.map(render).join('');
  }
  return out;
}
