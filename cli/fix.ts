import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintOptions } from '../server/src/engine/lint';
import { fixAll, type FixAllOutcome } from '../server/src/engine/fixAll';
import type { FixSafety } from '../server/src/engine/ruleApi';
import type { FileKind } from '../server/src/parse';
import type { FixSafetyChoice } from './args';

const ALLOWED: Record<FixSafetyChoice, ReadonlySet<FixSafety>> = { safe: new Set(['safe']), review: new Set(['safe', 'review']) };

/** `--fix`: the engine's fix-all with the fixes `--fix-safety` allows (`review` takes the safe ones too). */
export function fixText(text: string, kind: FileKind, options: LintOptions, safety: FixSafetyChoice): FixAllOutcome {
  return fixAll(text, kind, options, ALLOWED[safety]);
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
