import type { FileReport } from './report';
import { xmlEscape } from './xml';

/**
 * Checkstyle XML, the format hadolint, ESLint and ShellCheck also write and that Jenkins' Warnings plugin,
 * reviewdog and most CI dashboards read: one `<file>` per linted file, one `<error>` per finding, the rule
 * as `source` (`capdrop.<rule-id>`). Severities are checkstyle's own: error, warning, info.
 */
export function formatCheckstyle(reports: readonly FileReport[]): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const report of reports) {
    out += `  <file name="${xmlEscape(report.file)}">\n`;
    for (const f of report.findings) {
      out += `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlEscape(f.message)}" source="capdrop.${xmlEscape(f.ruleId)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
}
