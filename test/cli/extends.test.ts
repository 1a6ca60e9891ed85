import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onlyRule, runCli, tempTree } from './harness';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

async function findingsOf(dir: string, args: string[]): Promise<Record<string, string[]>> {
  const r = await runCli(['--format', 'json', '--fail-on', 'error', ...onlyRule('require-resource-limits'), ...args], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const reports = JSON.parse(r.stdout) as { file: string; findings: JsonFinding[] }[];
  return Object.fromEntries(reports.map((rep) => [rep.file, rep.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)]));
}

describe('cli: Compose extends across files', () => {
  const app = (file: string) => `services:\n  app:\n    extends:\n      file: ${file}\n      service: web\n`;

  it('reads the base file inside the linted tree and judges the merged service; refuses one outside it', async () => {
    const dir = tempTree({
      'project/compose.yaml': app('common.yml'),
      'project/common.yml': 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n    cpus: "1"\n',
      'project/escape/compose.yaml': app('../../outside.yml'),
      'outside.yml': 'services:\n  web:\n    image: nginx:1.27\n',
    });
    const missing = 'Container "app" has no PIDs limit, so it can exhaust the host; set limits sized for its workload.';
    assert.deepEqual(await findingsOf(path.join(dir, 'project'), ['compose.yaml', 'escape/compose.yaml']), {
      'compose.yaml': [`2:3 info require-resource-limits ${missing}`],
      'escape/compose.yaml': [
        `3:5 info parse-error extends: "../../outside.yml" was not read: it resolves outside the workspace (${fs.realpathSync(dir)}/outside.yml); settings it would add are unknown.`,
      ],
    });
  });

  it('stays silent when the base file is missing', async () => {
    const dir = tempTree({ 'compose.yaml': app('nowhere.yml') });
    assert.deepEqual(await findingsOf(dir, ['compose.yaml']), { 'compose.yaml': [] });
  });
});

describe('cli: where an inherited value is written', () => {
  it('names the base file and line in JSON, text and SARIF', async () => {
    const dir = tempTree({
      'compose.yaml': 'services:\n  app:\n    extends:\n      file: common.yml\n      service: web\n',
      'common.yml': 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
    });
    const args = ['--fail-on', 'error', ...onlyRule('no-privileged'), 'compose.yaml'];
    const json = await runCli(['--format', 'json', ...args], dir);
    const [report] = JSON.parse(json.stdout) as { findings: (JsonFinding & { writtenIn?: unknown })[] }[];
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.line, f.column, f.writtenIn]),
      [['no-privileged', 3, 5, { file: 'common.yml', line: 4, column: 5, endLine: 4, endColumn: 21 }]],
    );

    const text = await runCli(['--format', 'text', ...args], dir);
    assert.match(text.stdout, /runs privileged[^\n]*\(set in common\.yml:4\)/);

    const sarif = await runCli(['--format', 'sarif', ...args], dir);
    const result = (JSON.parse(sarif.stdout) as { runs: { results: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0].results[0];
    assert.deepEqual(
      result.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]),
      [['common.yml', 4]],
    );
  });

  it('says nothing of provenance for a value written in the linted file', async () => {
    const dir = tempTree({ 'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n' });
    const json = await runCli(['--format', 'json', '--fail-on', 'error', ...onlyRule('no-privileged'), 'compose.yaml'], dir);
    const [report] = JSON.parse(json.stdout) as { findings: Record<string, unknown>[] }[];
    assert.equal(report.findings.length, 1);
    assert.equal('writtenIn' in report.findings[0], false);
  });
});
