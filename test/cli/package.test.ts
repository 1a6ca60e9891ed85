import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/** What `npm pack` would put in the package (without building it first), by path. */
function packedFiles(): string[] {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

// `npx capdrop` runs the npm package: bin/capdrop.js and the bundles it loads must be in it, although
// dist/ is git-ignored (npm leaves out what .gitignore lists unless package.json's `files` names it).
describe('the npm package', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string>; scripts: Record<string, string> };

  it('names every file the command loads, and is built before it is packed', () => {
    const bin = path.normalize(manifest.bin.capdrop);
    // The launcher, the engine it loads, and the LSP libraries the engine bundle shares with the client's.
    const needed = [bin, 'dist/cli.js', 'dist/server.js', `dist/${(require('../../esbuild.shared.cjs') as { CHUNK: string }).CHUNK}.js`];
    assert.match(fs.readFileSync(path.join(REPO, bin), 'utf8'), /require\('\.\.\/dist\/cli\.js'\)\.launch\(.*'dist', 'server\.js'\)/);
    for (const file of needed) assert.ok(manifest.files.some((f) => file === path.normalize(f) || file.startsWith(path.normalize(f).replace(/\/?$/, '/'))), `${file} is not in package.json "files"`);
    assert.match(manifest.scripts.prepack, /npm run build/);
  });

  it('holds the command, its docs and licence, and none of the sources, tests or benchmark', () => {
    const files = packedFiles();
    for (const file of ['bin/capdrop.js', 'README.md', 'LICENSE', 'SECURITY.md', 'docs/cli.md', 'package.json']) assert.ok(files.includes(file), `${file} is not packed`);
    assert.deepEqual(files.filter((f) => /^(test|server|cli|client|rules|bench|scripts|node_modules|\.cache)\//.test(f)), []);
  });
});
