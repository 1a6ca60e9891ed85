import type { ContainerSpec, ShellCommand } from '../../server/src/model/containerSpec';
import type { Located, SourceRange } from '../../server/src/model/located';
import type { SpecMemo } from '../../server/src/engine/ruleApi';

declare module '../../server/src/engine/ruleApi' {
  interface SpecMemo {
    /** The spec's commands split into simple commands, and their searchable texts, as far as read. */
    shellCommands?: CommandsCache;
  }
}

/**
 * One simple command of a shell command line (`a b c` between control operators), with the
 * pipeline and process-substitution links the command-reading rules need.
 */
export interface SimpleCommand {
  /** Leading `NAME=value` assignments (`GIT_SSL_NO_VERIFY=1 git clone …`). */
  assignments: Located<string>[];
  /** The command word and its arguments, redirections and leading shell keywords left out. */
  words: Located<string>[];
  /** The previous command of the same pipeline (`curl … | sh`: set on `sh`). */
  pipedFrom?: SimpleCommand;
  /** Set on the commands inside `<( … )`: the command that reads it, and where the substitution ends. */
  substitutedInto?: { reader: SimpleCommand; end: number };
  command: ShellCommand;
  /**
   * `effectiveCommand(this)`, kept once computed: no-insecure-download and no-pipe-to-shell both peel
   * every simple command (a field rather than a WeakMap, which cost more than the peeling). Read-only.
   */
  peeled: EffectiveCommand | undefined;
}

const OPERATORS = new Set(['&&', '||', ';', '|', '&', '|&', ';;', '(', ')', '\n']);
/** Words that may precede the command word without being the command (`if sudo …`, `! grep …`). */
const KEYWORDS = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'time', 'exec']);
/** A redirection operator word as `tokenizeShell` yields it; the word after it is its target. */
const REDIRECTION = /^(?:\d*|&)(?:<<<|<<-|<<|>>|>&|>\||<>|<&|<|>)$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** Every redirection operator ends in `<`, `>`, `&`, `|` or `-`: most words are ruled out without the regex. */
function mayBeRedirection(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  return last === 60 /* < */ || last === 62 /* > */ || last === 38 /* & */ || last === 124 /* | */ || last === 45 /* - */;
}

type Token = { op: string; range: SourceRange } | { word: Located<string> };

/** Words and operators in source order. Without `operators` (exec form), operator-looking words are operators. */
function tokens(command: ShellCommand): Token[] {
  const { words, operators } = command;
  if (operators === undefined) return words.map((w) => (OPERATORS.has(w.raw) ? { op: w.raw, range: w.range } : { word: w }));
  // The tokenizer yields words and operators each in source order: merge them rather than sort.
  const out: Token[] = [];
  let o = 0;
  for (const w of words) {
    while (o < operators.length && operators[o].range.start < w.range.start) out.push({ op: operators[o].value, range: operators[o++].range });
    out.push({ word: w });
  }
  for (; o < operators.length; o++) out.push({ op: operators[o].value, range: operators[o].range });
  for (let i = 1; i < out.length; i++) {
    // A producer that did not keep source order still gets the tokens in order.
    if (rangeOf(out[i]).start < rangeOf(out[i - 1]).start) return out.sort((a, b) => rangeOf(a).start - rangeOf(b).start);
  }
  return out;
}

function rangeOf(t: Token): SourceRange {
  return 'op' in t ? t.range : t.word.range;
}

/**
 * Splits a command into simple commands, linking pipelines (`|`, also across a line break) and `<( … )`.
 * Rules read them through `simpleCommandsMentioning`, which splits each spec's commands once for all rules.
 */
