import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/**
 * What `npm pack` puts in a package made of this repository's package.json, .npmignore and .gitignore
 * over a stand-in tree holding `files` (so the answer does not depend on whether dist/ was built).
 */
function packedFrom(files: string[]): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-pack-'));
  for (const name of ['package.json', '.npmignore', '.gitignore', '.vscodeignore']) fs.copyFileSync(path.join(REPO, name), path.join(root, name));
  for (const file of files.filter((f) => !fs.existsSync(path.join(root, f)))) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
}

// `npx capdrop` runs the npm package: bin/capdrop.js and the bundles it loads must be in it, although
// .gitignore lists dist/ (npm reads .npmignore instead when there is one).
describe('the npm package', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string>; files?: unknown };
  const chunk = (require('../../esbuild.shared.cjs') as { CHUNK: string }).CHUNK;

  it('holds the command, the bundles it loads, its docs and licence, and nothing else', () => {
    const shipped = ['LICENSE', 'README.md', 'SECURITY.md', path.posix.normalize(manifest.bin.capdrop), 'dist/cli.js', 'dist/server.js', `dist/${chunk}.js`, 'docs/cli.md', 'docs/rules/no-privileged.md', 'package.json'];
    const left = ['dist/extension.js', 'dist/web/extension.js', 'dist/web/server.js', 'dist/server.js.map', 'server/src/server.ts', 'cli/main.ts', 'client/src/extension.ts', 'rules/no-privileged.ts', 'test/cli/cli.test.ts', 'bench/run.ts', 'scripts/gen-docs.ts', '.cache/engine.v8cache', 'capdrop.vsix', 'syntaxes/x.json', 'tsconfig.json'];
    assert.deepEqual(packedFrom([...shipped, ...left]), [...shipped].sort());
  });

  it('is built before it is published and on install in a source checkout, and leaves the .vsix to .vscodeignore (vsce refuses a "files" list beside it)', () => {
    // Not prepack: npm prints its banner on the standard output of `npm pack`, which pre-commit reads.
    assert.equal(manifest.scripts.prepack, undefined);
    assert.match(manifest.scripts.prepublishOnly, /npm run build/);
    assert.match(manifest.scripts.postinstall, /scripts\/build-from-source\.cjs/);
    assert.equal(manifest.files, undefined);
    assert.match(fs.readFileSync(path.join(REPO, manifest.bin.capdrop), 'utf8'), /require\('\.\.\/dist\/cli\.js'\)\.launch\(.*'dist', 'server\.js'\)/);
  });
});
