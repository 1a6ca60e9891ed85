import type { FileReport } from './report';
import { xmlEscape } from './xml';

/**
 * JUnit XML as GitLab's and Jenkins' test reports read it: one test suite, one test case per linted file,
 * which fails with one `<failure>` per finding (GitLab shows the first failure's message and the case's
 * full text). A file without findings is a passing case, so the report says what was checked.
 */
export function formatJunit(reports: readonly FileReport[]): string {
  const failing = reports.filter((r) => r.findings.length > 0).length;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="capdrop" tests="${reports.length}" failures="${failing}" errors="0">\n`;
  out += `  <testsuite name="capdrop" tests="${reports.length}" failures="${failing}" errors="0" skipped="0">\n`;
  for (const report of reports) {
    const name = xmlEscape(report.file);
    if (report.findings.length === 0) {
      out += `    <testcase name="${name}" classname="capdrop" file="${name}"/>\n`;
      continue;
    }
    out += `    <testcase name="${name}" classname="capdrop" file="${name}">\n`;
    for (const f of report.findings) {
      const where = `${report.file}:${f.line}:${f.column}`;
      out += `      <failure type="${xmlEscape(f.ruleId)}" message="${xmlEscape(`${f.severity}: ${f.message} (${f.ruleId})`)}">${xmlEscape(`${where}: ${f.severity}: ${f.message} [${f.ruleId}]`)}</failure>\n`;
    }
    out += '    </testcase>\n';
  }
  return `${out}  </testsuite>\n</testsuites>\n`;
}
