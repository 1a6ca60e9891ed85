import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli, tempTree } from './harness';

interface JsonFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  writtenIn?: { file: string; line: number; label?: string };
  fixes: { title: string }[];
}

/** The folder of issue 16: an override hardens web and makes db privileged; .env fills the variables. */
const DONE_WHEN = {
  'compose.yaml': [
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '    ports:',
    '      - "127.0.0.1:8080:80"',
    '  db:',
    '    image: postgres:${PG_TAG}',
    '    user: "${DB_UID:-999}"',
    '  cache:',
    '    image: redis:7.2',
    '    network_mode: ${CACHE_NET}',
    '',
  ].join('\n'),
  'compose.override.yaml': [
    'services:',
    '  web:',
    '    cap_drop: [ALL]',
    '    read_only: true',
    '    security_opt:',
    '      - no-new-privileges:true',
    '    mem_limit: 256m',
    '    cpus: "0.5"',
    '    pids_limit: 100',
    '  db:',
    '    privileged: true',
    '',
  ].join('\n'),
  '.env': 'PG_TAG=latest\nCACHE_NET=host\nDB_UID=0\n',
};

/** `file line:column rule [label in file:line]` per finding, in the CLI's order. */
async function findingsOf(dir: string, args: string[], env?: Record<string, string>): Promise<string[]> {
  const r = await runCli(['--format', 'json', '--fail-on', 'error', ...args], dir, env ? { env } : {});
  assert.equal(r.stderr, '');
  const reports = JSON.parse(r.stdout) as { file: string; findings: JsonFinding[] }[];
  return reports.flatMap((rep) =>
    rep.findings.map((f) => `${rep.file} ${f.line}:${f.column} ${f.ruleId}${f.writtenIn ? ` [${f.writtenIn.label ?? 'set'} in ${f.writtenIn.file}:${f.writtenIn.line}]` : ''}`),
  );
}

