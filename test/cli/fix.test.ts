import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChangedOnDiskError, writeFileAtomically } from '../../cli/fix';
import { unifiedDiff } from '../../cli/diff';
import { onlyRule, ruleMessage, runCli, tempTree } from './harness';

const ROOT_DOCKERFILE = 'FROM alpine:3.20\nUSER root\nCMD ["app"]\n';
const rootMessage = () => ruleMessage('no-root-user', 'root').replace('{{user}}', 'root');

describe('cli --fix', () => {
  it('applies review fixes with --fix-safety review, in place, keeping CRLF, BOM and file mode, leaving no temp file', async () => {
    const original = Buffer.from('\uFEFFFROM alpine:3.20\r\nUSER root\r\nCMD ["app"]\r\n', 'utf8');
    const dir = tempTree({ 'Dockerfile': original });
    const file = path.join(dir, 'Dockerfile');
    fs.chmodSync(file, 0o640);
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '.'], dir);
    assert.deepEqual(r, { code: 0, stdout: 'fixed 1 problem in Dockerfile\n', stderr: '' });
    assert.deepEqual(fs.readFileSync(file), Buffer.from('\uFEFFFROM alpine:3.20\r\nUSER 10001:10001\r\nCMD ["app"]\r\n', 'utf8'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'Dockerfile']);
  });

  it('applies only safe fixes by default, and reports what remains', async () => {
    const dir = tempTree({ 'Dockerfile': ROOT_DOCKERFILE });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '.'], dir);
    assert.deepEqual(r, { code: 1, stdout: `Dockerfile\n  2:6  warning  ${rootMessage()}  no-root-user\n\n1 problem (0 errors, 1 warning, 0 infos)\n`, stderr: '' });
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), ROOT_DOCKERFILE);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = tempTree({ 'app/Dockerfile': ROOT_DOCKERFILE });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '--dry-run', 'app'], dir);
    assert.deepEqual(r, {
      code: 0,
      stdout: '--- a/app/Dockerfile\n+++ b/app/Dockerfile\n@@ -1,3 +1,3 @@\n FROM alpine:3.20\n-USER root\n+USER 10001:10001\n CMD ["app"]\n',
      stderr: '',
    });
    assert.equal(fs.readFileSync(path.join(dir, 'app/Dockerfile'), 'utf8'), ROOT_DOCKERFILE);
  });

  it('with a machine format the fix summary goes to stderr, keeping stdout parseable', async () => {
    const dir = tempTree({ 'Dockerfile': ROOT_DOCKERFILE });
    const r = await runCli([...onlyRule('no-root-user'), '--fix', '--fix-safety', 'review', '--format', 'json', '.'], dir);
    assert.equal(r.stderr, 'fixed 1 problem in Dockerfile\n');
    assert.deepEqual(JSON.parse(r.stdout), [{ file: 'Dockerfile', findings: [] }]);
  });

  it('refuses to write a file that changed on disk since it was read', () => {
    const dir = tempTree({ 'Dockerfile': 'FROM alpine:3.20\nUSER 1\n' });
    const file = path.join(dir, 'Dockerfile');
    assert.throws(() => writeFileAtomically(file, Buffer.from(ROOT_DOCKERFILE), Buffer.from('changed')), ChangedOnDiskError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\nUSER 1\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'Dockerfile']);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('f', 'a\n', 'a\n'), '');
  });

  it('separates distant changes into hunks with 3 lines of context', () => {
    const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\n';
    const after = 'L1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\n';
    assert.equal(
      unifiedDiff('f', before, after),
      '--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n@@ -10,3 +10,4 @@\n l10\n l11\n l12\n+l13\n',
    );
  });

  it('marks a missing final newline', () => {
    assert.equal(unifiedDiff('f', 'a\nb', 'a\nc'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('shows pure insertions and deletions with zero-length ranges', () => {
    assert.equal(unifiedDiff('f', '', 'x\n'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
    assert.equal(unifiedDiff('f', 'x\n', ''), '--- a/f\n+++ b/f\n@@ -1,1 +0,0 @@\n-x\n');
  });
});
