import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRootedReader } from '../../server/src/files/rootedReader';
import { DependencyMap, trackingReader } from '../../server/src/handlers/dependents';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-lsp-dependents-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, 'ws'));
fs.writeFileSync(path.join(dir, 'ws', 'base.yml'), 'services: {}\n');
fs.writeFileSync(path.join(dir, 'outside.yml'), 'services: {}\n');
const compose = path.join(dir, 'ws', 'compose.yaml');

function reader(dependencies: DependencyMap, open: Record<string, string> = {}) {
  return trackingReader(createRootedReader({ file: compose, roots: [path.join(dir, 'ws')] }), dependencies, (p) => open[p]);
}

describe('server: the dependency map learnt from the extends/include reader', () => {
  it('records every target looked up (read, missing or outside) against the linted file', () => {
    const dependencies = new DependencyMap();
    const files = reader(dependencies);
    assert.equal(files.read('base.yml', compose).status, 'ok');
    assert.equal(files.read('gone.yml', compose).status, 'missing');
    assert.equal(files.read('../outside.yml', compose).status, 'outside');
    assert.deepEqual(dependencies.dependentsOf(path.join(dir, 'ws', 'base.yml')), [compose]);
    assert.deepEqual(dependencies.dependentsOf(path.join(dir, 'ws', 'gone.yml')), [compose]);
    assert.deepEqual(dependencies.dependentsOf(path.join(dir, 'outside.yml')), [compose]);
    assert.deepEqual(dependencies.dependentsOf(path.join(dir, 'ws', 'other.yml')), []);
    assert.deepEqual(dependencies.dependentsUnder(dir, (p, f) => p.startsWith(f + '/')), [compose]);
  });

  it('reads an open target from its unsaved text, but an open file outside the roots stays unread', () => {
    const base = path.join(dir, 'ws', 'base.yml');
    const outside = path.join(dir, 'outside.yml');
    const files = reader(new DependencyMap(), { [base]: 'services:\n  web: {}\n', [outside]: 'services:\n  leak: {}\n' });
    assert.deepEqual(files.read('base.yml', compose), { status: 'ok', path: base, text: 'services:\n  web: {}\n' });
    assert.deepEqual(files.read('../outside.yml', compose), { status: 'outside', shown: outside });
  });
});
