import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHORT_RUN_MAX_FILES } from '../../cli/shortRun';
import { buildCli } from './bundleHarness';
import { tempTree } from './harness';

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

/** The cache files in `dir`, with what identifies each write of them (a rewrite renames a new file in). */
function cacheFiles(dir: string): { name: string; ino: bigint; mtimeNs: bigint }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name), { bigint: true });
      return { name, ino: stat.ino, mtimeNs: stat.mtimeNs };
    });
}

describe("the CLI's code cache of the engine bundle", () => {
  const launcher = buildCli();
  const bundle = path.join(path.dirname(launcher), '..', 'dist', 'server.js');
  const project = tempTree({ 'compose.yaml': PRIVILEGED, 'api/Dockerfile': 'FROM node:22\n' });
  const run = (env: Record<string, string>, cwd = project) => {
    const r = spawnSync(process.execPath, [launcher, '--format', 'json', '.'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CAPDROP_NO_CACHE: '', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const fresh = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-cache-')), 'capdrop');
  const uncached = run({ CAPDROP_NO_CACHE: '1' });
  /** A fresh cache directory after one run has written its cache, and that cache's file. */
  const writtenCache = () => {
    const dir = fresh();
    run({ CAPDROP_CACHE_DIR: dir });
    const [written] = cacheFiles(dir);
    return { dir, name: written.name, file: path.join(dir, written.name), written };
  };

  it('lints as without a cache', () => {
    assert.equal(uncached.status, 1);
    assert.equal(uncached.stderr, '');
    assert.match(uncached.stdout, /no-privileged/);
  });

  it('is written by the first run and used, not rewritten, by the next', () => {
    const dir = fresh();
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
    const written = cacheFiles(dir);
    assert.equal(written.length, 1);
    assert.match(written[0].name, /^engine-v[\d.]+(?:-[0-9a-z]+){5}\.v8cache$/);
    // Rejected by V8 (other flags, a corrupt file), it would be written again.
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
    assert.deepEqual(cacheFiles(dir), written);
  });

  it('replaces a corrupt cache instead of trusting it', () => {
    const { dir, file } = writtenCache();
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
    const rewritten = cacheFiles(dir);
    assert.notEqual(fs.readFileSync(file)[0], 0x5a);
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
    assert.deepEqual(cacheFiles(dir), rewritten);
  });

  it('leaves no half-written file behind when it cannot be put in place', () => {
    const { dir, name, file } = writtenCache();
    // A directory where the cache should go: the write beside it succeeds, the rename fails.
    fs.rmSync(file);
    fs.mkdirSync(file);
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
    assert.deepEqual(fs.readdirSync(dir), [name]);
  });

  it('is not used for a rebuilt bundle of the same length, whose cache replaces the old one', () => {
    const { dir, written: before } = writtenCache();
    const original = fs.readFileSync(bundle, 'utf8');
    // V8 itself compares only the source's length: the name must tell the two builds apart.
    fs.writeFileSync(bundle, original.replace('"use strict";', "'use strict';"));
    try {
      assert.equal(fs.statSync(bundle).size, Buffer.byteLength(original));
      assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir }), uncached);
      const after = cacheFiles(dir);
      assert.equal(after.length, 1);
      assert.notEqual(after[0].name, before.name);
    } finally {
      fs.writeFileSync(bundle, original);
    }
  });

  it('is not written by a run long enough to get V8 default flags back (every later run would reject it)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= SHORT_RUN_MAX_FILES; i++) files[`p${i}/compose.yaml`] = PRIVILEGED;
    const many = tempTree(files);
    const dir = fresh();
    const r = run({ CAPDROP_CACHE_DIR: dir }, many);
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, SHORT_RUN_MAX_FILES + 1);
    assert.deepEqual(cacheFiles(dir), []);
  });

  it("lives in .cache/ of Capdrop's package unless told otherwise", () => {
    const own = path.join(path.dirname(launcher), '..', '.cache');
    fs.rmSync(own, { recursive: true, force: true });
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: '' }), uncached);
    assert.equal(cacheFiles(own).length, 1);
  });

  it('is neither written when turned off nor missed when it cannot be written', () => {
    const dir = fresh();
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: dir, CAPDROP_NO_CACHE: '1' }), uncached);
    assert.deepEqual(cacheFiles(dir), []);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-cache-')), 'a-file');
    fs.writeFileSync(file, '');
    assert.deepEqual(run({ CAPDROP_CACHE_DIR: path.join(file, 'capdrop') }), uncached);
  });
});
