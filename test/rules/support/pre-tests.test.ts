import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../../server/src/engine/lint';
import { withoutPreTests } from '../../../rules/support/shell-commands';

/**
 * The shell rules skip commands whose text cannot hold their trigger words, before tokenizing them
 * (rules/support/shell-commands.ts). Those pre-tests only save work: with them and without them, every
 * rule must find exactly the same. Compared on generated RUN lines built from the words the rules look
 * for, and on the real Dockerfiles of the shared corpus.
 */

function findings(text: string): string[] {
  return lint(text, 'dockerfile', { preset: 'strict' }).findings.map(
    (f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`,
  );
}

/** Pieces of shell the pre-tests and rules care about: downloaders, pipes, wrappers, interpreters, flags, secrets. */
const PIECES = [
  'curl -fsSL https://e.com/i', 'wget -qO-', 'c"u"rl', "w'get'", '/usr/bin/curl', '|', '|&', '&&', ';', '||', '\\\n  ', '\n', ' | ', '(', ')',
  '$(', '<(', '`', '"', "'", 'sh', 'bash', 'b"a"sh', '/bin/sh', 'sh -s --', 'bash -c', 'python3', 'python3.12', 'perl', 'node', 'php8.3', 'ruby',
  'sudo', 'sudo -u root', 'sudo -E', 'env A=1', '/usr/bin/env', 'command', 'nohup', 'exec', 'eval', '.', 'source', '{', '}', '!',
  'tee /tmp/log', 'sha256sum -c -', 'tar -xz', 'gunzip', '-k', '--insecure', '--no-check-certificate', 'apt-get install -y --allow-unauthenticated x',
  'pip install --trusted-host h x', 'PASSWORD=hunter2x', '--password s3cr3tPw', 'mysql -uroot -phunter2', 'https://u:pw0rd@e.com/x',
  'dockerd', 'docker daemon', 'docker login -p x', 'aws configure set aws_secret_access_key AKIAABCDEFGHIJKLMNOP', 'echo x > ~/.ssh/id_rsa',
  'chpasswd', 'npm config set //r/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'GIT_SSL_NO_VERIFY=1 git clone https://e.com/r',
];

function* generatedRuns(count: number): Generator<string> {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    const length = 2 + Math.floor(next() * 9);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(PIECES[Math.floor(next() * PIECES.length)]);
    yield words.join(' ');
  }
}

function dockerfilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? dockerfilesUnder(path.join(dir, e.name)) : /Dockerfile/i.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('the shell rules\' pre-tests', () => {
  it('change no finding on generated RUN lines', () => {
    let withFindings = 0;
    for (const run of generatedRuns(3000)) {
      for (const user of ['USER app', 'USER root']) {
        const text = `FROM alpine:3.20\n${user}\nRUN ${run}\n`;
        const expected = withoutPreTests(() => findings(text));
        if (expected.length > 0) withFindings++;
        assert.deepEqual(findings(text), expected, text);
      }
    }
    // The comparison means something only if the generated lines give findings.
    assert.ok(withFindings > 3000, `only ${withFindings} generated Dockerfiles had findings`);
  });

  it('change no finding on the real Dockerfiles of the shared corpus', () => {
    const files = dockerfilesUnder(path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'dockerfile', 'real'));
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(findings(text), withoutPreTests(() => findings(text)), file);
    }
  });
});
