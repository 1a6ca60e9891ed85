import { parse } from 'yaml';

/** Line arithmetic on the raw text; the writer edits whole lines so indentation stays the file's own. */
export class Lines {
  readonly eol: string;

  constructor(readonly text: string) {
    const i = text.indexOf('\n');
    this.eol = i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** End of the line's content, before its line break. */
  contentEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    if (nl < 0) return this.text.length;
    return nl > 0 && this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  /** Just after the line's line break (or the end of the text). */
  nextLineStart(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** True when only spaces precede `offset` on its line (the node starts a block line). */
  startsLine(offset: number): boolean {
    return /^ *$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** True when only spaces and one `- ` precede `offset` (the first key of a list-item mapping, or a list item). */
  startsListLine(offset: number): boolean {
    return /^ *- +$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** Column of the `-` of a block list item whose value starts at `offset`. */
  dashColumn(offset: number): number {
    return this.text.slice(this.lineStart(offset), offset).indexOf('-');
  }
}

const PLAIN_SAFE = /^[A-Za-z0-9_./@+-][A-Za-z0-9_./@+ -]*$/;

/** True when `value` written plain reads back as the same string. */
function plainReadsAsString(value: string): boolean {
  if (!PLAIN_SAFE.test(value) || value.endsWith(' ')) return false;
  try {
    return parse(`k: ${value}`)?.k === value;
  } catch {
    return false;
  }
}

export function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

/**
 * A string value for a new or replaced scalar. Values with a colon are quoted even where YAML 1.2 would
 * read them plain, because YAML 1.1 readers see `10001:10001` as a base-60 number.
 */
export function stringScalar(value: string): string {
  return plainReadsAsString(value) ? value : doubleQuoted(value);
}

/** Writes `value` in the quoting style of the scalar it replaces. */
export function inStyle(value: string, style: string | undefined, original: unknown): string {
  if (style === 'QUOTE_DOUBLE') return doubleQuoted(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  // A plain boolean or number may be replaced by another plain one (`read_only: false` → `true`).
  if (typeof original !== 'string' && /^(?:true|false|-?\d+(?:\.\d+)?)$/.test(value)) return value;
  return stringScalar(value);
}

/** Plain short-syntax strings such as `8080:80` stay plain when they still read back as the same string. */
export function inStyleLoose(value: string, style: string | undefined, inFlowList: boolean): string {
  if (style !== 'PLAIN') return inStyle(value, style, '');
  if (/^[0-9:]+$/.test(value)) return doubleQuoted(value);
  // Commas and brackets end a plain scalar only inside `[...]`.
  if (inFlowList && /[,[\]{}]/.test(value)) return doubleQuoted(value);
  try {
    if (!/^[-?:,[\]{}#&*!|>'"%@`]|[#'"{}&*!|>%`]|: |\s/.test(value) && parse(`k: ${value}`)?.k === value) return value;
  } catch {
    // fall through to quoting
  }
  return doubleQuoted(value);
}
