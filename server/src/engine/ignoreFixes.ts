import type { LineIndex } from '../model/lineIndex';
import type { FileKind } from '../parse';
import type { Suppression } from './suppress';
// Types only: lint.ts imports this module.
import type { PlannedFix } from './lint';

/**
 * The "Ignore" fixes of one linted text: a `# capdrop-ignore RULE -- ` comment for a finding's line, or a
 * `# capdrop-ignore-file RULE -- ` comment for the whole file. A comment that already covers the line (or
 * the file) gets the rule id added to its list instead of a second comment under it, which would cover
 * the new comment rather than the finding's line (the bug ESLint's extension fixed the same way). Each
 * fix says where the reason is (`placeholder`), so an editor can put the cursor there.
 */
export class IgnoreFixer {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly kind: FileKind,
    /** The comments written in the text that count (in Markdown: inside code blocks, or file-wide). */
    private readonly written: readonly Suppression[],
    private readonly eol: string,
    /** Makes the comment valid where `#` does not start one (`// ` in devcontainer.json). */
    private readonly commentLead: string,
  ) {}

  /** Ignores `ruleIds` (comma-separated) on `line`: in the comment covering it, or in a new one above it. */
  forLine(line: number, ruleIds: string, title: string): PlannedFix[] {
    const covering =
      this.written.find((s) => !s.fileWide && s.ownLine && s.line === line - 1) ?? this.written.find((s) => !s.fileWide && !s.ownLine && s.line === line);
    if (covering) return [merged(covering, ruleIds, title)];
    const start = this.lines.lineStart(line);
    // None for a line that starts after a lone CR: editors break the line there, YAML and the shell do not,
    // so the comment would land inside a value (found by fuzzing: it broke a Compose list).
    if (start > 0 && this.text.charCodeAt(start - 1) === 13) return [];
    const indent = /^[ \t]*/.exec(this.text.slice(start, this.lines.lineEnd(line)))![0];
    return [inserted(start, `${indent}${this.commentLead}# capdrop-ignore ${ruleIds} -- `, this.eol, title)];
  }

  /** Ignores a rule in the whole file: in its first `capdrop-ignore-file` comment, or a new one at the top. */
  forFile(ruleId: string): PlannedFix[] {
    const title = `Ignore ${ruleId} in this file`;
    const fileWide = this.written.find((s) => s.fileWide);
    if (fileWide) return [merged(fileWide, ruleId, title)];
    // A `#` line at the top of Markdown is a heading, not a comment.
    if (this.kind === 'markdown') return [];
    const start = this.topInsertionOffset();
    if (start === undefined) return [];
    return [inserted(start, `${this.commentLead}# capdrop-ignore-file ${ruleId} -- `, this.eol, title)];
  }

  /**
   * Where a file-wide comment goes: the first line, except past a byte order mark, a `#!` line, and a
   * Dockerfile's parser directives (`# syntax=…`, `# escape=…`), which stop being directives after a comment.
   */
  private topInsertionOffset(): number | undefined {
    let line = 0;
    const text = (n: number) => this.lines.lineText(n);
    if (this.lines.lineCount > 0 && text(0).replace(/^\uFEFF/, '').startsWith('#!')) line = 1;
    if (this.kind === 'dockerfile') while (line < this.lines.lineCount && /^\uFEFF?#[ \t]*[A-Za-z][\w-]*[ \t]*=/.test(text(line))) line++;
    if (line >= this.lines.lineCount) {
      // Only a shebang or directives: after the last line, which needs its line break first.
      const end = this.text.length;
      return /\r?\n$/.test(this.text) ? end : undefined;
    }
    const start = this.lines.lineStart(line);
    if (start > 0 && this.text.charCodeAt(start - 1) === 13) return undefined;
    return start === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : start;
  }
}

/** A new comment line inserted at `start`; the reason goes where the line ends. */
function inserted(start: number, comment: string, eol: string, title: string): PlannedFix {
  return {
    title,
    messageId: 'ignore',
    safety: 'review',
    edits: [{ range: { start, end: start }, newText: `${comment}${eol}` }],
    placeholder: { start: comment.length, end: comment.length },
  };
}

/** The rule ids joined to an existing comment's list, its reason kept (and selected for editing). */
function merged(comment: Suppression, ruleIds: string, title: string): PlannedFix {
  const head = `${comment.rules.length ? ',' : ' '}${ruleIds} -- `;
  return {
    title,
    messageId: 'ignore',
    safety: 'review',
    edits: [{ range: { start: comment.rulesEnd, end: comment.range.end }, newText: `${head}${comment.reason}` }],
    placeholder: { start: head.length, end: head.length + comment.reason.length },
  };
}
