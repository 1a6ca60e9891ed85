import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHostPath, splitVolume } from '../../server/src/parse/shortSyntax';

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

test('Windows drives stay in one piece, as source and as target', () => {
  assert.deepEqual(splitVolume('C:\\a:D:\\b:ro').map((p) => p.text), ['C:\\a', 'D:\\b', 'ro']);
  assert.deepEqual(splitVolume('c:/data:/data').map((p) => p.text), ['c:/data', '/data']);
  // `@:` and `[:` are no drives (the characters next to A-Z and a-z).
  assert.deepEqual(splitVolume('@:/x:/y').map((p) => p.text), ['@', '/x', '/y']);
  assert.deepEqual(splitVolume('x:[:/b').map((p) => p.text), ['x', '[', '/b']);
});

test('host paths are told from volume names by their first characters', () => {
  for (const path of ['/data', './data', '../data', '~/data', 'C:\\data', 'z:/data', '\\\\server\\share']) assert.equal(isHostPath(path), true, path);
  for (const name of ['data', 'C:data', '@:/data', '\\data', '', 'ÿ:/x']) assert.equal(isHostPath(name), false, name);
});

test('isHostPath agrees with its regular-expression definition on every two-character prefix before a slash', () => {
  for (let code = 0; code < 0x250; code++) {
    for (const path of [`${String.fromCharCode(code)}:/x`, `${String.fromCharCode(code)}:\\x`, `${String.fromCharCode(code)}:x`]) {
      const expected = /^[/.~]/.test(path) || WINDOWS_DRIVE.test(path) || path.startsWith('\\\\');
      assert.equal(isHostPath(path), expected, JSON.stringify(path));
    }
  }
});
