import { afterEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onlyRule, runCli, tempTree } from '../cli/harness';

// The CommonJS module object the CLI uses (a namespace import is a frozen copy that cannot be mocked).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof fs;

/** A hang guard, not a benchmark (see engine.test.ts): test files run in parallel under npm test. */
const TIME_BOUND_MS = 20_000;
const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

async function timedCli(argv: string[], cwd: string, options: { stdin?: string | Buffer } = {}) {
  const started = performance.now();
  const run = await runCli(argv, cwd, options);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_BOUND_MS, `capdrop ${argv.join(' ')} took ${Math.round(elapsed)} ms`);
  return run;
}

describe('CLI on bad input', () => {
  it('broken YAML is one clear message with its position, and the other files are still linted', async () => {
    const dir = tempTree({ 'a/compose.yaml': 'services:\n  app:\n    image: [unclosed\n', 'b/compose.yaml': PRIVILEGED });
    const r = await timedCli([...onlyRule('no-privileged'), '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^a\/compose\.yaml\n {2}4:1 {2}error {2}could not parse compose file: .+ {2}parse-error\n/);
    assert.match(r.stdout, /b\/compose\.yaml\n {2}4:5 {2}error {2}.+ {2}no-privileged\n/);
  });

  it('a file nested 1,000 levels deep is one parse problem, not a crash', async () => {
    const dir = tempTree({ 'compose.yaml': `services: ${'['.repeat(1000)}${']'.repeat(1000)}\n` });
    const r = await timedCli(['--format', 'json', '.'], dir);
    const [report] = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string; line: number; column: number }[] }[];
    assert.deepEqual(report.findings, [
      { ruleId: 'parse-error', severity: 'error', message: 'could not parse compose file: nested more than 200 levels deep', line: 1, column: 210, endLine: 1, endColumn: 210, fixes: [] },
    ]);
  });

  it('a billion-laughs alias bomb is one parse problem', async () => {
    let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 12; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const dir = tempTree({ 'compose.yaml': bomb });
    const r = await timedCli(['--format', 'json', '.'], dir);
    const [report] = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }[];
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.message]), [['parse-error', 'could not parse compose file: its aliases expand to too many nodes (an alias bomb?)']]);
  });

  it('binary files and NUL bytes are skipped with one information line, not counted as problems', async () => {
    const dir = tempTree({ 'Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0xff, 0x00, 0x01]), 'compose.yaml': Buffer.from(`${PRIVILEGED}\u0000`) });
    const r = await timedCli(['--format', 'json', '--fail-on', 'info', '.'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      { file: 'Dockerfile', findings: [{ ruleId: 'skipped', severity: 'info', message: 'skipped: binary file', line: 1, column: 1, endLine: 1, endColumn: 1, fixes: [] }] },
      { file: 'compose.yaml', findings: [{ ruleId: 'skipped', severity: 'info', message: 'skipped: binary file', line: 1, column: 1, endLine: 1, endColumn: 1, fixes: [] }] },
    ]);
  });

  it('invalid UTF-8 is linted with replacement characters, positions intact', async () => {
    const bytes = Buffer.concat([Buffer.from('services:\n  app:\n    image: ng'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n    privileged: true\n')]);
    const dir = tempTree({ 'compose.yaml': bytes });
    const r = await timedCli([...onlyRule('no-privileged'), '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^compose\.yaml\n {2}4:5 {2}error /);
  });

  it('BOM, CRLF, lone CR and tab-indented files are read', async () => {
    const dir = tempTree({
      'bom/compose.yaml': `\uFEFF${PRIVILEGED}`,
      'crlf/compose.yaml': PRIVILEGED.replace(/\n/g, '\r\n'),
      'cr/run.sh': 'echo start\rdocker run --privileged alpine\r',
      'cr/Dockerfile': 'FROM alpine:3.20\rUSER root\r',
      'tabs/run.sh': 'if true; then\n\tdocker run \\\n\t\t--privileged alpine\nfi\n',
    });
    const r = await timedCli([...onlyRule('no-privileged', 'no-root-user'), '--format', 'json', '.'], dir);
    const reports = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string; line: number; column: number }[] }[];
    assert.deepEqual(
      reports.map((x) => [x.file, x.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)]),
      [
        ['bom/compose.yaml', ['no-privileged@4:5']],
        ['cr/Dockerfile', ['no-root-user@2:6']],
        // The shell reads a lone CR as part of a word, as bash does: `start\rdocker` is not a docker command.
        ['cr/run.sh', []],
        ['crlf/compose.yaml', ['no-privileged@4:5']],
        ['tabs/run.sh', ['no-privileged@3:3']],
      ],
    );
  });

  it('a docker run line cut mid-quote still answers', async () => {
    const dir = tempTree({ 'run.sh': 'docker run --privileged -e "FOO=bar \\\n  -v /:/host alpine' });
    const r = await timedCli(['--format', 'json', '.'], dir);
    assert.equal(Array.isArray(JSON.parse(r.stdout)), true);
  });

  it('a 100,000-line file and a 4 MB single line are linted in bounded time', async () => {
    const dir = tempTree({
      'long/Dockerfile': 'FROM alpine\n' + 'RUN echo hi\n'.repeat(100_000) + 'USER root\n',
      'wide/run.sh': `docker run --privileged ${'a'.repeat(4_000_000)}\n`,
    });
    const r = await timedCli([...onlyRule('no-root-user', 'no-privileged'), '--format', 'json', '.'], dir);
    const reports = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string; line: number }[] }[];
    assert.deepEqual(
      reports.map((x) => [x.file, x.findings.map((f) => `${f.ruleId}@${f.line}`)]),
      [
        ['long/Dockerfile', ['no-root-user@100002']],
        ['wide/run.sh', ['no-privileged@1']],
      ],
    );
  });
});

