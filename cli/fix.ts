import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type LintOptions, type PlannedFix } from '../server/src/engine/lint';
import { applyEdits, type TextEdit } from '../server/src/edit/writer';
import type { FileKind } from '../server/src/parse';
import type { FixSafetyChoice } from './args';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** How many findings a fix was applied for, over all passes. */
  fixed: number;
}

function allowed(fix: PlannedFix, safety: FixSafetyChoice): boolean {
  if (fix.messageId === 'ignore') return false; // silencing a finding is never a fix
  return fix.safety === 'safe' || (safety === 'review' && fix.safety === 'review');
}

/** Edits conflict when they overlap or touch: two insertions at one offset have no defined order. */
function conflicts(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.range.start <= y.range.end && y.range.start <= x.range.end));
}

/**
 * Applies the first allowed fix of each finding, skipping fixes that conflict with ones already taken,
 * then lints again, until nothing is left to fix or MAX_FIX_PASSES is reached.
 */
export function fixText(text: string, kind: FileKind, options: LintOptions, safety: FixSafetyChoice): FixOutcome {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings } = lint(current, kind, { ...options, withFixes: true });
    const taken: TextEdit[][] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => allowed(x, safety));
      if (!fix || taken.some((t) => conflicts(t, fix.edits))) continue;
      taken.push(fix.edits);
    }
    if (taken.length === 0) break;
    let next: string;
    try {
      next = applyEdits(current, taken.flat());
    } catch {
      break; // a rule planned edits that overlap each other: stop rather than write something broken
    }
    if (next === current) break;
    current = next;
    fixed += taken.length;
  }
  return { text: current, fixed };
}

export class ChangedOnDiskError extends Error {}

/**
 * Replaces a file's content atomically (temp file in the same directory, then rename), keeping its mode.
 * Refuses when the file no longer holds the bytes it was read with.
 */
export function writeFileAtomically(linkOrFile: string, originalBytes: Buffer, newBytes: Buffer): void {
  // Renaming onto a symbolic link would replace the link with a file: write where it points instead.
  const file = fs.realpathSync(linkOrFile);
  const stat = fs.statSync(file);
  const onDisk = fs.readFileSync(file);
  if (!onDisk.equals(originalBytes)) throw new ChangedOnDiskError(`${file} changed on disk since it was read; not writing it`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.capdrop-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, newBytes, { mode: stat.mode & 0o7777, flag: 'wx' });
    fs.chmodSync(temp, stat.mode & 0o7777); // the umask may have narrowed the mode given to writeFileSync
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
