import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/model/lineIndex';
import { argumentSpan, firstNonFlag, splitWords } from '../../server/src/parse/dockerfile/words';
import { scanJsonStringArray } from '../../server/src/parse/dockerfile/jsonArray';

// The Dockerfile reader's shortcuts (issue 7) must answer exactly what the longer paths they replace answer.

/** Deterministic pseudo-random texts built from the characters these scanners treat specially. */
function* randomTexts(count: number, alphabet: readonly string[], maxLength: number): Generator<string> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(next() * maxLength);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}

const WORD_PIECES = ['a', 'run', '--mount=type=cache', '--', '-x', ' ', '  ', '\t', '\n', '\r\n', '\r', '\\', '`', '#', '# c\n', '[', '"', 'x\\ y'];

/** splitWords as it was written before the word cursor (one loop, a range per word): the reference. */
function referenceSplitWords(text: string, start: number, end: number, escapeChar: string): { start: number; end: number }[] {
  const escape = escapeChar.charCodeAt(0);
  const words: { start: number; end: number }[] = [];
  let wordStart = -1;
  const close = (at: number) => {
    if (wordStart >= 0) words.push({ start: wordStart, end: at });
    wordStart = -1;
  };
  const blank = (k: number) => text[k] === ' ' || text[k] === '\t';
  const lineBreak = (k: number) => text[k] === '\n' || text[k] === '\r';
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === escape) {
      let j = i + 1;
      while (j < end && blank(j)) j++;
      if (j < end && lineBreak(j)) {
        close(i);
        // Skip the break and any blank or comment lines after it.
        for (i = j; ; ) {
          if (text[i] === '\r') i++;
          if (text[i] === '\n') i++;
          let k = i;
          while (k < end && blank(k)) k++;
          if (k < end && text[k] === '#') {
            while (k < end && !lineBreak(k)) k++;
            i = k;
            if (i >= end) break;
            continue;
          }
          if (k < end && lineBreak(k)) {
            i = k;
            continue;
          }
          i = k;
          break;
        }
        continue;
      }
      if (wordStart < 0) wordStart = i;
      i = Math.min(end, i + 2);
      continue;
    }
    if (blank(i) || lineBreak(i)) {
      close(i);
      i++;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    i++;
  }
  close(end);
  return words;
}

describe('splitWords', () => {
  it('splits as the single-loop version did, from any start to any end', () => {
    let n = 0;
    for (const text of randomTexts(20_000, WORD_PIECES, 14)) {
      for (const escape of ['\\', '`']) {
        const start = n++ % 3;
        const end = Math.max(start, text.length - (n % 2));
        assert.deepEqual(splitWords(text, start, end, escape), referenceSplitWords(text, start, end, escape), JSON.stringify({ text, escape, start, end }));
      }
    }
  });
});

describe('argumentSpan', () => {
  it('spans from the first (non-flag) word to the end of the last word, as splitWords and firstNonFlag do', () => {
    let spans = 0;
    for (const text of randomTexts(20_000, WORD_PIECES, 14)) {
      for (const escape of ['\\', '`']) {
        for (const skipFlags of [true, false]) {
          const words = splitWords(text, 0, text.length, escape);
          const args = words.slice(skipFlags ? firstNonFlag(text, words) : 0);
          const expected = args.length === 0 ? undefined : { start: args[0].start, end: args[args.length - 1].end };
          assert.deepEqual(argumentSpan(text, 0, text.length, escape, skipFlags), expected, JSON.stringify({ text, escape, skipFlags }));
          if (expected) spans++;
        }
      }
    }
    assert.ok(spans > 10_000, `only ${spans} texts had words`);
  });

  it('skips leading flags only', () => {
    const text = 'RUN --mount=type=cache,target=/root apt-get --yes install';
    assert.deepEqual(argumentSpan(text, 3, text.length, '\\', true), { start: text.indexOf('apt-get'), end: text.length });
    assert.deepEqual(argumentSpan(text, 3, text.length, '\\', false), { start: 4, end: text.length });
    assert.equal(argumentSpan('RUN --flag  ', 3, 12, '\\', true), undefined);
  });
});

describe('scanJsonStringArray', () => {
  it('gives the same answer from any start as a scan without the shortcut for texts that start with a word', () => {
    // Without the shortcut a text starting with a character that is not blank, `[` or the escape was never a list.
    let lists = 0;
    for (const text of randomTexts(20_000, ['[', ']', '"a"', '"', ',', ' ', '\t', '\n', '\\', '`', 'x', '\\\n', '\f'], 10)) {
      for (const escape of ['\\', '`']) {
        const result = scanJsonStringArray(text, 0, text.length, escape);
        const first = text[0];
        if (first !== undefined && !/[[ \t\f\v\r\n]/.test(first) && first !== escape) assert.equal(result, null, JSON.stringify(text));
        if (result) lists++;
      }
    }
    assert.ok(lists > 100, `only ${lists} lists`);
  });

  it('decodes each string as JSON.parse does, escapes and control characters included', () => {
    // Without line breaks or the Dockerfile escape character, an exec-form list is exactly a JSON array of strings.
    const inside = ['a', 'é', ' ', '\t', '\\\\', '\\"', '\\n', '\\u0041', '\\x', '\u0001', '\ud800', '"'];
    const strings = [...randomTexts(30_000, inside, 5)].map((content) => `"${content}"`);
    let lists = 0;
    for (let n = 0; n < strings.length; n += 3) {
      const count = 1 + ((n / 3) % 3);
      const text = `[${strings.slice(n, n + count).join(count === 2 ? ', ' : ',')}]`;
      let expected: string[] | null = null;
      try {
        const value: unknown = JSON.parse(text);
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) expected = value;
      } catch {
        expected = null;
      }
      const actual = scanJsonStringArray(text, 0, text.length, '`');
      assert.deepEqual(actual?.map((e) => e.value) ?? null, expected, JSON.stringify(text));
      if (expected?.some((v) => v !== '')) lists++;
    }
    assert.ok(lists > 50, `only ${lists} lists with a non-empty string`);
  });

  it('still reads lists after blanks and a continuation', () => {
    assert.deepEqual(scanJsonStringArray(' \\\n ["a"]', 0, 9, '\\')?.map((e) => e.value), ['a']);
    assert.equal(scanJsonStringArray('echo ["a"]', 0, 10, '\\'), null);
  });
});

describe('LineIndex', () => {
  it('finds the same line starts through indexOf (LF only) as character by character (any line break)', () => {
    for (const text of randomTexts(5_000, ['a', '\n', '\r', '\r\n', ' '], 30)) {
      const expected = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) expected.push(i + 1);
      }
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, expected.length, JSON.stringify(text));
      expected.forEach((start, line) => assert.equal(lines.lineStart(line), start, JSON.stringify(text)));
    }
  });
});