describe('CLI size limit', () => {
  const big = () => PRIVILEGED + `# ${'x'.repeat(97)}\n`.repeat(100_000); // about 10 MB

  it('skips a file over the default (5,000,000 bytes) with one information line', async () => {
    const dir = tempTree({ 'compose.yaml': big() });
    const r = await timedCli(['--fail-on', 'info', '.'], dir);
    assert.deepEqual(r, { code: 0, stdout: 'compose.yaml\n  1:1  info  skipped: larger than 5000000 bytes  skipped\n\n1 problem (0 errors, 0 warnings, 1 info)\n', stderr: '' });
  });

  it('takes maxFileSize from the config, and --max-file-size over it', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'maxFileSize: 20000000\n', 'compose.yaml': big() });
    const fromConfig = await timedCli([...onlyRule('no-privileged'), '.'], dir);
    assert.match(fromConfig.stdout, /^compose\.yaml\n {2}4:5 {2}error .+no-privileged\n/);
    const fromFlag = await timedCli([...onlyRule('no-privileged'), '--max-file-size', '100', '.'], dir);
    assert.match(fromFlag.stdout, /skipped: larger than 100 bytes/);
  });

  it('limits standard input too', async () => {
    const r = await timedCli(['--max-file-size', '10', '--kind', 'compose', '--fail-on', 'info', '-'], os.tmpdir(), { stdin: PRIVILEGED });
    assert.match(r.stdout, /^<stdin>\n {2}1:1 {2}info {2}skipped: larger than 10 bytes {2}skipped\n/);
  });

  it('a bad maxFileSize in the config is reported and the default used', async () => {
    const dir = tempTree({ '.capdrop.yaml': 'maxFileSize: huge\n', 'compose.yaml': PRIVILEGED });
    const r = await timedCli([...onlyRule('no-privileged'), '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `capdrop: config ${path.join(dir, '.capdrop.yaml')}:1:14: maxFileSize must be a positive whole number of bytes such as 5000000\n`);
    assert.match(r.stdout, /no-privileged/);
  });
});

