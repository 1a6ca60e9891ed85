import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigStore } from '../../server/src/handlers/config';
import { nodeDisk } from '../../server/src/files/nodeDisk';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-scan-options-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const folder of ['a', 'b']) fs.mkdirSync(path.join(dir, folder));
fs.writeFileSync(path.join(dir, 'b', '.capdrop.yaml'), 'preset: strict\nrules:\n  no-privileged: "off"\n');

describe("a workspace scan job's lint options", () => {
  let capdrop: unknown = {};
  const config = new ConfigStore(
    { fetch: async () => ({ capdrop, filesExclude: {} }), log: () => undefined },
    true,
    nodeDisk,
  );
  const folders = [path.join(dir, 'a'), path.join(dir, 'b')];

  it("are the file's own lint options without the functions, one object per folder configuration", async () => {
    await config.reload(folders);
    for (const folder of folders) {
      const file = path.join(folder, 'sub', 'compose.yaml');
      const { files: _files, onInternalError: _log, ...expected } = config.lintOptionsFor(file);
      expected.maxFileSize ??= config.settings.maxFileSize;
      assert.deepEqual(config.scanOptionsFor(file), expected);
      assert.equal(config.scanOptionsFor(path.join(folder, 'Dockerfile')), config.scanOptionsFor(file));
    }
    assert.notEqual(config.scanOptionsFor(path.join(dir, 'a', 'x.yaml')), config.scanOptionsFor(path.join(dir, 'b', 'x.yaml')));
    assert.equal(config.scanOptionsFor(path.join(dir, 'b', 'x.yaml')).preset, 'strict');
  });

  it('follow a change of the settings', async () => {
    await config.reload(folders);
    const before = config.scanOptionsFor(path.join(dir, 'a', 'compose.yaml'));
    capdrop = { rules: { 'no-root-user': 'off' }, maxFileSize: 1234 };
    await config.reload(folders);
    const after = config.scanOptionsFor(path.join(dir, 'a', 'compose.yaml'));
    assert.notEqual(after, before);
    assert.equal(after.rules?.['no-root-user'], 'off');
    assert.equal(after.maxFileSize, 1234);
  });
});
