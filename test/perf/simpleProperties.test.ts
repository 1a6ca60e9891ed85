import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileParser, type Arg, type Env } from 'dockerfile-ast';
import { LineIndex } from '../../server/src/model/lineIndex';
import { simpleProperties } from '../../server/src/parse/dockerfile/simpleProperties';

// The ENV/ARG fast path (issue 7) must read exactly what dockerfile-ast's getProperties reads, whenever it answers.

const PIECES = ['A', 'b_1', 'PATH', '=', '=', '=', 'x', '/usr/bin', ':', '1.2', '-', '#', 'é', '🐳', ' ', ' ', '  ', '\t', '"', "'", '$', '$X', '${X}', '{', '}', '\\', '`', '\\\n  ', '\r'];
// What may stand between two words: mostly spaces, and line continuations of every shape.
const SEPARATORS = [' ', ' ', '\t', '  ', ' \\\n    ', ' \\\n', '\t\\\r\n\t', ' \\\n#c\n  ', ' \\\n#c=d\n  ', ' \\\n\n  ', ' \\ \n  ', '\\\n  ', ' \\\n  \\\n  '];
const VALUES = ['v', 'a/b:c', '1', 'x=y', 'é#', '', '/opt/bin:$PATH', '$X', '${X}', '$', 'a$', '{x}', '$1'];

function* randomArguments(count: number): Generator<string> {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    let text = '';
    // Mostly plain NAME=value words, so both answers are exercised.
    const words = 1 + Math.floor(next() * 4);
    for (let w = 0; w < words; w++) {
      if (w > 0) text += next() < 0.4 ? ' ' : next() < 0.6 ? ' \\\n  ' : SEPARATORS[Math.floor(next() * SEPARATORS.length)];
      if (next() < 0.6) text += `N${w}=${VALUES[Math.floor(next() * VALUES.length)]}`;
      else for (let i = 0, length = 1 + Math.floor(next() * 6); i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    }
    yield text;
  }
}

describe('simpleProperties', () => {
  it('answers what getProperties answers, on 6,000 generated ENV and ARG lines', () => {
    let answered = 0;
    let declined = 0;
    let acrossLines = 0;
    let withVariable = 0;
    let n = 0;
    for (const args of randomArguments(3_000)) {
      for (const keyword of ['ENV', 'ARG']) {
        const text = `FROM scratch\n${keyword} ${args}\nUSER 1000\n`;
        const lines = new LineIndex(text);
        const at = (p: { line: number; character: number }) => lines.offset(p.line, p.character);
        const instruction = DockerfileParser.parse(text).getInstructions()[1] as Arg | Env;
        if (!instruction || instruction.getKeyword() !== keyword) continue;
        const range = instruction.getRange();
        const start = at(instruction.getInstructionRange().end);
        const end = at(range.end);
        const fast = simpleProperties(text, start, end);
        n++;
        if (fast === null) {
          declined++;
          continue;
        }
        answered++;
        if (args.includes('\n')) acrossLines++;
        if (args.includes('$')) withVariable++;
        const expected = instruction.getProperties().map((p) => {
          const valueRange = p.getValueRange();
          return {
            name: p.getName(),
            nameRange: { start: at(p.getNameRange().start), end: at(p.getNameRange().end) },
            value: p.getValue(),
            valueRange: valueRange && { start: at(valueRange.start), end: at(valueRange.end) },
          };
        });
        const actual = fast.map((p) => ({
          name: text.slice(p.name.start, p.name.end),
          nameRange: p.name,
          value: text.slice(p.value.start, p.value.end),
          valueRange: p.value,
        }));
        assert.deepEqual(actual, expected, JSON.stringify(text));
      }
    }
    // Both paths must really be exercised for the comparison to mean something.
    assert.ok(answered > n / 5 && declined > n / 5, `answered ${answered}, declined ${declined} of ${n}`);
    assert.ok(acrossLines > n / 20 && withVariable > n / 20, `answered ${acrossLines} continued, ${withVariable} with a $`);
    console.log(`answered ${answered} (${acrossLines} continued, ${withVariable} with a $), declined ${declined} of ${n}`);
  });

  it('declines what it does not read itself', () => {
    const declined = ['A="b c"', "A='b'", 'A=${B}', '$A=b', 'A=b\\ c', 'A b', 'A', 'A=', '=b', 'A=`b`', 'A=b\\\n  C=d'];
    // Continuations that dockerfile-ast treats in its own ways: before a comment, an empty line, after spaces.
    declined.push('A=b \\\n#c=d\n  C=d', 'A=b \\\n#c=d', 'A=b \\\n\n  C=d', 'A=b \\  \n  C=d', 'A=b \\\n');
    for (const args of declined) {
      assert.equal(simpleProperties(args, 0, args.length), null, args);
    }
  });

  it('reads plain words with their exact ranges', () => {
    const args = 'A=1  B_2=x=y\tC=é#';
    assert.deepEqual(simpleProperties(args, 0, args.length), [
      { name: { start: 0, end: 1 }, value: { start: 2, end: 3 } },
      { name: { start: 5, end: 8 }, value: { start: 9, end: 12 } },
      { name: { start: 13, end: 14 }, value: { start: 15, end: 17 } },
    ]);
  });

  it('reads words across line continuations, and values that refer to variables', () => {
    const args = 'A=1 \\\n    PATH=/x:$PATH\t\\\r\n\tB=c';
    assert.deepEqual(simpleProperties(args, 0, args.length), [
      { name: { start: 0, end: 1 }, value: { start: 2, end: 3 } },
      { name: { start: 10, end: 14 }, value: { start: 15, end: 23 } },
      { name: { start: 28, end: 29 }, value: { start: 30, end: 31 } },
    ]);
  });
});
