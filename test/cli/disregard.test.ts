import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from './harness';

// `--disregard-suppressions`: CI on a pull request from a fork lints what the fork could otherwise hide.

const HIDING = {
  'compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    # capdrop-ignore no-privileged -- needed\n    privileged: true\n',
  'Dockerfile': '# capdrop-ignore-file no-root-user\nFROM debian:12.5\nCMD ["server"]\n',
  '.capdrop.yaml': 'rules:\n  no-docker-socket-mount: off\nexclude:\n  - excluded/\n',
  'sock/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
  'excluded/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
  '.gitignore': 'hidden/\n',
  'hidden/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
};

type Json = { file: string; findings: { ruleId: string; severity: string }[] }[];

function found(stdout: string): string[] {
  return (JSON.parse(stdout) as Json).flatMap((r) => r.findings.filter((f) => !f.ruleId.startsWith('container-')).map((f) => `${r.file} ${f.ruleId} ${f.severity}`)).sort();
}

describe('cli: --disregard-suppressions', () => {
  it('without it, the repository hides its findings through comments, its .capdrop.yaml and its .gitignore', async () => {
    const root = tempTree(HIDING);
    try {
      const r = await runCli(['--format', 'json', '.'], root);
      assert.deepEqual(found(r.stdout).filter((f) => /privileged|socket|root-user/.test(f)), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('with it, every one of them is reported at its own severity and fails the run', async () => {
    const root = tempTree(HIDING);
    try {
      const r = await runCli(['--format', 'json', '--disregard-suppressions', '.'], root);
      assert.equal(r.code, 1);
      assert.deepEqual(found(r.stdout).filter((f) => /privileged|socket|root-user|suppression/.test(f)), [
        'Dockerfile no-root-user warning',
        'compose.yaml no-privileged error',
        'excluded/compose.yaml no-privileged error',
        'hidden/compose.yaml no-privileged error',
        'sock/compose.yaml no-docker-socket-mount error',
      ]);
      assert.equal(r.stderr, '');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('an explicit --config (the CI\'s own) still applies', async () => {
    const root = tempTree({ ...HIDING, 'ci/capdrop.yaml': 'rules:\n  no-root-user: off\n' });
    try {
      const r = await runCli(['--format', 'json', '--disregard-suppressions', '--config', path.join('ci', 'capdrop.yaml'), 'Dockerfile', 'compose.yaml'], root);
      assert.deepEqual(found(r.stdout).filter((f) => /privileged|root-user/.test(f)), ['compose.yaml no-privileged error']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('applies to standard input too, and takes no value', async () => {
    const r = await runCli(['--format', 'json', '--disregard-suppressions', '-'], process.cwd(), { stdin: HIDING['compose.yaml'] });
    assert.deepEqual(found(r.stdout).filter((f) => /privileged/.test(f)), ['<stdin> no-privileged error']);
    const bad = await runCli(['--disregard-suppressions=yes', '.'], process.cwd());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--disregard-suppressions takes no value/);
  });
});
