import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { onlyRule, runCli, tempTree } from './harness';

const COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n    ports:\n      - "22:22"\n';
const RULES = onlyRule('no-privileged', 'no-ssh-port');

/** Two files, one with two findings (an error and a warning), one clean. */
function project(): string {
  return tempTree({ 'compose.yaml': COMPOSE, 'Dockerfile': 'FROM nginx:1.27\nUSER nginx\n' });
}

async function run(format: string, dir: string, extra: string[] = []) {
  return runCli(['--format', format, ...RULES, ...extra, 'compose.yaml', 'Dockerfile'], dir);
}

const PRIVILEGED = 'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.';

describe('cli: CI report formats', () => {
  it('gnu: file:line.col-endcol: severity: message [rule], one line per finding', async () => {
    const r = await run('gnu', project());
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], `compose.yaml:4.5-21: error: ${PRIVILEGED} [no-privileged]`);
    assert.match(lines[1], /^compose\.yaml:6\.\d+-\d+: warning: .+ \[no-ssh-port\]$/);
  });

  it('checkstyle: well-formed XML, every linted file, each finding an <error> with rule as source', async () => {
    const r = await run('checkstyle', project());
    const xml = await parseStringPromise(r.stdout, { strict: true });
    const files = xml.checkstyle.file as { $: { name: string }; error?: { $: Record<string, string> }[] }[];
    assert.deepEqual(files.map((f) => f.$.name), ['compose.yaml', 'Dockerfile']);
    assert.equal(files[1].error, undefined);
    assert.deepEqual(files[0].error?.map((e) => [e.$.line, e.$.column, e.$.severity, e.$.source]), [
      ['4', '5', 'error', 'capdrop.no-privileged'],
      ['6', files[0].error?.[1].$.column, 'warning', 'capdrop.no-ssh-port'],
    ]);
    assert.equal(files[0].error?.[0].$.message, PRIVILEGED);
  });

  it('checkstyle and junit escape what XML cannot hold as written', async () => {
    // A container name with markup and quotes reaches the hardening summary's message.
    const dir = tempTree({ 'compose.yaml': 'services:\n  "a<b>&\'c\\"":\n    image: nginx:1.27\n' });
    for (const format of ['checkstyle', 'junit']) {
      const r = await runCli(['--format', format, '--fail-on', 'error', 'compose.yaml'], dir);
      const json = JSON.parse((await runCli(['--format', 'json', '--fail-on', 'error', 'compose.yaml'], dir)).stdout) as { findings: { message: string }[] }[];
      const xml = await parseStringPromise(r.stdout, { strict: true });
      const message = format === 'checkstyle' ? xml.checkstyle.file[0].error[0].$.message : xml.testsuites.testsuite[0].testcase[0].failure[0].$.message;
      assert.ok(String(message).includes(json[0].findings[0].message), `${format}: ${message}`);
      assert.ok(json[0].findings[0].message.includes('a<b>&\'c"'));
    }
  });

  it('junit: one test case per file, failing with one failure per finding', async () => {
    const r = await run('junit', project());
    const xml = await parseStringPromise(r.stdout, { strict: true });
    const suite = xml.testsuites.testsuite[0];
    assert.deepEqual({ ...suite.$ }, { name: 'capdrop', tests: '2', failures: '1', errors: '0', skipped: '0' });
    const cases = suite.testcase as { $: { name: string }; failure?: { $: { type: string; message: string }; _: string }[] }[];
    assert.deepEqual(cases.map((c) => [c.$.name, c.failure?.map((f) => f.$.type)]), [
      ['compose.yaml', ['no-privileged', 'no-ssh-port']],
      ['Dockerfile', undefined],
    ]);
    assert.equal(cases[0].failure?.[0]._, `compose.yaml:4:5: error: ${PRIVILEGED} [no-privileged]`);
  });

  it('codeclimate: GitLab Code Quality issues with fingerprints that survive an edit above them', async () => {
    const dir = project();
    const before = JSON.parse((await run('codeclimate', dir)).stdout) as Record<string, unknown>[];
    assert.deepEqual(before[0], {
      type: 'issue',
      check_name: 'no-privileged',
      description: PRIVILEGED,
      categories: ['Security'],
      severity: 'critical',
      fingerprint: before[0].fingerprint,
      location: { path: 'compose.yaml', lines: { begin: 4, end: 4 } },
    });
    assert.deepEqual(before.map((i) => i.severity), ['critical', 'major']);
    assert.match(String(before[0].fingerprint), /^[0-9a-f]{32}$/);
    assert.notEqual(before[0].fingerprint, before[1].fingerprint);
    fs.writeFileSync(path.join(dir, 'compose.yaml'), `# a comment\n${COMPOSE}`);
    const after = JSON.parse((await run('codeclimate', dir)).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.equal(after[0].location.lines.begin, 5);
  });

  it('github: workflow commands, one annotation per finding, properties escaped', async () => {
    const dir = tempTree({ 'a,b:c.yaml': COMPOSE });
    const r = await runCli(['--format', 'github', ...RULES, '--kind', 'compose', 'a,b:c.yaml'], dir);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `::error file=a%2Cb%3Ac.yaml,line=4,col=5,endLine=4,endColumn=21,title=capdrop no-privileged::${PRIVILEGED}`);
    assert.match(lines[1], /^::warning file=a%2Cb%3Ac\.yaml,line=6,/);
    assert.equal(lines.length, 2);
  });

  it('--output writes the report to a file and nothing to standard output', async () => {
    const dir = project();
    const r = await run('sarif', dir, ['--output', 'out/report.sarif']).catch((e: unknown) => e);
    // The directory does not exist: one line, exit 2.
    assert.deepEqual(r, { code: 2, stdout: '', stderr: 'capdrop: cannot write out/report.sarif: ENOENT\n' });
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = await run('sarif', dir, ['-o', 'out/report.sarif']);
    assert.equal(ok.stdout, '');
    assert.equal(ok.code, 1);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0].results.length, 2);
  });
});

describe('cli: --baseline', () => {
  it('reports only findings the baseline does not know, and exits by those alone', async () => {
    const dir = project();
    const baseline = await run('json', dir);
    fs.writeFileSync(path.join(dir, 'baseline.json'), baseline.stdout);
    // Nothing new: silent and exit 0, even after an edit that moves every line.
    fs.writeFileSync(path.join(dir, 'compose.yaml'), `# moved\n${COMPOSE}`);
    const same = await run('gnu', dir, ['--baseline', 'baseline.json']);
    assert.deepEqual(same, { code: 0, stdout: '', stderr: '' });
    // A second privileged service is new; the first one stays known.
    fs.writeFileSync(path.join(dir, 'compose.yaml'), `${COMPOSE}  db:\n    image: postgres:16\n    privileged: true\n`);
    const grown = await run('gnu', dir, ['--baseline', 'baseline.json']);
    assert.equal(grown.code, 1);
    assert.equal(grown.stdout, `compose.yaml:9.5-21: error: ${PRIVILEGED} [no-privileged]\n`);
  });

  it('a missing or foreign baseline is one line and exit 2', async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version": 1}');
    const missing = await run('text', dir, ['--baseline', 'nowhere.json']);
    assert.deepEqual([missing.code, missing.stderr], [2, 'capdrop: cannot read baseline ' + path.join(dir, 'nowhere.json') + ': ENOENT\n']);
    const foreign = await run('text', dir, ['--baseline', 'bad.json']);
    assert.deepEqual([foreign.code, foreign.stderr], [2, `capdrop: baseline ${path.join(dir, 'bad.json')} is not a capdrop JSON report (write one with --format json)\n`]);
  });
});
