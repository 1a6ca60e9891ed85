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
