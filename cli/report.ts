import type { Finding } from '../server/src/engine/lint';
import type { FixSafety, Severity } from '../server/src/engine/ruleApi';
import type { LineIndex } from '../server/src/model/lineIndex';
import type { SourceRange } from '../server/src/model/located';

/** A finding as the CLI prints it: 1-based lines and UTF-16 columns, `endColumn` exclusive. */
export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: { title: string; safety: FixSafety }[];
  /** The Compose profiles of the service (it starts only when one is active). */
  profiles?: string[];
  /** The findings a `container-hardening` summary stands for, each where its rule reported it. */
  members?: ReportedLocation[];
  /** Where the value is written when that is another file (Compose `extends: { file }`), 1-based. */
  writtenIn?: { file: string; line: number; column: number; endLine: number; endColumn: number; label?: string };
}

export interface ReportedLocation {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport {
  /** Relative to the working directory, with forward slashes; `<stdin>` for standard input. */
  file: string;
  findings: ReportedFinding[];
}

/** The pseudo-rule of files the CLI did not lint (binary, too large); never counts towards --fail-on. */
export const SKIPPED_ID = 'skipped';

/** `shown` turns another file's path into the form the CLI prints (relative to its working directory). */
export function toReported(f: Finding, lines: LineIndex, shown: (file: string) => string): ReportedFinding {
  const reported: ReportedFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...located(f.range, lines),
    fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })),
  };
  if (f.writtenIn) {
    const { path: file, start, end } = f.writtenIn;
    reported.writtenIn = { file: shown(file), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    if (f.writtenIn.label !== undefined) reported.writtenIn.label = f.writtenIn.label;
  }
  if (f.profiles) reported.profiles = f.profiles;
  if (f.members) reported.members = f.members.map((m) => ({ ruleId: m.ruleId, message: m.message, ...located(m.range, lines) }));
  return reported;
}


function located(range: SourceRange, lines: LineIndex): { line: number; column: number; endLine: number; endColumn: number } {
  const start = lines.position(range.start);
  const end = lines.position(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function skippedFinding(message: string): ReportedFinding {
  return { ruleId: SKIPPED_ID, severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 1, fixes: [] };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function reachesFailOn(reports: readonly FileReport[], failOn: Severity): boolean {
  return reports.some((r) => r.findings.some((f) => f.ruleId !== SKIPPED_ID && RANK[f.severity] >= RANK[failOn]));
}
