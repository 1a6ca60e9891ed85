import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../server/src/parse/dockerfile';
import { effectiveCommand, simpleCommands, type SimpleCommand } from '../../../rules/support/shell-commands';

/** A readable summary: `[assignments] words`, `<-|` when piped from the previous command, `<(reader)` inside a substitution. */
function summarize(c: SimpleCommand): string {
  let s = [...c.assignments.map((w) => `${w.value}`), ...c.words.map((w) => w.value)].join(' ');
  if (c.pipedFrom) s = `| ${s}`;
  if (c.substitutedInto) s = `<(${c.substitutedInto.reader.words[0]?.value}) ${s}`;
  return s;
}

function commandsOf(dockerfile: string): string[][] {
  const spec = parseDockerfile(dockerfile).specs[0];
  return spec.commands.map((c) => simpleCommands(c).map(summarize));
}

describe('simpleCommands', () => {
  it('splits on && ; || and keeps pipelines linked', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN a && b; c || d | e\n'), [['a', 'b', 'c', 'd', '| e']]);
  });
  it('treats a line break next to a pipe (comment line in a continuation) as layout', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN curl -s x \\\n# note\n  | sh\n'), [['curl -s x', '| sh']]);
  });
  it('leaves out redirections and their targets, and leading shell keywords', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN if true; then echo hi > /tmp/x 2>&1; fi\n'), [['true', 'echo hi']]);
  });
  it('keeps leading assignments apart from the words', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN A=1 B=2 make install\n'), [['A=1 B=2 make install']]);
    const spec = parseDockerfile('FROM a\nRUN A=1 make\n').specs[0];
    assert.deepEqual(simpleCommands(spec.commands[0])[0].assignments.map((w) => w.value), ['A=1']);
  });
  it('links a process substitution to the command that reads it', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN bash <(curl -s x) arg | tee log\n'), [['bash arg', '<(bash) curl -s x', '| tee log']]);
  });
  it('does not split a quoted operator', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo "a | b" \';\'\n'), [['echo a | b ;']]);
  });
});

describe('effectiveCommand', () => {
  it('peels sudo with its options, env and exec', () => {
    const spec = parseDockerfile('FROM a\nRUN sudo -E -u app env X=1 exec bash -s\n').specs[0];
    const { name, args, wrapper } = effectiveCommand(simpleCommands(spec.commands[0])[0]);
    assert.deepEqual([name?.value, args.map((a) => a.value), wrapper?.value], ['bash', ['-s'], 'sudo']);
  });
});
