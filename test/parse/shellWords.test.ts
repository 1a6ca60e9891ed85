import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitCommands, tokenizeShell, type ShellToken } from '../../server/src/parse/shellWords';

/** A compact view of tokens: words as `value@start-end` (with `~` when opaque, `>` when a redirection), operators as `op:<v>`. */
function view(tokens: ShellToken[]): string[] {
  return tokens.map((t) =>
    t.type === 'op' ? `op:${JSON.stringify(t.value)}@${t.start}-${t.end}` : `${t.value}@${t.start}-${t.end}${t.opaque ? '~' : ''}${t.redirect ? '>' : ''}`,
  );
}

describe('tokenizeShell', () => {
  it('removes quotes and resolves escapes, keeping raw text and ranges', () => {
    const text = `docker run -e "A=b c" 'x y' e\\ f "q\\"t" "a\\b"`;
    const tokens = tokenizeShell(text);
    assert.deepEqual(view(tokens), ['docker@0-6', 'run@7-10', '-e@11-13', 'A=b c@14-21', 'x y@22-27', 'e f@28-32', 'q"t@33-39', 'a\\b@40-45']);
    assert.deepEqual(
      tokens.map((t) => (t.type === 'word' ? t.raw : '')),
      ['docker', 'run', '-e', '"A=b c"', "'x y'", 'e\\ f', '"q\\"t"', '"a\\b"'],
    );
  });

  it('splits on control operators and newlines', () => {
    assert.deepEqual(view(tokenizeShell('a && b || c; d | e & f\n(g)')), [
      'a@0-1', 'op:"&&"@2-4', 'b@5-6', 'op:"||"@7-9', 'c@10-11', 'op:";"@11-12', 'd@13-14', 'op:"|"@15-16', 'e@17-18',
      'op:"&"@19-20', 'f@21-22', 'op:"\\n"@22-23', 'op:"("@23-24', 'g@24-25', 'op:")"@25-26',
    ]);
  });

  it('joins backslash-newline continuations, also with CRLF, but not when spaces follow the backslash', () => {
    assert.deepEqual(view(tokenizeShell('docker run \\\n  -d \\\r\n  img')), ['docker@0-6', 'run@7-10', '-d@15-17', 'img@23-26']);
    assert.deepEqual(view(tokenizeShell('a\\\nb')), ['ab@0-4']);
    // `\ ` escapes the space; the newline after it ends the command.
    assert.deepEqual(view(tokenizeShell('echo a \\ \nb')), ['echo@0-4', 'a@5-6', ' @7-9', 'op:"\\n"@9-10', 'b@10-11']);
  });

  it('treats CRLF as one newline operator', () => {
    assert.deepEqual(view(tokenizeShell('a\r\nb\r\n')), ['a@0-1', 'op:"\\n"@1-3', 'b@3-4', 'op:"\\n"@4-6']);
  });

  it('skips comments only at the start of a word', () => {
    assert.deepEqual(view(tokenizeShell('echo a#b # docker run --privileged x\nc')), ['echo@0-4', 'a#b@5-8', 'op:"\\n"@36-37', 'c@37-38']);
  });

  it('keeps expansions and substitutions inside one opaque word, nested', () => {
    const text = 'x $IMG "${A:-b}" $(echo "$(date) )" x) `#optional` $((1+2)) $? $\'a\\tb\' plain$';
    assert.deepEqual(view(tokenizeShell(text)), [
      'x@0-1', '$IMG@2-6~', '${A:-b}@7-16~', '$(echo "$(date) )" x)@17-38~', '`#optional`@39-50~', '$((1+2))@51-59~', '$?@60-62~',
      'a\tb@63-70', 'plain$@71-77',
    ]);
  });

  it('reads a linuxserver-style `#optional` line as an opaque word followed by a continuation', () => {
    const text = 'docker run -d \\\n  -p 8080:80 `#optional` \\\n  lscr.io/linuxserver/app';
    assert.deepEqual(view(tokenizeShell(text)), ['docker@0-6', 'run@7-10', '-d@11-13', '-p@18-20', '8080:80@21-28', '`#optional`@29-40~', 'lscr.io/linuxserver/app@45-68']);
  });

  it('marks redirections and their targets, and skips heredoc bodies', () => {
    const text = "cat <<-'EOF' > out 2>&1\n\tdocker run --privileged x\n\tEOF\ncat <<X\ndocker run y\nX\nz";
    assert.deepEqual(view(tokenizeShell(text)), [
      'cat@0-3', '<<-@4-7>', 'EOF@7-12>', '>@13-14>', 'out@15-18>', '2>&@19-22>', '1@22-23>', 'op:"\\n"@23-24',
      'cat@56-59', '<<@60-62>', 'X@62-63>', 'op:"\\n"@63-64', 'z@79-80',
    ]);
  });

  it('reads a documentation placeholder `<name>` as word text, not as two redirections', () => {
    assert.deepEqual(view(tokenizeShell('docker run -v <path>:/data nginx:<tag> <image>')), [
      'docker@0-6', 'run@7-10', '-v@11-13', '<path>:/data@14-26', 'nginx:<tag>@27-38', '<image>@39-46',
    ]);
    // With a space, or glued to another redirection, `<` and `>` stay redirections; so does an fd number before `<`.
    assert.deepEqual(view(tokenizeShell('sort <in >out')), ['sort@0-4', '<@5-6>', 'in@6-8>', '>@9-10>', 'out@10-13>']);
    assert.deepEqual(view(tokenizeShell('a <b>>c')), ['a@0-1', '<@2-3>', 'b@3-4>', '>>@4-6>', 'c@6-7>']);
    assert.deepEqual(view(tokenizeShell('a 0<b>c')), ['a@0-1', '0<@2-4>', 'b@4-5>', '>@5-6>', 'c@6-7>']);
    assert.deepEqual(view(tokenizeShell('a <<EOF>x\nEOF\n')), ['a@0-1', '<<@2-4>', 'EOF@4-7>', '>@7-8>', 'x@8-9>', 'op:"\\n"@9-10']);
  });

  it('never throws on unterminated quotes or substitutions', () => {
    assert.deepEqual(view(tokenizeShell('echo "abc')), ['echo@0-4', 'abc@5-9']);
    assert.deepEqual(view(tokenizeShell("echo 'abc")), ['echo@0-4', 'abc@5-9']);
    assert.deepEqual(view(tokenizeShell('a=$(b `c')), ['a=$(b `c@0-8~']);
    assert.deepEqual(view(tokenizeShell('x\\')), ['x\\@0-2']);
    assert.deepEqual(view(tokenizeShell('cat <<EOF\nbody')), ['cat@0-3', '<<@4-6>', 'EOF@6-9>', 'op:"\\n"@9-10']);
  });

  it('scans only the requested range', () => {
    assert.deepEqual(view(tokenizeShell('RUN apt-get update && x', 4, 21)), ['apt-get@4-11', 'update@12-18', 'op:"&&"@19-21']);
  });
});

describe('splitCommands', () => {
  it('groups words per simple command and leaves redirections out', () => {
    const commands = splitCommands(tokenizeShell('sudo docker run -d x > log 2>&1 && echo "docker run --privileged"\n\n# c\ny'));
    assert.deepEqual(
      commands.map((c) => c.map((w) => w.value)),
      [['sudo', 'docker', 'run', '-d', 'x'], ['echo', 'docker run --privileged'], ['y']],
    );
  });
});
