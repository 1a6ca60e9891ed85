import type { Severity } from '../server/src/engine/ruleApi';
import type { FileReport } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: `%`, CR and LF in the message; also `:` and `,` in properties. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`):
 * printed in a workflow step, each finding becomes an annotation on the pull request's diff, without
 * code scanning (which reads `--format sarif`).
 */
export function formatGithub(reports: readonly FileReport[]): string {
  let out = '';
  for (const report of reports) {
    for (const f of report.findings) {
      const props = [`file=${escapeProperty(report.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(`capdrop ${f.ruleId}`)}`];
      out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
}
