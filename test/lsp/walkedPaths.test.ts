import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToUri, uriKey } from '../../server/src/files/fileUris';

// The workspace scan keys each walked file by its path instead of parsing the URI it builds from it
// (workspaceScan.ts); that is only right if the round trip through the URI gives the same key.
describe('walked paths are their own URI keys', () => {
  it('for names that URIs encode', () => {
    const root = path.join(path.sep, 'work', 'my project');
    const names = ['a b', 'pct%20', '100%', 'hash#x', 'q?x=1', 'ünïcødé', 'back\\slash', 'semi;colon', "it's", '[br]{ce}', 'new\nline', 'tab\tname', '~tilde', 'a+b&c=d', '@scope', ':colon', '😀'];
    for (const name of names) {
      const walked = path.join(root, name, 'compose.yaml');
      assert.equal(uriKey(pathToUri(walked)), walked, JSON.stringify(name));
    }
  });
});
