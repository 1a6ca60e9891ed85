import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown, type Located, type SourceRange } from '../server/src/model/located';
import type { ContainerSpec } from '../server/src/model/containerSpec';
import { effectiveCommand, programName, simpleCommandsMentioning, type SimpleCommand } from './support/shell-commands';

type MessageId = 'tlsDisabled' | 'signatureDisabled' | 'configDisablesTls' | 'envDisablesTls' | 'addWithoutChecksum';
interface Hit {
  at: SourceRange;
  messageId: MessageId;
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

/**
 * Flags that make a package manager skip signature checks, by program. A Map: `program in {…}` was
 * the costliest line of this rule (profiled), and also true for `constructor` or `toString`.
 */
const UNSIGNED_PACKAGE_FLAGS = new Map<string, RegExp>(Object.entries({
  'apt-get': /^--allow-(?:unauthenticated|insecure-repositories)$/,
  apt: /^--allow-(?:unauthenticated|insecure-repositories)$/,
  aptitude: /^--allow-untrusted$/,
  yum: /^--nogpgcheck$/,
  dnf: /^--(?:nogpgcheck|no-gpgchecks)$/,
  microdnf: /^--nogpgcheck$/,
  tdnf: /^--nogpgcheck$/,
  zypper: /^--no-gpg-checks$/,
  apk: /^--allow-untrusted$/,
  rpm: /^--nosignature$/,
}));
/** apt `-o` settings with the same effect as the flags above. */
const APT_UNSIGNED_OPTION = /(?:AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)\s*=\s*(?:true|yes|1)$/i;

const FALSE_VALUE = /^(?:false|0|no|off)$/i;
const GIT_SSL_VERIFY_KEY = /^http(?:\..+)?\.sslverify$/i;

/** Environment variables that turn TLS checks off, and the values that do it (a Map: `ENV constructor=1` is not one). */
const TLS_ENV = new Map<string, (value: string) => boolean>(Object.entries({
  // git only checks that the variable is set: even `false` disables verification.
  GIT_SSL_NO_VERIFY: (v) => v !== '',
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  PYTHONHTTPSVERIFY: (v) => v === '0',
  NPM_CONFIG_STRICT_SSL: (v) => FALSE_VALUE.test(v),
  npm_config_strict_ssl: (v) => FALSE_VALUE.test(v),
  PIP_TRUSTED_HOST: (v) => v !== '',
}));

/**
 * Text that every command finding needs (case-insensitive, so it only ever matches more): the flags,
 * settings and variable names above. Commands without any are not split for this rule.
 */
const MAY_DISABLE_CHECKS =
  /insecure|no-check-certificate|trusted[-_]host|allow-?(?:unauthenticated|untrusted|downgrade)|no-?gpg|nosignature|strict[-_]?ssl|sslverify|git_ssl_no_verify|node_tls_reject_unauthorized|pythonhttpsverify|curl[^]*?-[a-z0-9#:]*k/i;

/** apk options that take a value as the next word (global ones and `add`'s `--virtual`). */
const APK_VALUE_OPTIONS = new Set(['-X', '--repository', '-p', '--root', '-t', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--timeout', '--cache-max-age', '--progress-fd']);

/** A package argument that names a file (`/tmp/packages/*.apk`, `./tool.apk`) rather than a package of a repository. */
const LOCAL_PACKAGE = /\/|\.apk$/i;

/**
 * `apk add --allow-untrusted /tmp/packages/*.apk`: every package is a file already in the build (a builder
 * stage's output copied in), so no download goes unchecked, unless the same RUN fetches it (curl, wget) or the
 * build downloads an .apk somewhere. A package named from a repository (`apk add --allow-untrusted foo`) is one.
 */
function apkInstallsLocalFilesOnly(args: Located<string>[], command: SimpleCommand, spec: ContainerSpec): boolean {
  const packages: string[] = [];
  let subcommand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i].value;
    if (arg.startsWith('-')) {
      if (APK_VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    if (subcommand === undefined) subcommand = arg;
    else packages.push(arg);
  }
  if (subcommand !== 'add' || packages.length === 0 || !packages.every((p) => LOCAL_PACKAGE.test(p))) return false;
  if (/\b(?:curl|wget)\b/.test(command.command.text.value)) return false;
  const fetchesApk = (text: string) => /https?:\/\/\S*\.apk\b/i.test(text);
  return !spec.commands.some((c) => fetchesApk(c.text.value)) && !(spec.downloads ?? []).some((d) => fetchesApk(d.value.url));
}

function span(from: Located<unknown>, to: Located<unknown>): SourceRange {
  return { start: from.range.start, end: to.range.end };
}

function assignmentHit(word: Located<string>): Hit | undefined {
  const eq = word.value.indexOf('=');
  const name = word.value.slice(0, eq);
  const value = word.value.slice(eq + 1);
  const disables = TLS_ENV.get(name);
  if (!disables || !disables(value)) return undefined;
  return { at: word.range, messageId: 'envDisablesTls', data: { name, value } };
}

function commandHits(name: Located<string>, args: Located<string>[]): Hit[] {
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
  } else if (UNSIGNED_PACKAGE_FLAGS.has(program)) {
    const pattern = UNSIGNED_PACKAGE_FLAGS.get(program)!;
    for (const a of args) {
      if (pattern.test(a.value) || (program.startsWith('apt') && APT_UNSIGNED_OPTION.test(a.value))) flag(a, 'signatureDisabled');
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
  }
  return hits;
}

export default defineRule({
  id: 'no-insecure-download',
  title: 'Do not turn off TLS or signature checks for downloads',
  severity: 'warning',
  inputs: ['dockerfile'],
  docs: {
    rationale:
      'Flags such as `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `apt-get --allow-unauthenticated` or `NODE_TLS_REJECT_UNAUTHORIZED=0` let anyone between the build and the server (a proxy, a poisoned mirror, a hostile network) replace what the image installs; `ADD https://…` without `--checksum` trusts whatever the server sends that day. `apk add --allow-untrusted` on package files already in the build (`/tmp/packages/*.apk` copied from a builder stage) is not reported, unless the same RUN fetches them or the build downloads an .apk.',
    whenNotToUse:
      'Builds that only reach an internal mirror over a network you control; even then, installing the internal CA certificate (`COPY ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`) is the better fix.',
    references: [
      'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
      'https://docs.docker.com/reference/dockerfile/#verifying-a-remote-file-checksum-add---checksumchecksum-http-src-dest',
      'https://curl.se/docs/sslcerts.html',
    ],
    sameAs: [{ tool: 'checkov', id: 'CKV2_DOCKER_7' }],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSLk -o /tmp/tool.tgz https://example.com/tool.tgz\n' },
        { kind: 'dockerfile', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz\n' },
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n' },
      ],
    },
  },
  messages: {
    tlsDisabled: '{{tool}} runs with {{flag}}, which turns off TLS certificate checks so anyone on the network path can replace the download; remove it and install the CA certificate you need instead.',
    signatureDisabled: "{{tool}} runs with {{flag}}, which installs packages without checking their signatures; remove it and import the repository's signing key instead.",
    configDisablesTls: '{{tool}} is configured with {{setting}}, which turns off TLS certificate checks for every later download; remove it and install the CA certificate you need instead.',
    envDisablesTls: '{{name}}={{value}} turns off TLS certificate checks for the commands that see it; remove it and install the CA certificate you need instead.',
    addWithoutChecksum: 'ADD downloads {{url}} without --checksum, so the build accepts whatever the server sends; add --checksum=sha256:<digest of the file>.',
  },
  check(spec, ctx) {
    const hits: Hit[] = [];
    for (const command of simpleCommandsMentioning(spec, MAY_DISABLE_CHECKS, ctx.memo)) {
      for (const a of command.assignments) {
        const hit = assignmentHit(a);
        if (hit) hits.push(hit);
      }
      const { name, args } = effectiveCommand(command);
      if (!name) continue;
      const found = commandHits(name, args);
      const localPackages = programName(name) === 'apk' && found.length > 0 && apkInstallsLocalFilesOnly(args, command, spec);
      hits.push(...(localPackages ? found.filter((h) => h.messageId !== 'signatureDisabled') : found));
    }
    for (const entry of spec.env) {
      const { name, value } = entry.value;
      if (!isKnown(value)) continue;
      const disables = TLS_ENV.get(name.value);
      if (disables?.(value.value)) hits.push({ at: span(name, value), messageId: 'envDisablesTls', data: { name: name.value, value: value.value } });
    }
    for (const download of spec.downloads ?? []) {
      if (!download.value.checksum) hits.push({ at: download.range, messageId: 'addWithoutChecksum', data: { url: download.value.url } });
    }
    for (const hit of hits) ctx.report(hit);
  },
});
