import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { utf8ByteLength } from '../../server/src/engine/utf8';

// The size the engine and the server compare with capdrop.maxFileSize: what Buffer.byteLength says.
const CASES: [string, string][] = [
  ['empty', ''],
  ['ASCII', 'services:\n  app:\n    image: nginx\n'],
  ['two-byte letters', 'é ü ß'],
  ['three-byte letters', '日本語 €'],
  ['a surrogate pair (4 bytes)', '😀 x'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', 'a\udc00b'],
  ['a high surrogate at the end', 'x\ud83d'],
  ['mixed', 'é😀日\u007f\u0080\u07ff\u0800\uffff'],
];

describe('utf8ByteLength', () => {
  for (const [name, text] of CASES) {
    it(name, () => assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8')));
  }
});
