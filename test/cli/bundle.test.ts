import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { version } from '../../package.json';
import { buildCli } from './bundleHarness';

describe('bundled CLI through bin/capdrop.js', () => {
  const launcher = buildCli();
  const root = path.dirname(path.dirname(launcher));
  // Its code cache goes to a directory of its own, not the user's cache.
  const env = { ...process.env, CAPDROP_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-cache-')) };

  it('is small', () => {
    const size = fs.statSync(path.join(root, 'dist/server.js')).size;
    assert.ok(size < 1_000_000, `dist/server.js is ${size} bytes`);
  });

  it('prints its version', () => {
    const r = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8', env });
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${version}\n`, '']);
  });

  it('reads standard input and sets the exit code from the findings', () => {
    const r = spawnSync(process.execPath, [launcher, '--format', 'json', '--kind', 'compose', '-'], {
      input: 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
      encoding: 'utf8',
      env,
    });
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const [report] = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string }[] }[];
    assert.equal(report.file, '<stdin>');
    assert.ok(report.findings.some((f) => f.ruleId === 'no-privileged'));
  });

  it('exits 2 on a usage error', () => {
    const r = spawnSync(process.execPath, [launcher, '--nope'], { encoding: 'utf8', env });
    assert.deepEqual([r.status, r.stdout], [2, '']);
    assert.match(r.stderr, /^capdrop: unknown option --nope\n/);
  });
});
