import type { SourceRange } from '../../model/located';

/**
 * A Helm chart template (`templates/*.yaml`) with its `{{ … }}` actions masked, so the YAML around them
 * can be read with every offset unchanged: an action alone on its line (`{{- if .Values.x }}`,
 * `{{- toYaml .Values.securityContext | nindent 12 }}`) becomes a comment of the same length, and one
 * inside a line (`image: "{{ .Values.image }}"`) a run of `_`. Values that overlap an action are
 * unknown; a mapping holding a whole-line action may get any content from it.
 */
export interface MaskedTemplate {
  /** The text with its actions masked: same length, same line breaks. */
  text: string;
  /** Every action's range, in order. */
  actions: SourceRange[];
  /** The start offsets of the actions that fill their line(s), in order. */
  lineActions: number[];
}

/** Masks the template actions of `text`; undefined when it has none. An action never closed runs to the end of the text. */
export function maskTemplateActions(text: string): MaskedTemplate | undefined {
  let open = text.indexOf('{{');
  if (open < 0) return undefined;
  const chars = text.split('');
  const actions: SourceRange[] = [];
  const lineActions: number[] = [];
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    const end = close < 0 ? text.length : close + 2;
    actions.push({ start: open, end });
    if (fillsItsLines(text, open, end)) {
      lineActions.push(open);
      let lineStart = true;
      for (let i = open; i < end; i++) {
        if (chars[i] === '\n' || chars[i] === '\r') {
          lineStart = true;
          continue;
        }
        chars[i] = lineStart ? '#' : ' ';
        lineStart = false;
      }
    } else {
      for (let i = open; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '_';
    }
    open = text.indexOf('{{', end);
  }
  return { text: chars.join(''), actions, lineActions };
}

/** Only spaces and tabs before the action on its first line and after it on its last. */
function fillsItsLines(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  for (let i = end; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** The first action overlapping `range` (actions sorted by start), or undefined. */
export function actionIn(actions: readonly SourceRange[], range: SourceRange): SourceRange | undefined {
  let lo = 0;
  let hi = actions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (actions[mid].end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = actions[lo];
  return candidate && candidate.start < Math.max(range.end, range.start + 1) ? candidate : undefined;
}
