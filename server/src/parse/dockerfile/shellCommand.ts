import type { ShellCommand } from '../../model/containerSpec';
import { located, type Located } from '../../model/located';
import { tokenizeShell } from '../shellWords';

type ShellTokens = Pick<ShellCommand, 'words' | 'operators'>;

/** What a command needs of its Dockerfile to tokenize itself later: the reader, typed by the two fields read. */
interface DockerfileText {
  readonly text: string;
  readonly escapeChar: string;
}

/**
 * Words and operators of a shell-form command. The shell tokenizer knows `\`-newline continuations;
 * with `# escape=\``, Docker removes the backtick-newline pairs before the shell sees the text, so each
 * continued line is tokenized on its own.
 */
function shellTokens(text: string, escapeChar: string, start: number, end: number): ShellTokens {
  const words: Located<string>[] = [];
  const operators: Located<string>[] = [];
  const collect = (from: number, to: number) => {
    for (const token of tokenizeShell(text, from, to)) {
      if (token.type === 'word') words.push(located(token.value, token.start, token.end, token.raw));
      else operators.push(located<string>(token.value, token.start, token.end, text.slice(token.start, token.end)));
    }
  };
  if (escapeChar === '\\') {
    collect(start, end);
  } else {
    const continuation = continuationPattern(escapeChar);
    continuation.lastIndex = start;
    let from = start;
    for (let m = continuation.exec(text); m && m.index < end; m = continuation.exec(text)) {
      collect(from, m.index);
      from = m.index + m[0].length;
    }
    collect(from, end);
  }
  return { words, operators };
}

/** Made once per escape character; a `g` pattern whose `lastIndex` each use sets first. */
const continuations = new Map<string, RegExp>();

function continuationPattern(escapeChar: string): RegExp {
  let continuation = continuations.get(escapeChar);
  if (continuation === undefined) {
    const escaped = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    continuation = new RegExp(`${escaped}[ \\t]*(?:\\r\\n|\\n|\\r)`, 'g');
    continuations.set(escapeChar, continuation);
  }
  return continuation;
}

/**
 * A shell-form command whose words and operators are tokenized when first read: rules look into few
 * commands (they skip those whose text cannot match), and tokenizing every RUN line up front was most
 * of the reader's cost. A class, so every command shares one shape and its accessors; the private
 * fields stay out of JSON and deep comparisons.
 */
export class LazyShellCommand implements ShellCommand {
  readonly form = 'shell';
  #tokens: ShellTokens | undefined;
  /** The reader and the command's offsets rather than a closure over them: one context object less per command. */
  #reader: DockerfileText | undefined;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly kind: ShellCommand['kind'],
    readonly text: Located<string>,
    reader: DockerfileText,
    start: number,
    end: number,
  ) {
    this.#reader = reader;
    this.#start = start;
    this.#end = end;
  }

  #read(): ShellTokens {
    if (this.#tokens === undefined) {
      this.#tokens = shellTokens(this.#reader!.text, this.#reader!.escapeChar, this.#start, this.#end);
      this.#reader = undefined; // let the reader go
    }
    return this.#tokens;
  }

  get words(): Located<string>[] {
    return this.#read().words;
  }

  set words(words: Located<string>[]) {
    this.#tokens = { ...this.#read(), words };
  }

  get operators(): Located<string>[] | undefined {
    return this.#read().operators;
  }

  set operators(operators: Located<string>[] | undefined) {
    this.#tokens = { ...this.#read(), operators };
  }
}
