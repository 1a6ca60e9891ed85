import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Other editors than VS Code, headless, against bin/capdrop-language-server.js (dist/ built by
// `npm run package` before the e2e suite; Neovim and Emacs with eglot installed by test/e2e/setup.sh).
const REPO = path.resolve(__dirname, '..', '..');
const SERVER = path.join(REPO, 'bin', 'capdrop-language-server.js');
const COMPOSE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const PRIVILEGED = 'This container runs privileged, with every capability and all host devices; grant only the capabilities it needs.';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-editor-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  return dir;
}

const lines = (out: string) => out.replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '');

describe('other editors over LSP (capdrop-language-server)', () => {
  it('Neovim (built-in client, no plugins): diagnostics, then a quick fix applied', () => {
    const dir = project();
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'editors', 'neovim.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CAPDROP_SERVER: SERVER, CAPDROP_FILE: 'compose.yaml', CAPDROP_FIX_LINE: '4' },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = lines(r.stdout + r.stderr);
    assert.deepEqual(out.slice(0, 2).map((l) => l.replace(/ Container .*/, '')), ['2:3 3 container-hardening', `4:5 1 no-privileged ${PRIVILEGED}`]);
    assert.deepEqual(out.slice(2), ['ACTION Remove privileged mode (grant specific capabilities instead)', 'BUFFER', 'services:', '  app:', '    image: nginx:1.27']);
  });

  it('Emacs (eglot): diagnostics through flymake', () => {
    const dir = project();
    const r = spawnSync('emacs', ['--batch', '-l', path.join(__dirname, 'editors', 'eglot.el')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CAPDROP_SERVER: SERVER, CAPDROP_FILE: 'compose.yaml' },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(lines(r.stdout).map((l) => l.replace(/(container-hardening\]: ).*/, '$1…')), [
      '2 eglot-note capdrop [container-hardening]: …',
      `4 eglot-error capdrop [no-privileged]: ${PRIVILEGED}`,
    ]);
  });
});
