/** Offset ↔ line/column conversion (0-based lines and UTF-16 columns, as LSP uses). */
export class LineIndex {
  private computed: number[] | undefined;

  /**
   * Built on first use: a lint that reports nothing on a Dockerfile never converts an offset, and the
   * index was ~1 % of such a lint on long official-image Dockerfiles (profiled).
   */
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    return (this.computed ??= lineStarts(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.lineStart(line) + character, this.lineEnd(line));
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the file uses (CRLF stays CRLF). */
  static eol(text: string): string {
    const i = text.indexOf('\n');
    return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // Most files break lines with LF alone: indexOf skips to each one far faster than a loop over every
    // character (this ran twice per Dockerfile lint, ~1.5 % of it, profiled).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
  }
  return starts;
}
