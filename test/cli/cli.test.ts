import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../package.json';
import { onlyRule, ruleMessage, runCli, tempTree } from './harness';

const PRIVILEGED_COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const ROOT_DOCKERFILE = 'FROM alpine:3.20\nUSER root\nCMD ["app"]\n';
const FIXED_DOCKERFILE = 'FROM alpine:3.20\nUSER 10001:10001\nCMD ["app"]\n';
const privilegedMessage = () => ruleMessage('no-privileged', 'privileged');
const rootMessage = () => ruleMessage('no-root-user', 'root').replace('{{user}}', 'root');

describe('cli: usage and exit codes', () => {
  it('--help prints usage and exits 0', async () => {
    const r = await runCli(['--help'], process.cwd());
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: capdrop \[options\] PATH\.\.\./);
    assert.match(r.stdout, /--fail-on info\|warning\|error/);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], process.cwd());
    assert.deepEqual(r, { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown option, an unknown rule id, a bad value and no PATH are usage errors (exit 2)', async () => {
    const dir = tempTree({});
    assert.deepEqual(await runCli(['--frobnicate', '.'], dir), { code: 2, stdout: '', stderr: 'capdrop: unknown option --frobnicate\nRun capdrop --help for usage.\n' });
    assert.deepEqual(await runCli(['--rule', 'no-such-rule=off', '.'], dir), {
      code: 2,
      stdout: '',
      stderr: 'capdrop: --rule: unknown rule "no-such-rule"\nRun capdrop --help for usage.\n',
    });
    assert.deepEqual(await runCli(['--format', 'xml', '.'], dir), {
      code: 2,
      stdout: '',
      stderr: 'capdrop: --format must be one of text, json, sarif, checkstyle, junit, codeclimate, gnu, github (got "xml")\nRun capdrop --help for usage.\n',
    });
    assert.equal((await runCli([], dir)).code, 2);
    assert.equal((await runCli(['--dry-run', '.'], dir)).code, 2);
    assert.equal((await runCli(['--fix', '--dry-run', '--format', 'json', '.'], dir)).code, 2);
  });

  it('a missing path exits 2 with a message', async () => {
    const dir = tempTree({});
    assert.deepEqual(await runCli(['nope.yaml'], dir), { code: 2, stdout: '', stderr: 'capdrop: no such file or directory: nope.yaml\n' });
  });

  it('exits 1 when a finding reaches --fail-on, 0 otherwise', async () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED_COMPOSE, 'ok/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n' });
    assert.equal((await runCli([...onlyRule('no-privileged'), 'compose.yaml'], dir)).code, 1);
    assert.equal((await runCli([...onlyRule('no-privileged'), 'ok'], dir)).code, 0);
    assert.equal((await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=info', 'compose.yaml'], dir)).code, 0);
    assert.equal((await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=info', '--fail-on', 'info', 'compose.yaml'], dir)).code, 1);
    assert.equal((await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=warning', '--fail-on', 'error', 'compose.yaml'], dir)).code, 0);
  });
});

describe('cli: output formats', () => {
  it('text: grouped per file with a summary line', async () => {
    const dir = tempTree({ 'deploy/compose.yaml': PRIVILEGED_COMPOSE, 'Dockerfile': ROOT_DOCKERFILE });
    const r = await runCli([...onlyRule('no-privileged', 'no-root-user'), '.'], dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      `Dockerfile\n  2:6  warning  ${rootMessage()}  no-root-user\n\n` +
        `deploy/compose.yaml\n  4:5  error  ${privilegedMessage()}  no-privileged\n\n` +
        '2 problems (1 error, 1 warning, 0 infos)\n',
    );
    assert.equal(r.stderr, '');
  });

  it('text: prints nothing for a clean tree, and colours only on a TTY without NO_COLOR', async () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED_COMPOSE });
    const clean = await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=off', '.'], dir);
    assert.deepEqual(clean, { code: 0, stdout: '', stderr: '' });
    const tty = await runCli([...onlyRule('no-privileged'), '.'], dir, { tty: true });
    assert.match(tty.stdout, /\u001b\[31merror\u001b\[0m/);
    const noColour = await runCli([...onlyRule('no-privileged'), '.'], dir, { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColour.stdout, /\u001b\[/);
  });

  it('json: every linted file with 1-based findings and their fixes', async () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED_COMPOSE, 'sub/compose.yml': 'services:\n  app:\n    image: nginx:1.27\n' });
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'compose.yaml',
        findings: [
          {
            ruleId: 'no-privileged',
            severity: 'error',
            message: privilegedMessage(),
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 21,
            fixes: [
              { title: ruleMessage('no-privileged', 'removePrivileged'), safety: 'review' },
              { title: 'Ignore no-privileged on this line', safety: 'review' },
              { title: 'Ignore no-privileged in this file', safety: 'review' },
            ],
          },
        ],
      },
      { file: 'sub/compose.yml', findings: [] },
    ]);
  });
});

