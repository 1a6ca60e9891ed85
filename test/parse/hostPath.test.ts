import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { normalizeHostPath } from '../../server/src/parse/hostPath';

/** The definition the shortcut for already-normal paths must agree with. */
function byDefinition(source: string): string {
  const folded = source.startsWith('/') && !source.includes('$') ? posix.normalize(source) : source;
  return folded.length > 1 && /[/\\]$/.test(folded) ? folded.replace(/[/\\]+$/, '') || '/' : folded;
}

test('host paths fold like the kernel resolves them and lose trailing slashes', () => {
  assert.equal(normalizeHostPath('//proc/./sys'), '/proc/sys');
  assert.equal(normalizeHostPath('/var/run/docker.sock/'), '/var/run/docker.sock');
  assert.equal(normalizeHostPath('/a/b/../.ssh'), '/a/.ssh');
  assert.equal(normalizeHostPath('/'), '/');
  assert.equal(normalizeHostPath('./data\\'), './data');
  assert.equal(normalizeHostPath('/${HOME}/../x'), '/${HOME}/../x');
});

test('the shortcut for paths that are already normal gives what posix.normalize gives, on 50,000 seeded paths', () => {
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['/', '/', 'a', 'etc', '.', '..', '.ssh', '\\', '$', '~', 'b.', ' '];
  for (let i = 0; i < 50_000; i++) {
    let path = random(4) === 0 ? '' : '/';
    for (let n = random(9); n > 0; n--) path += pieces[random(pieces.length)];
    assert.equal(normalizeHostPath(path), byDefinition(path), JSON.stringify(path));
  }
});
