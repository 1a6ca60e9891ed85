import { LineIndex } from '../model/lineIndex';
import type { SourceRange } from '../model/located';

/** One `# capdrop-ignore[-file] RULE[,RULE…] [-- reason]` comment. */
export interface Suppression {
  fileWide: boolean;
  rules: string[];
  reason: string;
  range: SourceRange;
  /** 0-based line of the comment; it covers this line (end-of-line form) and the next one. */
  line: number;
  /** Whether the comment is alone on its line (then it covers the next line). */
  ownLine: boolean;
  /** Offset just after the last rule id (after `capdrop-ignore` when it names none): where another id joins the list. */
  rulesEnd: number;
  used: boolean;
}

const PATTERN = /#[ \t]*capdrop-ignore(-file)?(?=[ \t]|$)([^\r\n]*)/gm;

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (text.indexOf('capdrop-ignore') < 0) return [];
  const out: Suppression[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    const rest = m[2];
    const dash = rest.indexOf('--');
    const rulePart = dash >= 0 ? rest.slice(0, dash) : rest;
    const reason = dash >= 0 ? rest.slice(dash + 2).trim() : '';
    const rules = rulePart.split(/[\s,]+/).filter(Boolean);
    const rulesEnd = start + m[0].length - rest.length + rulePart.trimEnd().length;
    const line = lines.position(start).line;
    // `// # capdrop-ignore` is how JSON with comments (devcontainer.json) writes one on its own line.
    const ownLine = /^\s*(?:\/\/\s*)?$/.test(text.slice(lines.lineStart(line), start));
    out.push({ fileWide: m[1] !== undefined, rules, reason, range: { start, end: start + m[0].length }, line, ownLine, rulesEnd, used: false });
  }
  return out;
}

/**
 * The first suppression covering a finding of `ruleId` on one of `findingLines` (the line it starts on,
 * and for commands split over lines, the command's first line); every covering one is marked used.
 */
export function suppressionFor(sups: Suppression[], ruleId: string, findingLines: number[]): Suppression | undefined {
  let hit: Suppression | undefined;
  for (const s of sups) {
    if (!s.rules.includes(ruleId) && !s.rules.includes('all')) continue;
    const covers = s.fileWide || findingLines.some((l) => l === s.line || (s.ownLine && l === s.line + 1));
    if (covers) {
      s.used = true;
      hit ??= s;
    }
  }
  return hit;
}