describe('cli: configuration', () => {
  it('--preset strict raises hardening rules from info to warning', async () => {
    const dir = tempTree({ 'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n' });
    const recommended = await runCli([...onlyRule('drop-all-capabilities'), '--format', 'json', '.'], dir);
    const strict = await runCli([...onlyRule('drop-all-capabilities'), '--preset', 'strict', '--format', 'json', '.'], dir);
    const severities = (out: string) => (JSON.parse(out) as { findings: { severity: string }[] }[])[0].findings.map((f) => f.severity);
    assert.deepEqual([recommended.code, severities(recommended.stdout)], [0, ['info']]);
    assert.deepEqual([strict.code, severities(strict.stdout)], [1, ['warning']]);
  });

  it('a .capdrop.yaml found upward sets severities; command-line --rule wins over it', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'rules:\n  no-privileged: info\n', 'a/b/compose.yaml': PRIVILEGED_COMPOSE });
    const byConfig = await runCli([...onlyRule('no-privileged'), '--format', 'json', 'a'], dir);
    assert.equal(byConfig.code, 0);
    assert.equal(JSON.parse(byConfig.stdout)[0].findings[0].severity, 'info');
    const overridden = await runCli([...onlyRule('no-privileged'), '--rule', 'no-privileged=error', '--format', 'json', 'a'], dir);
    assert.equal(overridden.code, 1);
    assert.equal(JSON.parse(overridden.stdout)[0].findings[0].severity, 'error');
  });

  it('the upward search stops at the repository root (the directory holding .git)', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'rules:\n  no-privileged: "off"\n', 'repo/compose.yaml': PRIVILEGED_COMPOSE });
    fs.mkdirSync(path.join(dir, 'repo', '.git'));
    assert.equal((await runCli([...onlyRule('no-privileged'), 'repo'], dir)).code, 1);
    assert.equal((await runCli([...onlyRule('no-privileged'), '.'], path.join(dir, 'repo'))).code, 1);
  });

  it('--config FILE is used instead of the search; a missing one exits 2', async () => {
    const dir = tempTree({ 'strict.yaml': 'preset: strict\nrules:\n  no-privileged: "off"\n', 'compose.yaml': PRIVILEGED_COMPOSE });
    assert.deepEqual(await runCli([...onlyRule('no-privileged'), '--config', 'strict.yaml', '.'], dir), { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(await runCli(['--config', 'missing.yaml', '.'], dir), { code: 2, stdout: '', stderr: 'capdrop: config file not found: missing.yaml\n' });
  });

  it('config exclude patterns skip files relative to the config directory', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'exclude:\n  - "legacy/**"\n', 'legacy/compose.yaml': PRIVILEGED_COMPOSE, 'compose.yaml': PRIVILEGED_COMPOSE });
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'json', '.'], dir);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      ['compose.yaml'],
    );
  });

  it('config problems are reported on stderr with their position and exit 2, the files still linted', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'rules:\n  no-privileged: loud\ncolour: true\n', 'compose.yaml': PRIVILEGED_COMPOSE });
    const r = await runCli([...onlyRule('no-privileged'), '.'], dir);
    assert.equal(r.code, 2);
    const config = path.join(dir, '.capdrop.yaml');
    assert.equal(
      r.stderr,
      `capdrop: config ${config}:2:18: rule "no-privileged": severity must be one of off, info, warning, error\n` +
        `capdrop: config ${config}:3:1: unknown key "colour" (expected one of: preset, rules, exclude, limits, user, hosts, maxFileSize, maxAliasNodes, trustedRegistries)\n`,
    );
    assert.match(r.stdout, /4:5 {2}error/);
  });

  it('malformed config: one clear error, defaults used', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'rules: [unclosed\n', 'compose.yaml': PRIVILEGED_COMPOSE });
    const r = await runCli([...onlyRule('no-privileged'), '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(r.stderr, /not valid YAML .*; using the defaults\n$/);
    assert.match(r.stdout, /no-privileged/);
  });
});