export function simpleCommands(command: ShellCommand): SimpleCommand[] {
  const result: SimpleCommand[] = [];
  let current: SimpleCommand = fresh(command);
  // Operators seen since the last word; a newline next to another operator is only layout.
  let pendingOps: string[] = [];
  let previous: SimpleCommand | undefined;
  let skipTarget = false;
  let redirectEnd = -1;
  const substitutions: { reader: SimpleCommand; depth: number; inner: SimpleCommand[] }[] = [];
  let depth = 0;

  const finish = () => {
    if (current.words.length > 0 || current.assignments.length > 0) {
      result.push(current);
      substitutions[substitutions.length - 1]?.inner.push(current);
      previous = current;
    }
    current = fresh(command);
  };

  for (const t of tokens(command)) {
    if ('op' in t) {
      if (t.op === '(' && redirectEnd === t.range.start) {
        // `<(` / `>(`: a process substitution read by the command being built, which goes on after the `)`.
        depth++;
        substitutions.push({ reader: current, depth, inner: [] });
        current = fresh(command);
        pendingOps = [];
        skipTarget = false;
        continue;
      }
      if (t.op === '(') depth++;
      if (t.op === ')') {
        const top = substitutions[substitutions.length - 1];
        if (top && top.depth === depth) {
          finish();
          substitutions.pop();
          for (const inner of top.inner) inner.substitutedInto = { reader: top.reader, end: t.range.end };
          current = top.reader;
          depth--;
          pendingOps = [];
          skipTarget = false;
          continue;
        }
        depth--;
      }
      if (current.words.length > 0 || current.assignments.length > 0) finish();
      pendingOps.push(t.op);
      skipTarget = false;
      continue;
    }
    const w = t.word;
    if (skipTarget) {
      skipTarget = false;
      continue;
    }
    if (mayBeRedirection(w.raw) && REDIRECTION.test(w.raw)) {
      skipTarget = true;
      redirectEnd = w.range.end;
      continue;
    }
    if (current.words.length === 0 && current.assignments.length === 0) {
      const ops = pendingOps.filter((o) => o !== '\n');
      if (previous && ops.length === 1 && ops[0] === '|') current.pipedFrom = previous;
      pendingOps = [];
    }
    if (current.words.length === 0 && ASSIGNMENT.test(w.value)) current.assignments.push(w);
    else if (current.words.length === 0 && KEYWORDS.has(w.raw)) continue;
    else current.words.push(w);
  }
  finish();
  // Out of order only around a `<( … )` (its commands finish before their reader): sort only then.
  for (let i = 1; i < result.length; i++) {
    if (firstStart(result[i]) < firstStart(result[i - 1])) return result.sort((a, b) => firstStart(a) - firstStart(b));
  }
  return result;
}

function fresh(command: ShellCommand): SimpleCommand {
  // Every field set up front, in one order: the rules see one object shape.
  return { assignments: [], words: [], pipedFrom: undefined, substitutedInto: undefined, command, peeled: undefined };
}

function firstStart(c: SimpleCommand): number {
  return (c.assignments[0] ?? c.words[0])?.range.start ?? 0;
}

/** The program a word names: `/usr/bin/curl` → `curl`. */
export function programName(word: Located<string> | undefined): string {
  if (!word) return '';
  const slash = word.value.lastIndexOf('/');
  return slash < 0 ? word.value : word.value.slice(slash + 1);
}

/** sudo options that take a value in the next word. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--close-from', '--command-timeout']);

/**
 * The command that actually runs once wrappers are peeled off: `sudo -E bash -` → `bash` with `['-']`.
 * `wrapper` is the first wrapper word (`sudo`), when there was one.
 */
export function effectiveCommand(c: SimpleCommand): EffectiveCommand {
  return (c.peeled ??= peelWrappers(c));
}

export interface EffectiveCommand {
  name?: Located<string>;
  args: Located<string>[];
  wrapper?: Located<string>;
}

function peelWrappers(c: SimpleCommand): EffectiveCommand {
  const words = c.words;
  let i = 0;
  let wrapper: Located<string> | undefined;
  while (i < words.length) {
    const name = programName(words[i]);
    if (name === 'sudo' || name === 'doas') {
      wrapper ??= words[i];
      i++;
      while (i < words.length && words[i].value.startsWith('-')) {
        const opt = words[i].value;
        i++;
        if (opt === '--') break;
        if (SUDO_VALUE_OPTIONS.has(opt)) i++;
      }
      continue;
    }
    if (name === 'env') {
      wrapper ??= words[i];
      i++;
      while (i < words.length && (words[i].value.startsWith('-') || ASSIGNMENT.test(words[i].value))) i++;
      continue;
    }
    if (name === 'command' || name === 'nohup' || name === 'exec') {
      i++;
      continue;
    }
    break;
  }
  return { name: words[i], args: words.slice(i + 1), wrapper };
}

/**
 * The simple commands of those commands of `spec` whose text may hold a word matching `pattern`. A
 * rule that can only fire on some words (`sudo`, `curl`) passes them here: a Dockerfile tokenizes a
 * RUN line only when something reads its words, so most commands are never tokenized. The split is
 * kept in the spec's memo, shared by all rules (three read the commands). Callers must not mutate the result.
 */
