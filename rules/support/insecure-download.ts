import type { Located, SourceRange } from '../../server/src/model/located';
import { onLowerCase, programName } from './shell-commands';

/** What no-insecure-download reports; the message ids of the rule. */
export type InsecureMessageId =
  | 'tlsDisabled'
  | 'signatureDisabled'
  | 'configDisablesTls'
  | 'configDisablesSignatures'
  | 'repoConfigDisablesTls'
  | 'repoConfigDisablesSignatures'
  | 'envDisablesTls'
  | 'addWithoutChecksum';

export interface Hit {
  at: SourceRange;
  messageId: InsecureMessageId;
  data: Record<string, string>;
}

/** curl short options that take a value: in `-fsSLo file` the letters after `o` are its value, not flags. */
const CURL_VALUE_OPTIONS = new Set('ABbCcDdEeFHhKmoPQrTtUuwXxYyz');

function curlDisablesTls(word: string): boolean {
  if (word === '--insecure' || word === '-k') return true;
  if (!/^-[A-Za-z0-9#:]+$/.test(word)) return false;
  for (const letter of word.slice(1)) {
    if (letter === 'k') return true;
    if (CURL_VALUE_OPTIONS.has(letter)) return false;
  }
  return false;
}

const APT_FLAGS = /^--(?:allow-(?:unauthenticated|insecure-repositories)|force-yes)$/;
const RPM_FLAGS = /^--no(?:signature|digest|filedigest|verify|gpgcheck)$/;

/**
 * Flags that make a package manager skip signature checks, by program. A Map: `program in {…}` was
 * the costliest line of this rule (profiled), and also true for `constructor` or `toString`.
 * `--force-yes` is apt's old catch-all: it also installs unauthenticated packages.
 */
const UNSIGNED_PACKAGE_FLAGS = new Map<string, RegExp>(Object.entries({
  'apt-get': APT_FLAGS,
  apt: APT_FLAGS,
  aptitude: /^--allow-untrusted$/,
  yum: /^--nogpgcheck$/,
  dnf: /^--(?:nogpgcheck|no-gpgchecks)$/,
  dnf5: /^--no-gpgchecks$/,
  microdnf: /^--nogpgcheck$/,
  tdnf: /^--nogpgcheck$/,
  zypper: /^--no-gpg-checks$/,
  apk: /^--allow-untrusted$/,
  rpm: RPM_FLAGS,
}));
/** apt `-o` settings with the same effect as the flags above. */
const APT_UNSIGNED_OPTION = /(?:AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)\s*=\s*(?:true|yes|1)$/i;
/** apt `-o Acquire::https::Verify-Peer=false` (also per host: `Acquire::https::repo.example.com::Verify-Peer`). */
const APT_TLS_OPTION = /Acquire::https::(?:[^:=\s]+::)?Verify-(?:Peer|Host)\s*=\s*(?:false|no|0)$/i;

/** Programs that take yum/dnf `--setopt=key=value` options. */
const SETOPT_PROGRAMS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'yum-config-manager']);
/** A repository setting that turns signature or TLS checks off: `gpgcheck=0`, `*.sslverify=false`. */
const REPO_SETTING = /(?:^|[\s\][;"'/.]|\\[nt])((?:pkg_|localpkg_)?gpgcheck|sslverify)\s*=\s*(?:0|false|no|off)(?![\w.])/i;
/** `deb [trusted=yes] …` (a sources.list line) and wget's `check_certificate = off` (a .wgetrc line). */
const TRUSTED_SOURCE = /\[(?:[^\]\n]*\s)?trusted=yes(?=[\s\]])/i;
const WGETRC_NO_CHECK = /(?:^|[\s;"']|\\[nt])check_certificate\s*=\s*(?:off|0|no|false)(?![\w.])/i;

export const FALSE_VALUE = /^(?:false|0|no|off)$/i;
const GIT_SSL_VERIFY_KEY = /^http(?:\..+)?\.sslverify$/i;

/** Environment variables that turn TLS checks off, and the values that do it (a Map: `ENV constructor=1` is not one). */
export const TLS_ENV = new Map<string, (value: string) => boolean>(Object.entries({
  // git only checks that the variable is set: even `false` disables verification.
  GIT_SSL_NO_VERIFY: (v) => v !== '',
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  PYTHONHTTPSVERIFY: (v) => v === '0',
  NPM_CONFIG_STRICT_SSL: (v) => FALSE_VALUE.test(v),
  npm_config_strict_ssl: (v) => FALSE_VALUE.test(v),
  YARN_ENABLE_STRICT_SSL: (v) => FALSE_VALUE.test(v),
  PIP_TRUSTED_HOST: (v) => v !== '',
  // Go fetches the listed module paths over plain HTTP or unverified TLS.
  GOINSECURE: (v) => v !== '',
  GOFLAGS: (v) => /(?:^|\s)-insecure(?:=true)?(?=\s|$)/.test(v),
  // Bundler's OpenSSL verify mode: 0 is VERIFY_NONE.
  BUNDLE_SSL_VERIFY_MODE: (v) => v === '0',
}));

/**
 * Text that every command finding needs (case-insensitive, so it only ever matches more): the flags,
 * settings and variable names above. Commands without any are not split for this rule.
 */
export const MAY_DISABLE_CHECKS = onLowerCase(
  /insecure|no-check-certificate|trusted[-_=]|allow-?(?:unauthenticated|untrusted|downgrade)|force-yes|no-?gpg|no(?:signature|digest|filedigest|verify)|gpgcheck|strict[-_]?ssl|sslverify|verify-(?:peer|host)|check_certificate|git_ssl_no_verify|node_tls_reject_unauthorized|pythonhttpsverify|bundle_ssl_verify_mode|curl[^]*?-[a-z0-9#:]*k/,
);

function span(from: Located<unknown>, to: Located<unknown>): SourceRange {
  return { start: from.range.start, end: to.range.end };
}

/** The range of `length` characters at `index` of a word's value: exact when the word is written plainly or in one pair of quotes, else the word. */
function inWord(word: Located<string>, index: number, length: number): SourceRange {
  const { raw, value, range } = word;
  if (raw === value) return { start: range.start + index, end: range.start + index + length };
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length === value.length + 2 && raw.endsWith(q) && raw.slice(1, -1) === value) {
    return { start: range.start + 1 + index, end: range.start + 1 + index + length };
  }
  return range;
}

export function assignmentHit(word: Located<string>): Hit | undefined {
  const eq = word.value.indexOf('=');
  const name = word.value.slice(0, eq);
  const value = word.value.slice(eq + 1);
  const disables = TLS_ENV.get(name);
  if (!disables || !disables(value)) return undefined;
  return { at: word.range, messageId: 'envDisablesTls', data: { name, value } };
}

/** `gpgcheck=0` / `sslverify=0` as a yum/dnf option value (`--setopt=*.gpgcheck=0`, `--setopt gpgcheck=0`, dnf5 `setopt repo.gpgcheck=0`). */
function setoptHit(tool: string, word: Located<string>): Hit | undefined {
  const value = word.value.startsWith('--setopt=') ? word.value.slice('--setopt='.length) : word.value;
  const m = REPO_SETTING.exec(value);
  if (!m) return undefined;
  return { at: word.range, messageId: /gpgcheck/i.test(m[1]) ? 'configDisablesSignatures' : 'configDisablesTls', data: { tool, setting: word.value } };
}

/**
 * Repository settings in text a command writes out: `echo 'gpgcheck=0' >> x.repo`, `printf 'deb [trusted=yes] …'`,
 * `sed -i 's/gpgcheck=1/gpgcheck=0/'` (only the replacement of a substitution: `s/gpgcheck=0/gpgcheck=1/` turns checks on).
 */
function writtenConfigHits(program: string, args: Located<string>[]): Hit[] {
  const hits: Hit[] = [];
  for (const a of args) {
    let texts: { text: string; at: number }[] = [{ text: a.value, at: 0 }];
    if (program === 'sed') texts = sedReplacements(a.value);
    for (const { text, at } of texts) {
      const trusted = TRUSTED_SOURCE.exec(text);
      if (trusted) {
        const index = trusted[0].indexOf('trusted=yes');
        hits.push({ at: inWord(a, at + trusted.index + index, 'trusted=yes'.length), messageId: 'repoConfigDisablesSignatures', data: { setting: 'trusted=yes' } });
      }
      const repo = REPO_SETTING.exec(text);
      if (repo) {
        const start = repo.index + repo[0].indexOf(repo[1]);
        const setting = text.slice(start, repo.index + repo[0].length);
        const signature = /gpgcheck/i.test(repo[1]);
        hits.push({ at: inWord(a, at + start, setting.length), messageId: signature ? 'repoConfigDisablesSignatures' : 'repoConfigDisablesTls', data: { setting } });
      }
      const wgetrc = WGETRC_NO_CHECK.exec(text);
      if (wgetrc) {
        const start = wgetrc.index + wgetrc[0].search(/check_certificate/i);
        const setting = text.slice(start, wgetrc.index + wgetrc[0].length);
        hits.push({ at: inWord(a, at + start, setting.length), messageId: 'repoConfigDisablesTls', data: { setting } });
      }
    }
  }
  return hits;
}

/** The replacement parts of the `s` commands in a sed script word, with their offsets. */
function sedReplacements(script: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const s = /(?:^|[;\s{}])s([^\w\s\\])/g;
  for (let m = s.exec(script); m; m = s.exec(script)) {
    const d = m[1];
    let i = m.index + m[0].length;
    const skip = () => {
      while (i < script.length && script[i] !== d) i += script[i] === '\\' ? 2 : 1;
    };
    skip();
    const from = ++i;
    skip();
    if (i > script.length) break;
    out.push({ text: script.slice(from, i), at: from });
    s.lastIndex = i;
  }
  return out;
}

export function commandHits(name: Located<string>, args: Located<string>[]): Hit[] {
  const program = programName(name);
  const hits: Hit[] = [];
  const flag = (w: Located<string>, messageId: 'tlsDisabled' | 'signatureDisabled', tool = program) =>
    hits.push({ at: w.range, messageId, data: { tool, flag: w.value } });

  if (program === 'curl') {
    for (const a of args) if (curlDisablesTls(a.value)) flag(a, 'tlsDisabled');
  } else if (program === 'wget') {
    for (const a of args) if (a.value === '--no-check-certificate') flag(a, 'tlsDisabled');
  } else if (/^pip[\d.]*$/.test(program) || (/^python[\d.]*$/.test(program) && args[0]?.value === '-m' && /^pip[\d.]*$/.test(args[1]?.value ?? ''))) {
    const pipArgs = program.startsWith('python') ? args.slice(2) : args;
    for (let i = 0; i < pipArgs.length; i++) {
      const a = pipArgs[i];
      if (/^--trusted-host(?:=|$)/.test(a.value)) flag(a, 'tlsDisabled', 'pip');
      else if (/^(?:global|install|download)\.trusted-host$/.test(a.value) && pipArgs[i + 1]) {
        hits.push({ at: span(a, pipArgs[i + 1]), messageId: 'configDisablesTls', data: { tool: 'pip', setting: a.value } });
      }
    }
  } else if (UNSIGNED_PACKAGE_FLAGS.has(program) || SETOPT_PROGRAMS.has(program)) {
    const pattern = UNSIGNED_PACKAGE_FLAGS.get(program);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (pattern?.test(a.value) || (program.startsWith('apt') && APT_UNSIGNED_OPTION.test(a.value))) flag(a, 'signatureDisabled');
      else if (program.startsWith('apt') && APT_TLS_OPTION.test(a.value)) {
        const setting = a.value.replace(/^(?:-o|--option=?)/, '');
        hits.push({ at: inWord(a, a.value.length - setting.length, setting.length), messageId: 'configDisablesTls', data: { tool: program, setting } });
      } else if (SETOPT_PROGRAMS.has(program)) {
        // `--setopt=k=v`, `--setopt k=v`, and dnf5's `config-manager setopt k=v …`.
        const isValue = a.value.startsWith('--setopt=') || args[i - 1]?.value === '--setopt' || args.slice(0, i).some((w) => w.value === 'setopt');
        const hit = isValue ? setoptHit(program, a) : undefined;
        if (hit) hits.push(hit);
      }
    }
  } else if (program === 'npm' || program === 'yarn' || program === 'pnpm') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.value === '--strict-ssl=false' || a.value === '--no-strict-ssl') flag(a, 'tlsDisabled');
      else if (/^(?:strict-ssl|enableStrictSsl)=false$/.test(a.value)) {
        hits.push({ at: a.range, messageId: 'configDisablesTls', data: { tool: program, setting: a.value } });
      } else if ((a.value === 'strict-ssl' || a.value === 'enableStrictSsl') && FALSE_VALUE.test(args[i + 1]?.value ?? '')) {
        hits.push({ at: span(a, args[i + 1]), messageId: 'configDisablesTls', data: { tool: program, setting: `${a.value} ${args[i + 1].value}` } });
      }
    }
  } else if (program === 'git') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const eq = a.value.indexOf('=');
      if (args[i - 1]?.value === '-c' && eq > 0 && GIT_SSL_VERIFY_KEY.test(a.value.slice(0, eq)) && FALSE_VALUE.test(a.value.slice(eq + 1))) {
        hits.push({ at: a.range, messageId: 'configDisablesTls', data: { tool: 'git', setting: a.value } });
      } else if (GIT_SSL_VERIFY_KEY.test(a.value) && args.some((w) => w.value === 'config') && FALSE_VALUE.test(args[i + 1]?.value ?? '')) {
        hits.push({ at: span(a, args[i + 1]), messageId: 'configDisablesTls', data: { tool: 'git', setting: `${a.value} ${args[i + 1].value}` } });
      }
    }
  } else if (program === 'export') {
    for (const a of args) {
      const hit = /^[A-Za-z_]\w*=/.test(a.value) ? assignmentHit(a) : undefined;
      if (hit) hits.push(hit);
    }
  } else if (program === 'echo' || program === 'printf' || program === 'sed') {
    hits.push(...writtenConfigHits(program, args));
  }
  return hits;
}
