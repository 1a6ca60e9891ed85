import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findExcessiveNesting, scanNesting } from '../../server/src/parse/yamlDepth';

test('block indentation levels count, and the offset is where the too-deep line starts', () => {
  const text = 'a:\n  b:\n    c:\n      d: 1\n';
  assert.equal(findExcessiveNesting(text, 4), undefined);
  assert.equal(findExcessiveNesting(text, 3), text.indexOf('      d') + 6);
});

test('each `- ` opened on one line is a level, with spaces or tabs after the dash', () => {
  // The line's own indentation level plus three items.
  assert.equal(findExcessiveNesting('- - - x\n', 4), undefined);
  assert.equal(findExcessiveNesting('- - - x\n', 3), 0);
  assert.equal(findExcessiveNesting('-\t-\tx\n', 3), undefined);
  assert.equal(findExcessiveNesting('-\t-\tx\n', 2), 0);
  // `-x` is a plain scalar, not an item.
  assert.equal(findExcessiveNesting('-x\n', 1), undefined);
});

test('flow brackets count outside quotes and comments', () => {
  // One indentation level, then the third `[` is one too many.
  assert.equal(findExcessiveNesting('a: [[[1]]]\n', 4), undefined);
  assert.equal(findExcessiveNesting('a: [[[1]]]\n', 3), 5);
  assert.equal(findExcessiveNesting('a: "[[[[" # [[[[\n', 2), undefined);
  assert.equal(findExcessiveNesting("a: '[[''[['\n", 2), undefined);
});

test('block scalar bodies are skipped, CRLF or LF, with chomping and comments on the header', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = ['a: |-  # script', '  [[[[[[', '  - - - - -', 'b: 1', ''].join(eol);
    assert.equal(findExcessiveNesting(text, 2), undefined, JSON.stringify(eol));
  }
  // After the body ends, lines count again.
  const after = 'a: >\n  [[[[\nb: [[[[\n';
  assert.equal(findExcessiveNesting(after, 3), after.indexOf('b: ') + 5);
  // A `|` inside a value is not a header.
  const pipe = 'a: x | y\n  [[[[\n';
  assert.equal(findExcessiveNesting(pipe, 3), pipe.indexOf('  [[[[') + 3);
});

test('the shortcut on texts with few lines, dashes and brackets gives what the full scan gives', () => {
  // Seeded, so a failure reproduces; small limits put the shortcut's bound right at the edge.
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['-', '- ', '-\t', '[', '{', ']', '}', ' ', '  ', '\n', '\r\n', 'a', ': ', '#', '"', "'", '|', '>'];
  let exceeded = 0;
  for (let i = 0; i < 20_000; i++) {
    let text = '';
    for (let n = random(24); n > 0; n--) text += pieces[random(pieces.length)];
    const max = 1 + random(8);
    const expected = scanNesting(text, max);
    if (expected !== undefined) exceeded++;
    assert.equal(findExcessiveNesting(text, max), expected, JSON.stringify({ text, max }));
  }
  // Both outcomes occur, so the comparison covers texts the shortcut must not wave through.
  assert.ok(exceeded > 1000 && exceeded < 19_000, String(exceeded));
});

test('the bound for texts with many short lines gives what the full scan gives', () => {
  // More lines than `max`, so the line-count shortcut cannot answer; short lines, so the width bound can.
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['-', '- ', '-\t', '[', '{', ']', '}', ' ', '  ', '    ', 'a', ': ', '#', '"', "'", '|', '>'];
  let exceeded = 0;
  for (let i = 0; i < 5_000; i++) {
    const max = 2 + random(24);
    const lines: string[] = [];
    for (let n = max + 1 + random(20); n > 0; n--) {
      let line = '';
      for (let k = random(6); k > 0; k--) line += pieces[random(pieces.length)];
      lines.push(line);
    }
    const text = lines.join(random(2) ? '\n' : '\r\n');
    const expected = scanNesting(text, max);
    if (expected !== undefined) exceeded++;
    assert.equal(findExcessiveNesting(text, max), expected, JSON.stringify({ text, max }));
  }
  assert.ok(exceeded > 250 && exceeded < 4_750, String(exceeded));
});

test('a long staircase of indentation is still caught after the width bound declines', () => {
  const text = Array.from({ length: 260 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  assert.equal(findExcessiveNesting(text), text.indexOf(`${' '.repeat(200)}k200:`) + 200);
});
