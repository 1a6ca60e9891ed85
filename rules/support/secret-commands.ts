import type { ContainerSpec, ShellCommand } from '../../server/src/model/containerSpec';
import type { Located, SourceRange, Unknown } from '../../server/src/model/located';
import type { SpecMemo } from '../../server/src/engine/ruleApi';
import { effectiveCommand, onLowerCase, programName, simpleCommandsMentioning, type SimpleCommand } from './shell-commands';
import { secretName } from './secret-names';
import { isLiteralSecret } from './secret-values';
import { credentialsIn } from './secret-locate';

/** A literal secret written in a command: a known credential shape (`what`), or a value given to a secret-named variable or flag (`name`). */
export interface CommandSecret {
  command: ShellCommand;
  at: Located<string> | Unknown | SourceRange;
  what?: string;
  name?: string;
}

/**
 * Commands worth splitting: a credential shape, a secret-named `NAME=` or `--flag`, a URL with a user,
 * or a MySQL client (`-psecret`). Read on the command text without quotes, escapes and `$`
 * (shell-commands.ts); most RUN lines of official images match none of it and are never tokenized.
 */
const MAY_HOLD_SECRET = onLowerCase(
  /(?:pass|pwd|pw|secret|token|key|cred|auth|salt)[\w.-]*=|--[\w.-]*(?:pass|pwd|secret|token|auth|cred|apikey|api-key|private-key|access-key)[\w.-]*\s|:\/\/[^\s/@]*:[^\s/@]+@|-----begin|\b(?:akia|asia|abia|acca|a3t)[a-z0-9]{16}|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|[sr]k_live_|aiza|npm_|pypi-|(?:mysql|mariadb)\S*\s[^|;&]*\s-p\S|sshpass|curl\b[^|;&]*\s-u/,
);

/** Clients whose `-p<password>` (attached) is a password. */
const MYSQL_CLIENTS = new Set(['mysql', 'mariadb', 'mysqladmin', 'mysqldump', 'mysqlcheck', 'mysqlimport', 'mysqlshow', 'mariadb-admin', 'mariadb-dump', 'mariadb-check']);
/** First words that make a secret-named flag a switch (`--no-password`, `--ask-pass`), whose next word is not its value. */
const SWITCH_FLAG_START = new Set(['no', 'ask', 'prompt', 'allow', 'skip', 'show', 'store', 'save', 'print', 'reset', 'require', 'requires', 'use', 'with', 'without']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([^]*)$/;
const LONG_FLAG = /^--?([A-Za-z][\w.-]*)(?:=([^]*))?$/;

/** Every literal secret in the spec's commands, in order. */
export function secretsInCommands(spec: ContainerSpec, memo: SpecMemo): CommandSecret[] {
  const found: CommandSecret[] = [];
  for (const c of simpleCommandsMentioning(spec, MAY_HOLD_SECRET, memo)) readCommand(c, found);
  return found;
}

function readCommand(c: SimpleCommand, found: CommandSecret[]): void {
  const command = c.command;
  const all = [...c.assignments, ...c.words];
  // Known shapes first, in any word; a word reported for its shape is not judged again by name.
  const shaped = new Set<Located<string>>();
  for (const word of all) {
    for (const cred of credentialsIn(word)) {
      found.push({ command, at: cred.at, what: cred.what });
      shaped.add(word);
    }
  }
  const byName = (word: Located<string>, name: string, value: string, valueAt: number) => {
    if (shaped.has(word) || value.includes('$') || value.includes('`')) return;
    const secret = secretName(name);
    if (secret && isLiteralSecret(value, secret.kind)) found.push({ command, at: partOf(word, valueAt), name });
  };
  // `TOKEN=… cmd`, `export TOKEN=…`, `env TOKEN=… cmd`.
  const peeled = effectiveCommand(c);
  const program = programName(peeled.name);
  const assignments = program === 'export' || program === 'declare' || program === 'readonly' ? [...c.assignments, ...peeled.args] : c.assignments;
  for (const word of assignments) {
    const m = ASSIGNMENT.exec(word.value);
    if (m) byName(word, m[1], m[2], m[1].length + 1);
  }
  if (peeled.wrapper && programName(peeled.wrapper) === 'env') {
    for (const word of c.words) {
      const m = ASSIGNMENT.exec(word.value);
      if (m) byName(word, m[1], m[2], m[1].length + 1);
    }
  }
  const args = peeled.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const next = args[i + 1];
    const flag = LONG_FLAG.exec(word.value);
    if (flag && word.value.startsWith('--')) {
      if (flag[2] !== undefined) byName(word, flag[1], flag[2], word.value.indexOf('=') + 1);
      else if (next && !next.value.startsWith('-') && !SWITCH_FLAG_START.has(flag[1].split(/[-_.]/)[0].toLowerCase()) && !MYSQL_CLIENTS.has(program)) {
        byName(next, flag[1], next.value, 0);
      }
      continue;
    }
    // `mysql -uroot -psecret`, `sshpass -p secret ssh …`, `curl -u admin:secret …`.
    if (MYSQL_CLIENTS.has(program) && /^-p./.test(word.value)) byName(word, 'password', word.value.slice(2), 2);
    else if (program === 'sshpass' && word.value === '-p' && next) byName(next, 'password', next.value, 0);
    else if (program === 'curl' && (word.value === '-u' || word.value === '--user') && next) pair(next, 0);
    else if (program === 'curl' && /^-u./.test(word.value)) pair(word, 2);
  }

  function pair(word: Located<string>, from: number): void {
    const text = word.value.slice(from);
    const colon = text.indexOf(':');
    if (colon > 0) byName(word, 'password', text.slice(colon + 1), from + colon + 1);
  }
}

/** The value part of a word from character `from` of its value, when the word is written as it reads; else the whole word. */
function partOf(word: Located<string>, from: number): Located<string> | SourceRange {
  if (from === 0 || word.raw !== word.value) return word;
  return { start: word.range.start + from, end: word.range.end };
}