describe('cli: a Compose project judged as docker compose reads it', () => {
  it('gives exactly the findings of issue 16 on its folder', async () => {
    const dir = tempTree(DONE_WHEN);
    assert.deepEqual(await findingsOf(dir, ['.']), [
      'compose.override.yaml 11:5 no-privileged',
      'compose.yaml 6:3 container-hardening',
      'compose.yaml 7:5 pin-image-version [PG_TAG=latest in .env:1]',
      'compose.yaml 8:5 no-root-user [DB_UID=0 in .env:3]',
      'compose.yaml 9:3 container-hardening',
      'compose.yaml 11:5 no-host-namespace [CACHE_NET=host in .env:2]',
    ]);
    // Each file named alone is still judged in its project: the same findings for it.
    assert.deepEqual(await findingsOf(dir, ['compose.override.yaml']), ['compose.override.yaml 11:5 no-privileged']);
  });

  it("reports db's missing hardening once, in the file that defines it, with fixes there", async () => {
    const dir = tempTree(DONE_WHEN);
    const r = await runCli(['--format', 'json', '--fail-on', 'error', 'compose.yaml'], dir);
    const [report] = JSON.parse(r.stdout) as { findings: JsonFinding[] }[];
    const db = report.findings.find((f) => f.ruleId === 'container-hardening' && f.line === 6);
    assert.equal(db?.message, 'Container "db" can be hardened: drop all capabilities; set no-new-privileges; make the root filesystem read-only; set memory, CPU and PIDs limits.');
    assert.ok(db?.fixes.some((f) => f.title.startsWith('Harden this container')));
  });

  it('fixes the file that owns the value, or that defines the service for a missing setting', async () => {
    const dir = tempTree(DONE_WHEN);
    const only = (...keep: string[]) => ['no-privileged', 'require-read-only-rootfs', 'drop-all-capabilities', 'require-no-new-privileges', 'require-resource-limits', 'pin-image-version', 'no-root-user', 'no-host-namespace', 'bind-ports-to-interface', 'limit-restart-retries'].filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}=off`]);
    const r = await runCli(['--fix', '--fix-safety', 'review', '--dry-run', ...only('no-privileged', 'require-read-only-rootfs'), '.'], dir);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        '--- a/compose.override.yaml',
        '+++ b/compose.override.yaml',
        '@@ -8,4 +8,3 @@',
        '     cpus: "0.5"',
        '     pids_limit: 100',
        '   db:',
        '-    privileged: true',
        '--- a/compose.yaml',
        '+++ b/compose.yaml',
        '@@ -6,6 +6,8 @@',
        '   db:',
        '     image: postgres:${PG_TAG}',
        '     user: "${DB_UID:-999}"',
        '+    read_only: true',
        '   cache:',
        '     image: redis:7.2',
        '     network_mode: ${CACHE_NET}',
        '+    read_only: true',
        '',
      ].join('\n'),
    );
  });

  it('lets a later file turn a danger off, and leaves a service only in the override to the override', async () => {
    const dir = tempTree({
      'docker-compose.yml': 'services:\n  app:\n    image: app:1.0\n    privileged: true\n    user: root\n',
      'docker-compose.override.yml': 'services:\n  app:\n    privileged: false\n  debug:\n    image: busybox:1.36\n    privileged: true\n',
    });
    assert.deepEqual(await findingsOf(dir, [...hardeningOff(), '.']), [
      'docker-compose.override.yml 6:5 no-privileged',
      'docker-compose.yml 5:5 no-root-user',
    ]);
  });

  it('reads COMPOSE_FILE from .env or the environment, split on COMPOSE_PATH_SEPARATOR, and lints the files it names', async () => {
    const files = {
      'base.yaml': 'services:\n  app:\n    image: app:1.0\n',
      'prod.yaml': 'services:\n  app:\n    privileged: true\n',
      // Not in the project: its service is judged alone, so its missing hardening is reported.
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n',
    };
    const viaDotenv = tempTree({ ...files, '.env': 'COMPOSE_FILE=base.yaml;prod.yaml\nCOMPOSE_PATH_SEPARATOR=;\n' });
    assert.deepEqual(await findingsOf(viaDotenv, ['.']), ['compose.yaml 2:3 container-hardening', 'base.yaml 2:3 container-hardening', 'prod.yaml 3:5 no-privileged']);
    const viaEnvironment = tempTree(files);
    assert.deepEqual(await findingsOf(viaEnvironment, ['.'], { COMPOSE_FILE: 'base.yaml:prod.yaml' }), ['compose.yaml 2:3 container-hardening', 'base.yaml 2:3 container-hardening', 'prod.yaml 3:5 no-privileged']);
    // A name leading out of the folder is not followed.
    const outside = tempTree({ 'p/compose.yaml': files['compose.yaml'], 'p/.env': 'COMPOSE_FILE=../secret.yaml\n', 'secret.yaml': files['prod.yaml'] });
    assert.deepEqual(await findingsOf(path.join(outside, 'p'), ['.']), ['compose.yaml 2:3 container-hardening']);
  });

  it('reads -f files as one project, in order, as docker compose -f does', async () => {
    const dir = tempTree({
      'stack/app.yml': 'services:\n  app:\n    image: app:1.0\n    cap_add: [SYS_ADMIN]\n',
      'stack/hardening.yml': 'services:\n  app:\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: [no-new-privileges:true]\n    mem_limit: 1g\n    cpus: 1\n    pids_limit: 100\n',
    });
    assert.deepEqual(await findingsOf(dir, ['-f', 'stack/app.yml', '-f', 'stack/hardening.yml']), ['stack/app.yml 4:15 no-dangerous-capabilities']);
    // Each file alone: the hardening is missing from app.yml, and hardening.yml names no image.
    assert.deepEqual(await findingsOf(dir, ['--kind', 'compose', 'stack/app.yml']), ['stack/app.yml 2:3 container-hardening', 'stack/app.yml 4:15 no-dangerous-capabilities']);
  });

  it('says which profile a service belongs to, in text, JSON and SARIF; profiles merged across files', async () => {
    const dir = tempTree({
      'compose.yaml': 'services:\n  app:\n    image: app:1.0\n    user: root\n  debug:\n    image: busybox:1.36\n    profiles: [debug]\n    privileged: true\n',
      'compose.override.yaml': 'services:\n  debug:\n    profiles: [tools]\n    pid: host\n',
    });
    const args = ['--fail-on', 'error', ...hardeningOff()];
    const text = await runCli(['--format', 'text', ...args, '.'], dir);
    assert.match(text.stdout, /  8:5  error    This container runs privileged[^\n]*\(profiles debug, tools\)  no-privileged\n/);
    assert.match(text.stdout, /  4:5  warning  The container runs as "root"[^\n(]*  no-root-user\n/);
    assert.match(text.stdout, /  4:5  error  This container shares the host's PID namespace[^\n]*\(profiles debug, tools\)  no-host-namespace\n/);
    const json = JSON.parse((await runCli(['--format', 'json', ...args, 'compose.yaml'], dir)).stdout) as { findings: { ruleId: string; profiles?: string[] }[] }[];
    assert.deepEqual(json[0].findings.map((f) => [f.ruleId, f.profiles]), [['no-root-user', undefined], ['no-privileged', ['debug', 'tools']]]);
    const sarif = JSON.parse((await runCli(['--format', 'sarif', ...args, 'compose.yaml'], dir)).stdout) as { runs: { results: { ruleId: string; message: { text: string }; properties?: { profiles: string[] } }[] }[] };
    const privileged = sarif.runs[0].results.find((r) => r.ruleId === 'no-privileged')!;
    assert.deepEqual(privileged.properties, { profiles: ['debug', 'tools'] });
    assert.match(privileged.message.text, / \(profiles debug, tools\)$/);
    assert.equal(sarif.runs[0].results.find((r) => r.ruleId === 'no-root-user')!.properties, undefined);
  });
});

/** The hardening rules off, for tests about dangers only. */
function hardeningOff(): string[] {
  return ['drop-all-capabilities', 'require-no-new-privileges', 'require-read-only-rootfs', 'require-resource-limits', 'limit-restart-retries', 'bind-ports-to-interface'].flatMap((id) => ['--rule', `${id}=off`]);
}
