import type { FileReport } from './report';

/**
 * The GNU Coding Standards' error format, `FILE:LINE.COLUMN-ENDLINE.ENDCOLUMN: SEVERITY: MESSAGE [RULE]`,
 * one line per finding: Emacs' compilation mode, Vim's quickfix (`errorformat` %f:%l.%c-%e.%k) and most
 * editors' "next error" commands jump to it. Emacs reads `warning:` and `info:` as those levels.
 */
export function formatGnu(reports: readonly FileReport[]): string {
  let out = '';
  for (const report of reports) {
    for (const f of report.findings) {
      const end = f.endLine === f.line ? `${f.endColumn}` : `${f.endLine}.${f.endColumn}`;
      out += `${report.file}:${f.line}.${f.column}-${end}: ${f.severity}: ${f.message} [${f.ruleId}]\n`;
    }
  }
  return out;
}
