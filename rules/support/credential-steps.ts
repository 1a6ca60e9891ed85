import type { ContainerSpec, ShellCommand } from '../../server/src/model/containerSpec';
import type { Located, SourceRange } from '../../server/src/model/located';
import type { SpecMemo } from '../../server/src/engine/ruleApi';
import { effectiveCommand, mentionTester, programName, simpleCommandsMentioning, type SimpleCommand } from './shell-commands';
import { credentialFile, isPrivateKeyInSshDirectory, isSshDirectory } from './credential-files';

/** A RUN step that leaves a credential in its layer or history. */
export interface CredentialStep {
  command: ShellCommand;
  at: Located<string> | SourceRange;
  kind: 'login' | 'write' | 'password';
  /** `login`: the tool and where it keeps the credential; `write`: what the file holds. */
  what: string;
  /** `write`: the path written. */
  path?: string;
}

interface Login {
  what: string;
  /** Whether this command logs in (its words after the program). */
  matches(args: readonly Located<string>[]): Located<string> | undefined;
  /** A later command of the same step that removes what the login wrote. */
  cleanup: RegExp;
}

const word = (args: readonly Located<string>[], i: number) => args[i]?.value;

/** Logins that write a credential file under the home directory, which the step's layer then keeps. */
const LOGINS: Record<string, Login> = {
  aws: {
    what: 'AWS credentials (~/.aws/credentials)',
    matches: (a) =>
      word(a, 0) === 'configure' && word(a, 1) === 'set' && /(?:^|\.)(?:aws_secret_access_key|aws_session_token)$/.test(word(a, 2) ?? '')
        ? a[2]
        : word(a, 0) === 'configure' && word(a, 1) === 'import'
          ? a[1]
          : undefined,
    cleanup: /\brm\b[^;&|]*\.aws\b/,
  },
  gcloud: {
    what: 'Google Cloud credentials (~/.config/gcloud)',
    matches: (a) => {
      if (word(a, 0) !== 'auth') return undefined;
      if (word(a, 1) === 'activate-service-account') return a[1];
      return word(a, 1) === 'login' && a.some((w) => w.value.startsWith('--cred-file')) ? a[1] : undefined;
    },
    cleanup: /\bgcloud\s+auth\s+revoke\b|\brm\b[^;&|]*\bgcloud\b/,
  },
  az: {
    what: 'Azure tokens (~/.azure)',
    matches: (a) => (word(a, 0) === 'login' && !a.some((w) => w.value === '--identity' || w.value === '-i') ? a[0] : undefined),
    cleanup: /\baz\s+logout\b|\brm\b[^;&|]*\.azure\b/,
  },
  docker: {
    what: 'registry credentials (~/.docker/config.json)',
    matches: (a) => (word(a, 0) === 'login' ? a[0] : undefined),
    cleanup: /\bdocker\s+logout\b|\brm\b[^;&|]*\.docker\b/,
  },
  npm: {
    what: 'an npm token (~/.npmrc)',
    matches: (a) => (word(a, 0) === 'config' && word(a, 1) === 'set' && /:_(?:authToken|auth|password)\b/.test(word(a, 2) ?? '') ? a[2] : undefined),
    cleanup: /\bnpm\s+config\s+delete\b|\brm\b[^;&|]*\.npmrc\b/,
  },
};

