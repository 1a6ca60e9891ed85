import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRootedReader } from '../../server/src/files/rootedReader';

// What a Compose file may read (extends/include targets, .env and override files): only inside its roots.
describe('the rooted reader', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-rooted-')));
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'ws2'));
  fs.writeFileSync(path.join(ws, 'base.yml'), 'services: {}\n');
  fs.writeFileSync(path.join(dir, 'ws2', 'base.yml'), 'services: {}\n');
  fs.writeFileSync(path.join(dir, 'outside.yml'), 'services: {}\n');
  const compose = path.join(ws, 'compose.yaml');

  const cases: { name: string; roots: string[]; read: string; status: string }[] = [
    { name: 'a file in the root', roots: [ws], read: 'base.yml', status: 'ok' },
    { name: 'a missing file in the root', roots: [ws], read: 'sub/.env', status: 'missing' },
    { name: 'a file above the root', roots: [ws], read: '../outside.yml', status: 'outside' },
    { name: 'a missing file above the root', roots: [ws], read: '../gone.yml', status: 'outside' },
    { name: 'a sibling folder whose name starts with the root\'s', roots: [ws], read: '../ws2/base.yml', status: 'outside' },
    { name: 'a missing file in such a sibling', roots: [ws], read: '../ws2/gone.yml', status: 'outside' },
    { name: 'the sibling as a root of its own', roots: [ws, path.join(dir, 'ws2')], read: '../ws2/base.yml', status: 'ok' },
    { name: 'a root given with a trailing separator', roots: [ws + path.sep], read: 'base.yml', status: 'ok' },
    { name: 'the file system root as a root', roots: [path.parse(dir).root], read: '../outside.yml', status: 'ok' },
    { name: 'a relative root, resolved', roots: [path.relative(process.cwd(), ws)], read: 'sub/gone.yml', status: 'missing' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const reader = createRootedReader({ file: compose, roots: c.roots });
      assert.equal(reader.read(c.read, compose).status, c.status);
    });
  }
});
