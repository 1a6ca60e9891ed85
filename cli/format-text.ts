import type { FileReport } from './report';
import type { Severity } from '../server/src/engine/ruleApi';

const COLOURS = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
type Colour = keyof typeof COLOURS;

const SEVERITY_COLOUR: Record<Severity, Colour> = { error: 'red', warning: 'yellow', info: 'blue' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Dangers first: a file's errors, then its warnings, then the information (mostly one hardening summary
 * per container), each in line order, so the lines that matter are not read between the others.
 */
function dangersFirst(findings: readonly FileReport['findings'][number][]): FileReport['findings'] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.column - b.column);
}

/** ` (profile debug)`: the service starts only with that Compose profile. */
export function profileNote(profiles: readonly string[] | undefined): string {
  if (!profiles?.length) return '';
  return ` (profile${profiles.length > 1 ? 's' : ''} ${profiles.join(', ')})`;
}

/**
 * Findings grouped per file, one `  line:col  severity  message  rule-id` row each (columns padded within
 * a file), then a summary. Prints nothing when there is nothing to say.
 */
export function formatText(reports: readonly FileReport[], colour: boolean): string {
  const paint = (c: Colour, s: string): string => (colour ? `\u001b[${COLOURS[c]}m${s}\u001b[0m` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let out = '';
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out += `${paint('underline', report.file)}\n`;
    const findings = dangersFirst(report.findings);
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    findings.forEach((f, i) => {
      counts[f.severity]++;
      const pos = paint('dim', positions[i].padEnd(posWidth));
      const sev = paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(sevWidth));
      const where = f.writtenIn ? ` (${f.writtenIn.label !== undefined ? `${f.writtenIn.label} in` : 'set in'} ${f.writtenIn.file}:${f.writtenIn.line})` : '';
      out += `  ${pos}  ${sev}  ${f.message}${where}${profileNote(f.profiles)}  ${paint('dim', f.ruleId)}\n`;
    });
    out += '\n';
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return out;
  const summary = `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
  const summaryColour: Colour = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
  return `${out}${paint('bold', paint(summaryColour, summary))}\n`;
}
