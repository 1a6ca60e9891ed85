import type { Severity } from '../server/src/engine/ruleApi';
import { fingerprint, fingerprintKeys } from './fingerprint';
import type { FileReport } from './report';

/** Code Climate's severities as GitLab's Code Quality widget shows them. */
const SEVERITY: Record<Severity, 'critical' | 'major' | 'info'> = { error: 'critical', warning: 'major', info: 'info' };

/**
 * The Code Climate issue format as GitLab Code Quality reads it (`artifacts: reports: codequality`): a
 * JSON array of issues with `description`, `check_name`, `fingerprint`, `severity` and
 * `location.path` / `location.lines.begin`, plus the spec's `type` and `categories`.
 */
export function formatCodeClimate(reports: readonly FileReport[]): string {
  const issues = reports.flatMap((report) => {
    const keys = fingerprintKeys(report);
    return report.findings.map((f, i) => ({
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      categories: ['Security'],
      severity: SEVERITY[f.severity],
      fingerprint: fingerprint(keys[i]),
      location: { path: report.file, lines: { begin: f.line, end: f.endLine } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