/** Commands worth splitting for this rule (see shell-commands.ts: matched on the text without quotes and `$`). */
const MAY_LOG_IN = /\b(?:aws|gcloud|az|docker|npm)\b[^;&|]*\b(?:configure|auth|login|config)\b|passwd/;
/** A redirection or `tee` into a credential file, or `chpasswd`: the commands worth reading for written credentials. */
const MAY_WRITE_CREDENTIALS = /(?:>|\btee\s)[^;&|>]*(?:id_|\.ssh|rc\b|credentials|pgpass|\.cnf|\.docker|\.aws|\.kube|kubeconfig|gcloud|\.env|\.key|\.pem|\.p12|\.pfx|\.ppk|gnupg|azure|service|dockercfg)|chpasswd/;
/** A redirection or `tee` into a file, read on the raw text (redirection targets are not among a simple command's words). */
const WRITE = /(?:>>?|\btee\s+(?:-a\s+)?)\s*(["']?)([^\s;&|"'<>()]+)\1/g;
/** A here-string into chpasswd: `chpasswd <<< 'root:pw'`. */
const HERE_STRING = /\bchpasswd\s*<<<\s*(["']?)([^\s"';&|]+)\1/g;

/** The credential logins, credential-file writes and literal passwords of the spec's RUN steps. */
export function credentialSteps(spec: ContainerSpec, memo: SpecMemo): CredentialStep[] {
  const found: CredentialStep[] = [];
  for (const c of simpleCommandsMentioning(spec, MAY_LOG_IN, memo)) {
    if (c.command.kind !== 'run') continue;
    login(c, found);
    literalPassword(c, found);
  }
  // A redirection or tee into a credential file names one of these; most `>` (to /dev/null, logs, configs) do not.
  const mayWrite = mentionTester(spec.commands, MAY_WRITE_CREDENTIALS, memo);
  spec.commands.forEach((command, i) => {
    if (command.kind === 'run' && command.form === 'shell' && mayWrite(i)) scanText(command, found);
  });
  return found.sort((a, b) => startOf(a.at) - startOf(b.at));
}

function startOf(at: Located<string> | SourceRange): number {
  return 'range' in at ? at.range.start : at.start;
}

/** Whether a RUN step gets its credential through a secret mount: then a login reads it from there, by design. */
function mountsSecret(command: ShellCommand): boolean {
  return command.flags?.some((f) => /^--mount=(?:[^,]*,)*type=secret\b/.test(f.value)) ?? false;
}

function login(c: SimpleCommand, found: CredentialStep[]): void {
  const { name, args } = effectiveCommand(c);
  const tool = programName(name);
  const known = Object.hasOwn(LOGINS, tool) ? LOGINS[tool] : undefined;
  const at = known?.matches(args);
  if (!known || !at || mountsSecret(c.command)) return;
  // `… && aws s3 cp … && rm -rf ~/.aws` in the same step: the layer never keeps the file.
  if (known.cleanup.test(c.command.text.value.slice(at.range.end - c.command.text.range.start))) return;
  found.push({ command: c.command, at, kind: 'login', what: known.what });
}

/** `echo 'root:pw' | chpasswd`, `echo pw | passwd --stdin root`: the password is in the Dockerfile and the image history. */
function literalPassword(c: SimpleCommand, found: CredentialStep[]): void {
  const { name, args } = effectiveCommand(c);
  const tool = programName(name);
  const reads = tool === 'chpasswd' || (tool === 'passwd' && args.some((a) => a.value === '--stdin'));
  const source = c.pipedFrom && effectiveCommand(c.pipedFrom);
  if (!reads || !source || !/^(?:echo|printf)$/.test(programName(source.name))) return;
  const text = source.args.find((a) => !/^-[a-zA-Z]+$/.test(a.value) && (tool !== 'chpasswd' || a.value.includes(':')));
  if (!text || text.raw.includes('$') || text.raw.includes('`')) return;
  found.push({ command: c.command, at: text, kind: 'password', what: tool });
}

/** Credential files written by a redirection or `tee`, and here-strings into chpasswd, found in the text of a shell-form RUN. */
function scanText(command: ShellCommand, found: CredentialStep[]): void {
  const text = command.text.value;
  const base = command.text.range.start;
  for (const m of text.matchAll(WRITE)) {
    const path = m[2];
    const slash = path.lastIndexOf('/');
    const what = credentialFile(path) ?? (slash > 0 && isSshDirectory(path.slice(0, slash)) && isPrivateKeyInSshDirectory(path) ? 'an SSH private key' : undefined);
    if (!what || /\$(?!\{?HOME\b)/.test(path)) continue;
    const fileName = path.slice(slash + 1);
    // Written, used and removed in the same step: the layer does not keep it.
    if (new RegExp(`\\brm\\b[^;&|\\n]*${escape(fileName)}\\b`).test(text.slice(m.index + m[0].length))) continue;
    const start = base + m.index + m[0].lastIndexOf(path);
    found.push({ command, at: { start, end: start + path.length }, kind: 'write', what, path });
  }
  for (const m of text.matchAll(HERE_STRING)) {
    if (m[2].includes('$')) continue;
    const start = base + m.index + m[0].lastIndexOf(m[2]);
    found.push({ command, at: { start, end: start + m[2].length }, kind: 'password', what: 'chpasswd' });
  }
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
