import * as fs from 'node:fs';
import { fingerprintKeys } from './fingerprint';
import type { FileReport } from './report';

/**
 * `--baseline FILE`: a JSON report written earlier (`capdrop --format json … > FILE`, from the same
 * directory) lists findings already known; a run then reports only the others. Findings are matched by
 * file, rule, message and their order among findings alike in all three (never by line), so edits
 * elsewhere in a file keep its known findings known, as ESLint's bulk suppressions count them.
 */
export function readBaseline(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new BaselineError(`cannot read baseline ${file}: ${reason}`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isFileReport)) {
    throw new BaselineError(`baseline ${file} is not a capdrop JSON report (write one with --format json)`);
  }
  return new Set(parsed.flatMap((report) => fingerprintKeys(report)));
}

export class BaselineError extends Error {}

/** Each report without the findings the baseline knows; the number left out is returned too. */
export function withoutKnown(reports: readonly FileReport[], known: ReadonlySet<string>): { reports: FileReport[]; known: number } {
  let left = 0;
  const out = reports.map((report) => {
    const keys = fingerprintKeys(report);
    const findings = report.findings.filter((_, i) => !known.has(keys[i]));
    left += report.findings.length - findings.length;
    return { ...report, findings };
  });
  return { reports: out, known: left };
}

function isFileReport(value: unknown): value is FileReport {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<FileReport>;
  return typeof r.file === 'string' && Array.isArray(r.findings) && r.findings.every((f) => typeof f?.ruleId === 'string' && typeof f.message === 'string');
}
