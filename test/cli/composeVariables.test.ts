import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onlyRule, runCli, tempTree } from './harness';

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  writtenIn?: { file: string; line: number; label?: string };
}

const RULES = onlyRule('pin-image-version', 'no-root-user', 'no-host-namespace');
const COMPOSE = 'services:\n  db:\n    image: postgres:${PG_TAG}\n    user: "${DB_UID:-999}"\n  cache:\n    image: redis:7.2\n    network_mode: ${CACHE_NET}\n';

/** `file line:column rule [from file:line label]` for each finding. */
async function findings(dir: string, args: string[], env?: Record<string, string>): Promise<string[]> {
  const r = await runCli(['--format', 'json', '--fail-on', 'error', ...RULES, ...args], dir, env ? { env } : {});
  assert.equal(r.stderr, '');
  const reports = JSON.parse(r.stdout) as { file: string; findings: JsonFinding[] }[];
  return reports.flatMap((rep) => rep.findings.map((f) => `${rep.file} ${f.line}:${f.column} ${f.ruleId}${f.writtenIn ? ` [${f.writtenIn.label} in ${f.writtenIn.file}:${f.writtenIn.line}]` : ''}`));
}

describe('cli: Compose variables from .env, --env-file and the environment', () => {
  it("fills ${VAR} from the project's .env and names the line each value comes from", async () => {
    const dir = tempTree({ 'compose.yaml': COMPOSE, '.env': '# settings\nPG_TAG=latest\nCACHE_NET=host\nDB_UID=0\n' });
    assert.deepEqual(await findings(dir, ['.']), [
      'compose.yaml 3:5 pin-image-version [PG_TAG=latest in .env:2]',
      'compose.yaml 4:5 no-root-user [DB_UID=0 in .env:4]',
      'compose.yaml 7:5 no-host-namespace [CACHE_NET=host in .env:3]',
    ]);
    const text = await runCli(['--format', 'text', ...RULES, 'compose.yaml'], dir);
    assert.match(text.stdout, /uses the "latest" tag[^\n]* \(PG_TAG=latest in \.env:2\)  pin-image-version/);
  });

  it('stays silent on variables nothing sets, and takes the default of ${VAR:-default}', async () => {
    const dir = tempTree({ 'compose.yaml': COMPOSE });
    assert.deepEqual(await findings(dir, ['.']), []);
    const root = tempTree({ 'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    user: "${APP_UID:-0}"\n' });
    assert.deepEqual(await findings(root, ['.']), ['compose.yaml 4:5 no-root-user']);
  });

  it('lets the environment win over .env, as Compose does', async () => {
    const dir = tempTree({ 'compose.yaml': COMPOSE, '.env': 'PG_TAG=latest\nCACHE_NET=host\n' });
    assert.deepEqual(await findings(dir, ['.'], { PG_TAG: '16.4', DB_UID: '0' }), [
      'compose.yaml 4:5 no-root-user',
      'compose.yaml 7:5 no-host-namespace [CACHE_NET=host in .env:2]',
    ]);
  });

  it('reads --env-file instead of .env (later files win), and refuses one that is missing', async () => {
    const dir = tempTree({ 'compose.yaml': COMPOSE, '.env': 'PG_TAG=latest\n', 'env/prod.env': 'PG_TAG=16\nDB_UID=0\n', 'env/host.env': 'CACHE_NET=host\nDB_UID=1000\n' });
    assert.deepEqual(await findings(dir, ['--env-file', 'env/prod.env', '--env-file', 'env/host.env', 'compose.yaml']), [
      'compose.yaml 7:5 no-host-namespace [CACHE_NET=host in env/host.env:1]',
    ]);
    const missing = await runCli(['--env-file', 'nope.env', 'compose.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'capdrop: env file not found: nope.env\n');
  });

  it('reads standard input as a Compose file of the working directory, with its .env', async () => {
    const dir = tempTree({ '.env': 'PG_TAG=latest\n' });
    const r = await runCli(['--format', 'json', '--kind', 'compose', ...RULES, '-'], dir, { stdin: 'services:\n  db:\n    image: postgres:${PG_TAG}\n' });
    const [report] = JSON.parse(r.stdout) as { findings: JsonFinding[] }[];
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.line, f.writtenIn?.label]), [['pin-image-version', 3, 'PG_TAG=latest']]);
  });
});
