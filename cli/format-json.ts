import type { FileReport } from './report';

/** `[{ file, findings: [{ ruleId, severity, message, line, column, endLine, endColumn, fixes }] }]`, every linted file included. */
export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}