describe('--fix never corrupts', () => {
  afterEach(() => mock.restoreAll());

  it('writes through a temp file in the same directory, then renames it over the file', async () => {
    const dir = tempTree({ 'Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    const renames: [string, string][] = [];
    const rename = fs.renameSync;
    mock.method(nodeFs, 'renameSync', (from: fs.PathLike, to: fs.PathLike) => {
      renames.push([String(from), String(to)]);
      assert.equal(fs.readFileSync(String(to), 'utf8'), 'FROM alpine:3.20\nUSER root\n', 'the file is untouched until the rename');
      return rename(from, to);
    });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '.'], dir);
    assert.equal(r.code, 0);
    const file = fs.realpathSync(path.join(dir, 'Dockerfile'));
    assert.equal(renames.length, 1);
    assert.equal(path.dirname(renames[0][0]), path.dirname(file));
    assert.equal(renames[0][1], file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\nUSER 10001:10001\n');
  });

  it('a hard link to the file keeps the old content: the file is replaced, never written in place', async () => {
    const dir = tempTree({ 'Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    fs.linkSync(path.join(dir, 'Dockerfile'), path.join(dir, 'old.copy'));
    await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', 'Dockerfile'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'old.copy'), 'utf8'), 'FROM alpine:3.20\nUSER root\n');
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\nUSER 10001:10001\n');
  });

  it('fixes the file a symbolic link points to and keeps the link', async () => {
    const dir = tempTree({ 'real/Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    fs.symlinkSync(path.join('real', 'Dockerfile'), path.join(dir, 'Dockerfile'));
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', 'Dockerfile'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.lstatSync(path.join(dir, 'Dockerfile')).isSymbolicLink(), true);
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\nUSER 10001:10001\n');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['Dockerfile']);
  });

  it('keeps CRLF line endings and an executable mode when it inserts lines in a Compose file', async () => {
    const dir = tempTree({ 'compose.yaml': 'services:\r\n  app:\r\n    image: nginx:1.27\r\n' });
    const file = path.join(dir, 'compose.yaml');
    fs.chmodSync(file, 0o755);
    const r = await runCli([...onlyRule('require-no-new-privileges'), '--fix', '--fix-safety', 'review', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.notEqual(after, 'services:\r\n  app:\r\n    image: nginx:1.27\r\n');
    assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, JSON.stringify(after));
    assert.equal(fs.statSync(file).mode & 0o777, 0o755);
  });

  it('refuses to fix a file that is not valid UTF-8, leaving its bytes alone', async () => {
    const bytes = Buffer.concat([Buffer.from('FROM alpine:3.20\n# caf'), Buffer.from([0xe9]), Buffer.from('\nUSER root\n')]);
    const dir = tempTree({ 'Dockerfile': bytes });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'capdrop: not fixing Dockerfile: it is not valid UTF-8, and writing it back would alter bytes the fixes do not touch\n');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'Dockerfile')), bytes);
    assert.match(r.stdout, /no-root-user/);
  });

  it('refuses to write when the file changed between reading and writing', async () => {
    const dir = tempTree({ 'Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    const file = path.join(dir, 'Dockerfile');
    // Someone saves the file while capdrop plans its fixes: the first read of it after capdrop's own.
    const readFileSync = fs.readFileSync;
    let reads = 0;
    mock.method(nodeFs, 'readFileSync', (...args: Parameters<typeof fs.readFileSync>) => {
      if (String(args[0]) === file && ++reads === 2) fs.writeFileSync(file, 'FROM alpine:3.20\nUSER someone-else\n');
      return readFileSync(...args);
    });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '.'], dir);
    mock.restoreAll();
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `capdrop: ${file} changed on disk since it was read; not writing it\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\nUSER someone-else\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'Dockerfile']);
  });
});