describe('cli: walking', () => {
  it('skips .git, node_modules and .gitignored paths (with negations), and files of unknown kind', async () => {
    const dir = tempTree({
      '.gitignore': 'build/\n*.generated.yaml\n',
      'build/compose.yaml': PRIVILEGED_COMPOSE,
      'node_modules/pkg/compose.yaml': PRIVILEGED_COMPOSE,
      'compose.generated.yaml': PRIVILEGED_COMPOSE,
      'svc/.gitignore': '!compose.generated.yaml\n',
      'svc/compose.generated.yaml': PRIVILEGED_COMPOSE,
      'svc/notes.txt': 'privileged: true\n',
      'compose.yaml': PRIVILEGED_COMPOSE,
    });
    fs.writeFileSync(path.join(dir, '.git', 'compose.yaml'), PRIVILEGED_COMPOSE);
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'json', '.'], dir);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      ['compose.yaml', 'svc/compose.generated.yaml'],
    );
  });

  it('a subdirectory still obeys the .gitignore of its repository', async () => {
    const dir = tempTree({ '.gitignore': 'gen/\n', 'app/gen/compose.yaml': PRIVILEGED_COMPOSE, 'app/compose.yaml': PRIVILEGED_COMPOSE });
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'json', '.'], path.join(dir, 'app'));
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      ['compose.yaml'],
    );
  });

  it('a directory named on the command line is walked even when .gitignore ignores it; a named file the config excludes is reported as not linted', async () => {
    const dir = tempTree({ '.gitignore': 'gen/\n', '.capdrop.yaml': 'exclude:\n  - old/\n', 'gen/compose.yaml': PRIVILEGED_COMPOSE, 'old/compose.yaml': PRIVILEGED_COMPOSE });
    const gen = await runCli([...onlyRule('no-privileged'), '--format', 'json', 'gen'], dir);
    assert.deepEqual(
      (JSON.parse(gen.stdout) as { file: string }[]).map((f) => f.file),
      ['gen/compose.yaml'],
    );
    const old = await runCli([...onlyRule('no-privileged'), 'old/compose.yaml'], dir);
    assert.deepEqual(old, { code: 0, stdout: '', stderr: 'capdrop: old/compose.yaml is excluded by .capdrop.yaml; not linted\n' });
  });

  it('--kind forces the kind of a named file; an unfamiliar name is sniffed', async () => {
    const dir = tempTree({ 'prod.yml': PRIVILEGED_COMPOSE, 'deploy.txt': 'docker run --privileged nginx:1.27\n' });
    const sniffed = await runCli([...onlyRule('no-privileged'), '--format', 'json', 'prod.yml', 'deploy.txt'], dir);
    assert.deepEqual(
      (JSON.parse(sniffed.stdout) as { findings: { ruleId: string; line: number }[] }[]).map((f) => f.findings.map((x) => `${x.ruleId}@${x.line}`)),
      [['no-privileged@4'], ['no-privileged@1']],
    );
    const forced = await runCli([...onlyRule('no-privileged'), '--kind', 'dockerfile', '--format', 'json', 'prod.yml'], dir);
    assert.deepEqual(JSON.parse(forced.stdout)[0].findings, []);
    const host = await runCli([...onlyRule('no-privileged'), '--kind', 'markdown', '--format', 'json', 'deploy.txt'], dir);
    assert.deepEqual([host.code, host.stderr, JSON.parse(host.stdout)[0].file], [0, '', 'deploy.txt']);
  });

  it('binary and oversized files are skipped with an info line that does not fail the run', async () => {
    const dir = tempTree({ 'Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x4f, 0x4d]), 'big/compose.yaml': `${PRIVILEGED_COMPOSE}# ${'x'.repeat(200)}\n` });
    const r = await runCli([...onlyRule('no-privileged'), '--max-file-size', '100', '--fail-on', 'info', '.'], dir);
    assert.deepEqual(r, {
      code: 0,
      stdout:
        'Dockerfile\n  1:1  info  skipped: binary file  skipped\n\n' +
        'big/compose.yaml\n  1:1  info  skipped: larger than 100 bytes  skipped\n\n' +
        '2 problems (0 errors, 0 warnings, 2 infos)\n',
      stderr: '',
    });
  });

  it('invalid UTF-8 is decoded with replacement characters and a BOM is ignored', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('services:\n  app:\n    image: nginx:1.27 # caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n    privileged: true\n')]);
    const dir = tempTree({ 'compose.yaml': bytes });
    const r = await runCli([...onlyRule('no-privileged'), '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    const f = JSON.parse(r.stdout)[0].findings[0];
    assert.deepEqual([f.ruleId, f.line, f.column, f.endColumn], ['no-privileged', 4, 5, 21]);
  });
});

describe('cli: standard input', () => {
  it('- reads standard input, sniffing its kind', async () => {
    const r = await runCli([...onlyRule('no-privileged'), '-'], process.cwd(), { stdin: PRIVILEGED_COMPOSE });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, `<stdin>\n  4:5  error  ${privilegedMessage()}  no-privileged\n\n1 problem (1 error, 0 warnings, 0 infos)\n`);
  });

  it('--kind applies to standard input', async () => {
    const r = await runCli([...onlyRule('no-privileged'), '--kind', 'shell', '--format', 'json', '-'], process.cwd(), { stdin: 'docker run --privileged nginx:1.27\n' });
    assert.deepEqual(
      JSON.parse(r.stdout)[0].findings.map((f: { ruleId: string; column: number; endColumn: number }) => [f.ruleId, f.column, f.endColumn]),
      [['no-privileged', 12, 24]],
    );
  });

  it('- with --fix writes the fixed text to stdout and the report to stderr', async () => {
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '-'], process.cwd(), { stdin: ROOT_DOCKERFILE });
    assert.deepEqual(r, { code: 0, stdout: FIXED_DOCKERFILE, stderr: '' });
  });
});
