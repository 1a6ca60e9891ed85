import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import fc from 'fast-check';
import * as posixPath from '../../server/src/files/posixPath';

// The engine's POSIX paths (server/src/files/posixPath.ts) must give what node:path's posix did before.

const PATHS = ['', '.', './', '..', '../', '/', '//', '///a', 'a', 'a/', 'a/..', 'a/../', '/a/../..', '/a/./b/', 'a//b', '../../a', 'a/../../b', '/proc/./sys', '//var/run/docker.sock/', '/var/../../etc', '~/x/../.ssh', 'a/b/c/../../..', '/.', '/..', '.a/..b/...'];

describe('posixPath: the same answers as path.posix', () => {
  for (const p of PATHS) {
    it(`normalize, dirname and basename of ${JSON.stringify(p)}`, () => {
      assert.equal(posixPath.normalize(p), posix.normalize(p));
      assert.equal(posixPath.dirname(p), posix.dirname(p));
      assert.equal(posixPath.basename(p), posix.basename(p));
    });
  }

  const JOINS: string[][] = [['/a', 'b'], ['/a/', '../b'], ['', ''], ['a', '', 'b/'], ['/a', '/b'], ['.', '.env'], ['/w/p', '.env']];
  for (const parts of JOINS) {
    it(`join(${parts.map((p) => JSON.stringify(p)).join(', ')})`, () => assert.equal(posixPath.join(...parts), posix.join(...parts)));
  }

  const RESOLVES: string[][] = [['/a', 'b'], ['/a/b', '../c'], ['/a', '/b', 'c/'], ['/w/p', 'compose.override.yaml'], ['/w', '../../..'], ['/a/', './']];
  for (const parts of RESOLVES) {
    it(`resolve(${parts.map((p) => JSON.stringify(p)).join(', ')})`, () => assert.equal(posixPath.resolve(...parts), posix.resolve(...parts)));
  }

  it('normalize agrees on any path made of /, ., .. and names', () => {
    const segment = fc.constantFrom('', '.', '..', 'a', 'b.c', '...');
    fc.assert(fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, absolute) => {
      const p = (absolute ? '/' : '') + segments.join('/');
      assert.equal(posixPath.normalize(p), posix.normalize(p));
      assert.equal(posixPath.dirname(p), posix.dirname(p));
      assert.equal(posixPath.basename(p), posix.basename(p));
      assert.equal(posixPath.resolve('/w', p), posix.resolve('/w', p));
    }));
  });
});
