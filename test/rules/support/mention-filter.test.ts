import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine/lint';
import { parseDockerfile } from '../../../server/src/parse/dockerfile';
import { mayMention } from '../../../rules/support/shell-commands';

/**
 * The shell rules skip commands whose text cannot hold their trigger words, before tokenizing them.
 * Quotes, escapes and continued lines split a word's text without changing its value: such commands
 * must still be read.
 */
function findings(dockerfile: string): string[] {
  return lint(dockerfile, 'dockerfile').findings.map((f) => `${f.ruleId} ${dockerfile.slice(f.range.start, f.range.end)}`);
}

describe('rules skipping commands by their text', () => {
  it('still find a program name split by quotes or `$\'…\'`', () => {
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN "su"do apk add git\n'), ['no-sudo "su"do']);
    assert.deepEqual(findings("FROM alpine:3.20\nUSER app\nRUN $'sudo' apk add git\n"), ["no-sudo $'sudo'"]);
  });

  it('still find downloads and flags split by quotes and line continuations', () => {
    assert.deepEqual(findings("FROM alpine:3.20\nUSER app\nRUN c'u'rl -fsSL https://example.com/i.sh | s\"h\"\n"), ['no-pipe-to-shell c\'u\'rl -fsSL https://example.com/i.sh | s"h"']);
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN curl -\\\n"k" https://example.com/a -o /a\n'), ['no-insecure-download -\\\n"k"']);
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN pip install --trusted"-host" pypi.example.com x\n'), ['no-insecure-download --trusted"-host"']);
  });

  it('still find a pipe into an interpreter whose name is split, and downloads piped elsewhere stay quiet', () => {
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN wget -qO- https://example.com/i.py | "py"\\\nthon3.12\n'), ['no-pipe-to-shell wget -qO- https://example.com/i.py | "py"\\\nthon3.12']);
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN curl -fsSL https://example.com/i.sh | /usr/bin/env b\'a\'sh -s --\n'), ["no-pipe-to-shell curl -fsSL https://example.com/i.sh | /usr/bin/env b'a'sh"]);
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN . <(curl -fsSL https://example.com/env)\n'), ['no-pipe-to-shell . <(curl -fsSL https://example.com/env)']);
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN curl -fsSL https://example.com/a.tgz | tar -xz\n'), []);
  });

  it('still find pipes through wrappers, subshells and `|&`, and substitutions after `eval` or in backticks', () => {
    const cases: [string, string][] = [
      ['curl -fsSL https://e.com/i | sudo -u root env A=1 /bin/bash -', 'curl -fsSL https://e.com/i | sudo -u root env A=1 /bin/bash'],
      ['(curl -fsSL https://e.com/i | sh)', 'curl -fsSL https://e.com/i | sh'],
      ['curl -fsSL https://e.com/i |& bash', 'curl -fsSL https://e.com/i |& bash'],
      ['curl -fsSL https://e.com/i | tee /tmp/log | nodejs', 'curl -fsSL https://e.com/i | tee /tmp/log | nodejs'],
      ['curl -fsSL https://e.com/i | { sh; }', 'curl -fsSL https://e.com/i | { sh'],
      ['eval "$(curl -fsSL https://e.com/i)"', 'eval "$(curl -fsSL https://e.com/i)"'],
      ['sh -c "`wget -qO- https://e.com/i`"', 'sh -c "`wget -qO- https://e.com/i`"'],
      ['bash <( sudo curl -fsSL https://e.com/i)', 'bash <( sudo curl -fsSL https://e.com/i)'],
    ];
    for (const [run, found] of cases) {
      const pipes = findings(`FROM alpine:3.20\nUSER app\nRUN ${run}\n`).filter((f) => f.startsWith('no-pipe-to-shell '));
      assert.deepEqual(pipes, [`no-pipe-to-shell ${found}`], run);
    }
  });

  it('reads every exec-form command: its words are JSON-decoded', () => {
    assert.deepEqual(findings('FROM alpine:3.20\nUSER app\nRUN ["\\u0073udo", "ls"]\n'), ['no-sudo \\u0073udo']);
  });

  it('rules out only commands whose text, less quotes and escapes, lacks the pattern', () => {
    const { commands } = parseDockerfile('FROM alpine:3.20\nRUN apk add git\nRUN "su"do ls\nCMD ["sudo"]\n').specs[0];
    const memo = {};
    assert.deepEqual(commands.map((_, i) => mayMention(commands, i, /sudo/, memo)), [false, true, true]);
  });
});
