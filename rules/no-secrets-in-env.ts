import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';

/** Word sequences that name a secret, matched against the name's words (`DB_PASSWORD` → db, password). */
const SECRET_WORDS: readonly (readonly string[])[] = [
  ['password'],
  ['passwd'],
  ['secret'],
  ['token'],
  ['api', 'key'],
  ['apikey'],
  ['private', 'key'],
  ['access', 'key'],
  ['credentials'],
];

/**
 * A last word that makes the variable describe a secret rather than hold it: `DB_PASSWORD_FILE` (the
 * Docker secrets convention), `TOKEN_URL`, `ACCESS_KEY_ID`, `PASSWORD_MIN_LENGTH`…
 */
const NOT_A_SECRET_SUFFIX = new Set([
  'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'port', 'id', 'name', 'user', 'username', 'type',
  'length', 'len', 'ttl', 'timeout', 'expiry', 'expiration', 'lifetime', 'header', 'enabled', 'required', 'policy', 'command', 'cmd',
]);

/** Splits `DB_PASSWORD`, `db-password`, `dbPassword` into lower-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function containsSequence(words: string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= words.length; i++) if (seq.every((s, k) => words[i + k] === s)) return true;
  return false;
}

/**
 * Every sequence of SECRET_WORDS contains one of these, and a name's words are substrings of the name in
 * lower case: a name without any of them needs no word split (most are like `TZ` or `NODE_ENV`; the
 * split was the rule's largest cost on the Compose corpus, profiled).
 */
const SECRET_WORD_HINT = /passw|secret|token|key|credentials/;

function isSecretName(name: string): boolean {
  if (!SECRET_WORD_HINT.test(name.toLowerCase())) return false;
  const words = nameWords(name);
  if (words.length === 0 || NOT_A_SECRET_SUFFIX.has(words[words.length - 1])) return false;
  return SECRET_WORDS.some((seq) => containsSequence(words, seq));
}

/** `${VAR:-default}` and `$VAR` values come from outside the file; only their default is written here (`$$` is a literal `$`). */
const USES_VARIABLE = /(?<!\$)\$\{?[A-Za-z_]/;
/**
 * Values that name a secret without holding one: switches (`MYSQL_RANDOM_ROOT_PASSWORD=1`,
 * `REQUIRE_PASSWORD=true`) and paths to a mounted secret (`DATABASE_PASSWORD=/run/secrets/db`).
 */
const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|none|null|0|1|\/run\/secrets\/.*)$/i;

export default defineRule({
  id: 'no-secrets-in-env',
  title: 'Do not write secrets into environment variables',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A literal password, token or key in ENV/ARG stays in every layer and in `docker history`; in a Compose file or a `docker run` line it lands in version control, shell history and `docker inspect`, where anyone who can read them can use it.',
    whenNotToUse:
      'Throw-away local test stacks whose credentials guard nothing. Names are matched by word (PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY, PRIVATE_KEY, ACCESS_KEY, CREDENTIALS); names ending in _FILE, _PATH, _URL, _ID, _USER… describe a secret rather than hold it and are not reported, nor are empty values, switches (`true`, `yes`, `1`…), paths under /run/secrets/, values taken from the host (`-e NAME`, `- NAME`) or values built from variables (`${DB_PASSWORD:-…}`). Placeholders such as `changeme` are reported: they are still literal secrets in the file.',
    references: [
      'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles',
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/compose/how-tos/use-secrets/',
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n' },
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n' },
        { kind: 'run', code: 'docker run -e GITHUB_TOKEN=ghp_example app:1.0\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n' },
        { kind: 'run', code: 'docker run -e GITHUB_TOKEN app:1.0\n' },
      ],
    },
  },
  messages: {
    secretInEnvInstruction:
      'ENV {{name}} holds a literal secret, which stays readable in every image layer; mount it at build time with RUN --mount=type=secret or pass it at run time instead.',
    secretInBuildArg:
      'ARG {{name}} has a literal secret as its default, which stays readable in the image history; mount it at build time with RUN --mount=type=secret instead.',
    secretInEnvironment:
      'The environment variable {{name}} is set to a literal secret here; pass it through a secret file ({{name}}_FILE, Compose secrets:) or an env file kept out of version control instead.',
  },
  check(spec, ctx) {
    for (const entry of spec.env) {
      const { name, value, source } = entry.value;
      if (!isKnown(value) || value.value === '' || NOT_A_SECRET_VALUE.test(value.value) || USES_VARIABLE.test(value.raw)) continue;
      if (!isSecretName(name.value)) continue;
      const messageId = source === 'env' ? 'secretInEnvInstruction' : source === 'arg' ? 'secretInBuildArg' : 'secretInEnvironment';
      ctx.report({ at: value, messageId, data: { name: name.value } });
    }
  },
});