export function simpleCommandsMentioning(spec: ContainerSpec, pattern: RegExp, memo: SpecMemo): readonly SimpleCommand[] {
  // Only a Dockerfile's command texts are the source its words were tokenized from.
  return splitEach(spec.commands, spec.origin.kind === 'dockerfile' ? pattern : undefined, memo);
}

function splitEach(commands: readonly ShellCommand[], pattern: RegExp | undefined, memo: SpecMemo): readonly SimpleCommand[] {
  const cache = cacheOf(commands, memo);
  const out: SimpleCommand[] = [];
  for (let i = 0; i < commands.length; i++) {
    if (pattern && !mentions(cache, commands[i], i, pattern)) continue;
    const simple = (cache.split[i] ??= simpleCommands(commands[i]));
    for (const c of simple) out.push(c);
  }
  return out;
}

/** Per spec: each command's simple commands and searchable text (as written, and lower-cased), once computed. */
interface CommandsCache {
  split: (SimpleCommand[] | undefined)[];
  searchable: (string | undefined)[];
  lowerCased: (string | undefined)[];
}

/** `commands` must be the spec's commands whose memo this is. */
function cacheOf(commands: readonly ShellCommand[], memo: SpecMemo): CommandsCache {
  return (memo.shellCommands ??= { split: new Array(commands.length), searchable: new Array(commands.length), lowerCased: new Array(commands.length) });
}

const ON_LOWER_CASE = new WeakSet<RegExp>();

/**
 * Marks a pattern written in lower case, without the `i` flag, to be tested on the lower-cased command
 * text: the same matches as the `i` flag (this is a pre-test, so matching more is harmless), but a long
 * alternation with `i` cost V8 three times as much on the long RUN scripts of official images (measured).
 * (One alternation of all such patterns, tried first as a shared gate, cost more than trying each: measured.)
 */
export function onLowerCase(pattern: RegExp): RegExp {
  ON_LOWER_CASE.add(pattern);
  return pattern;
}

const LITERALS = new WeakMap<RegExp, readonly string[]>();

/**
 * Marks a pattern that can only match text containing one of `literals`: `includes` rules out most
 * commands far faster than a regex that starts its search over at every character.
 */
export function afterLiterals(literals: readonly string[], pattern: RegExp): RegExp {
  LITERALS.set(pattern, literals);
  return pattern;
}

/** Characters the shell tokenizer may drop from a word's value: quotes, escapes, `$'…'`, continued lines. */
const DROPPED_BY_TOKENIZER = /["'\\$\r\n]+/g;

/**
 * False only when no word of the shell-form Dockerfile command `commands[index]` (only those) can
 * contain a match of `pattern`. A word's value is its raw text less quotes, escapes and line
 * continuations, so a match in a value is a match in the command text once those characters are
 * removed. `pattern` must match none of those characters (a `[^]*` gap aside), and must not be global.
 */
export function mayMention(commands: readonly ShellCommand[], index: number, pattern: RegExp, memo: SpecMemo): boolean {
  return mentions(cacheOf(commands, memo), commands[index], index, pattern);
}

/** `mayMention` for each index of one spec's commands, with the cache looked up once. */
export function mentionTester(commands: readonly ShellCommand[], pattern: RegExp, memo: SpecMemo): (index: number) => boolean {
  const cache = cacheOf(commands, memo);
  return (index) => mentions(cache, commands[index], index, pattern);
}

let preTestsOff = false;

/**
 * Runs `fn` with every pre-test answering "may mention": the rules then read every command. The
 * pre-tests only save work, so findings must be the same either way (test/rules/support/pre-tests.test.ts).
 */
export function withoutPreTests<T>(fn: () => T): T {
  preTestsOff = true;
  try {
    return fn();
  } finally {
    preTestsOff = false;
  }
}

function mentions(cache: CommandsCache, command: ShellCommand, index: number, pattern: RegExp): boolean {
  // Exec-form words are JSON-decoded (`\u0063url`), not a subsequence of the text.
  if (command.form !== 'shell' || preTestsOff) return true;
  // Removing the characters is cheaper once per command than once per rule (profiled).
  const searchable = (cache.searchable[index] ??= command.text.value.replace(DROPPED_BY_TOKENIZER, ''));
  const text = ON_LOWER_CASE.has(pattern) ? (cache.lowerCased[index] ??= searchable.toLowerCase()) : searchable;
  const literals = LITERALS.get(pattern);
  if (literals && !literals.some((literal) => text.includes(literal))) return false;
  return pattern.test(text);
}
