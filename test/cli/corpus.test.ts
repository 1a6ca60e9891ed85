import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './harness';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(REPO, '..', 'shared', 'corpus', 'compose');

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

interface JsonReport {
  file: string;
  findings: { ruleId: string; line: number; column: number }[];
}

// The corpus files are stored under flattened names (`…__compose.yaml`) that name-based detection does not
// recognise, so they are named explicitly with --kind compose.
describe('cli on the shared Compose corpus', () => {
  for (const part of ['real', 'fixtures']) {
    it(`lints every file of ${part} without an error exit or an internal error`, async () => {
      const files = yamlFiles(path.join(CORPUS, part));
      assert.ok(files.length > 50, `expected the corpus at ${CORPUS}`);
      const r = await runCli(['--kind', 'compose', '--format', 'json', ...files], REPO);
      assert.equal(r.stderr, '');
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
      const reports = JSON.parse(r.stdout) as JsonReport[];
      assert.equal(reports.length, files.length);
      const internal = reports.flatMap((rep) => rep.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${rep.file}:${f.line}`));
      assert.deepEqual(internal, []);
    });
  }

  it('finds the privileged cAdvisor of dockprom at its exact position', async () => {
    const file = path.join(CORPUS, 'real', 'stefanprodan_dockprom', 'docker-compose.yml');
    const r = await runCli(['--format', 'json', file], REPO);
    const privileged = (JSON.parse(r.stdout) as JsonReport[])[0].findings.filter((f) => f.ruleId === 'no-privileged');
    assert.deepEqual(
      privileged.map((f) => [f.line, f.column]),
      [[71, 5]],
    );
    assert.equal(r.code, 1);
  });

  it('walks the real corpus directory (name-detected files) without an error exit', async () => {
    const r = await runCli(['--format', 'json', path.join(CORPUS, 'real')], REPO);
    assert.equal(r.stderr, '');
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
    const files = (JSON.parse(r.stdout) as JsonReport[]).map((x) => path.basename(x.file));
    assert.ok(files.includes('docker-compose.yml'));
    assert.ok(files.every((f) => /compose/.test(f)), 'only Compose files are picked up by name');
  });
});
