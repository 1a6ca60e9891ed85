import { defineRule } from '../server/src/engine/ruleApi';
import type { Located } from '../server/src/model/located';
import { afterLiterals, effectiveCommand, programName, simpleCommandsMentioning, type SimpleCommand } from './support/shell-commands';

const DOWNLOADERS = new Set(['curl', 'wget']);
/**
 * Every finding needs a downloader word and either a pipe whose reader is a shell or interpreter (after
 * `sudo`/`env`-like wrappers and their options), or a `$( … )`/`<( … )`/backtick that starts the download:
 * commands without one are not split for this rule. Read on the text without quotes, escapes and `$`
 * (shell-commands.ts), so `"$(curl …)"` reads `(curl …)`. The looser test before (a downloader plus any
 * pipe and `sh` anywhere after it) matched 56 of the 293 RUN scripts of the real official-image
 * Dockerfiles (`| sha256sum`, a `ruby` package) and split them all; this one matches none of them.
 */
const MENTIONS_DOWNLOADER = afterLiterals(
  ['curl', 'wget'],
  /\|&?(?:\s|[({!])*(?:(?:\S*\/)?(?:sudo|doas|env|command|nohup|exec|time)(?:\s+[^|;&\s]+)*?\s+)?(?:\S*\/)?(?:(?:ba|z|a|da|k|mk)?sh|python[\d.]*|perl[\d.]*|ruby[\d.]*|node(?:js)?|php[\d.]*)(?![\w-])|[(`][^()`|;&]*?(?:curl|wget)/,
);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash', 'ksh', 'mksh']);
const INTERPRETERS = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'nodejs', 'php']);
/** Builtins that run a file or string as shell code in the current shell. */
const CODE_RUNNERS = new Set(['eval', 'source', '.']);
/** Options after which the program comes from an argument (`sh -ec 'code'`, `python -m module`), not from stdin. */
const SHELL_CODE_ARGUMENT = /^-[a-zA-Z]*c[a-zA-Z]*$/;
const INTERPRETER_CODE_ARGUMENT = /^(?:-[cemEpr]|--eval|--print)(?:=.*)?$/;
/** Shell options that take the next word as their value. */
const OPTION_WITH_VALUE = new Set(['-o', '+o', '-O', '+O', '-W', '-X', '-I']);
/** `$(curl …)` or `` `wget …` `` as the whole word. */
const DOWNLOAD_SUBSTITUTION = /^"?(?:\$\(\s*|`\s*)(?:\S*\/)?(?:curl|wget)\s/;

function interpreterName(word: Located<string> | undefined): string {
  const name = programName(word);
  // python3.12, ruby3.2, php8.3 are the same interpreters.
  return name.replace(/^(python|ruby|php|perl)[\d.]+$/, '$1');
}

/** True when the interpreter reads its program from stdin: no script file and no `-c`/`-e`/`-m` code argument. */
function readsProgramFromStdin(args: Located<string>[], isShell: boolean): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].value;
    if (a === '-' || a === '--') return true;
    if ((isShell ? SHELL_CODE_ARGUMENT : INTERPRETER_CODE_ARGUMENT).test(a)) return false;
    if (isShell && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) return true; // `sh -s`: the script is stdin, the rest are its arguments
    if (OPTION_WITH_VALUE.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') || a.startsWith('+')) continue;
    return false; // a script file
  }
  return true;
}

function isDownload(c: SimpleCommand): Located<string> | undefined {
  const { name } = effectiveCommand(c);
  return name && DOWNLOADERS.has(programName(name)) ? name : undefined;
}

export default defineRule({
  id: 'no-pipe-to-shell',
  title: 'Do not pipe downloads into a shell',
  severity: 'warning',
  inputs: ['dockerfile'],
  docs: {
    rationale:
      '`curl … | sh` runs whatever the server (or anyone who can tamper with the connection or the server) sends at build time, unverified and unrepeatable: the image changes when the script does, and a truncated download runs half a script.',
    whenNotToUse:
      'Never needed: download to a file, check its sha256 (`echo "<sum>  install.sh" | sha256sum -c -`), then run it. Silence a line with an ignore comment if the script is from a source you control.',
    references: [
      'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
      'https://docs.docker.com/build/building/best-practices/#add-or-copy',
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n' },
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN sh -c "$(wget -qO- https://example.com/install.sh)"\n' },
      ],
      good: [
        {
          kind: 'dockerfile',
          code: 'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "3b5f…  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n',
        },
      ],
    },
  },
  messages: {
    pipeToShell:
      'The output of {{downloader}} is run by {{shell}} unverified; download to a file, check its sha256 checksum, then run the file.',
    substitutionToShell:
      '{{shell}} runs the output of {{downloader}} unverified; download to a file, check its sha256 checksum, then run the file.',
  },
  check(spec, ctx) {
    const commands = simpleCommandsMentioning(spec, MENTIONS_DOWNLOADER, ctx.memo);
    for (const command of commands) {
      const { name, args } = effectiveCommand(command);
      if (!name) continue;
      const program = interpreterName(name);
      const isShell = SHELLS.has(program);
      const runsCode = isShell || INTERPRETERS.has(program) || CODE_RUNNERS.has(program);
      if (!runsCode) continue;

      if ((isShell || INTERPRETERS.has(program)) && readsProgramFromStdin(args, isShell)) {
        for (let up = command.pipedFrom; up; up = up.pipedFrom) {
          const download = isDownload(up);
          if (!download) continue;
          ctx.report({
            at: { start: download.range.start, end: name.range.end },
            messageId: 'pipeToShell',
            data: { downloader: programName(download), shell: programName(name) },
          });
          break;
        }
      }

      const substituted = args.find((a) => DOWNLOAD_SUBSTITUTION.test(a.raw));
      if (substituted) {
        const downloader = /(curl|wget)/.exec(substituted.raw)![1];
        ctx.report({ at: { start: name.range.start, end: substituted.range.end }, messageId: 'substitutionToShell', data: { downloader, shell: programName(name) } });
      }
    }
    // `bash <(curl …)`: the download is a process substitution read by the shell as its script.
    for (const command of commands) {
      const download = isDownload(command);
      const into = command.substitutedInto;
      if (!download || !into) continue;
      const { name } = effectiveCommand(into.reader);
      const program = interpreterName(name);
      if (!name || !(SHELLS.has(program) || INTERPRETERS.has(program) || CODE_RUNNERS.has(program))) continue;
      ctx.report({ at: { start: name.range.start, end: into.end }, messageId: 'substitutionToShell', data: { downloader: programName(download), shell: programName(name) } });
    }
  },
});
