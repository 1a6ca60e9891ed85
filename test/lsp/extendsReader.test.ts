import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigStore } from '../../server/src/handlers/config';
import { nodeDisk } from '../../server/src/files/nodeDisk';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-lsp-extends-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, 'ws'));
fs.writeFileSync(path.join(dir, 'ws', 'base.yml'), 'services: {}\n');
fs.writeFileSync(path.join(dir, 'outside.yml'), 'services: {}\n');

function store(): ConfigStore {
  return new ConfigStore({ fetch: async () => undefined, log: () => undefined }, true, nodeDisk);
}

describe('server: Compose extends targets are read only inside the workspace folders', () => {
  it('gives lint a reader confined to the folders', async () => {
    const config = store();
    await config.reload([path.join(dir, 'ws')]);
    const files = config.lintOptionsFor(path.join(dir, 'ws', 'compose.yaml')).files;
    assert.ok(files);
    assert.deepEqual(files.read('base.yml', files.path), { status: 'ok', path: path.join(dir, 'ws', 'base.yml'), text: 'services: {}\n' });
    assert.deepEqual(files.read('../outside.yml', files.path), { status: 'outside', shown: path.join(dir, 'outside.yml') });
  });

  it('reads nothing without a workspace folder or for an untitled document', async () => {
    const config = store();
    await config.reload([]);
    assert.equal(config.lintOptionsFor(path.join(dir, 'ws', 'compose.yaml')).files, undefined);
    await config.reload([path.join(dir, 'ws')]);
    assert.equal(config.lintOptionsFor(undefined).files, undefined);
  });
});
