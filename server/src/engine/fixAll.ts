import { applyEdits, type TextEdit } from '../edit/writer';
import type { SourceRange } from '../model/located';
import type { FileKind } from '../parse';
import { lint, type Finding, type LintOptions, type PlannedFix } from './lint';
import type { FixSafety } from './ruleApi';

/** Which fixes a fix-all applies: those of these safeties, or those a filter accepts (fix-on-save's rule opt-ins). */
export type FixPolicy = ReadonlySet<FixSafety> | ((ruleId: string, fix: PlannedFix) => boolean);

function allows(policy: FixPolicy, ruleId: string, fix: PlannedFix): boolean {
  return typeof policy === 'function' ? policy(ruleId, fix) : policy.has(fix.safety);
}

/** Fix-all stops after this many lint-and-apply passes, fixed point reached or not. */
export const MAX_FIX_PASSES = 10;

export interface FixAllOutcome {
  text: string;
  /** How many findings a fix was applied for, over all passes. */
  fixed: number;
}

function overlaps(a: SourceRange, b: SourceRange): boolean {
  // Two insertions at the same point are ambiguous in order, so they count as overlapping too.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * The first allowed fix of each finding (the rule's preferred one first), skipping any whose edits
 * overlap edits already chosen. Ignore comments are never chosen: silencing a finding is not fixing it.
 * Nor is a finding the repository suppresses but that is shown anyway (Restricted Mode): fixing it
 * unattended would undo a decision the repository wrote down, unseen.
 */
export function chooseFixes(findings: readonly Finding[], allowed: FixPolicy): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const finding of findings) {
    if (finding.suppressed) continue;
    for (const fix of finding.fixes) {
      if (fix.messageId === 'ignore' || !allows(allowed, finding.ruleId, fix)) continue;
      if (fix.edits.some((e) => edits.some((c) => overlaps(c.range, e.range)))) continue;
      edits.push(...fix.edits);
      count++;
      break;
    }
  }
  return { edits, count };
}

/**
 * Applies fixes in passes, as ESLint does: fixes that touch the same place (several settings inserted
 * after the same line) cannot be planned against one text, so each pass takes the non-overlapping ones
 * and the next pass lints the result again. Shared by `capdrop --fix` and the editor's fix-all.
 * `firstFindings` (with their fixes planned) saves the first lint when the caller already has it.
 */
export function fixAll(text: string, kind: FileKind, options: LintOptions, allowed: FixPolicy, firstFindings?: readonly Finding[]): FixAllOutcome {
  let current = text;
  let fixed = 0;
  let findings = firstFindings ?? lint(current, kind, { ...options, withFixes: true }).findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, count } = chooseFixes(findings, allowed);
    if (count === 0) break;
    let next: string;
    try {
      next = applyEdits(current, edits);
    } catch {
      break; // a fix whose own edits overlap is a rule bug: keep what the earlier passes did
    }
    if (next === current) break;
    current = next;
    fixed += count;
    findings = lint(current, kind, { ...options, withFixes: true }).findings;
  }
  return { text: current, fixed };
}
