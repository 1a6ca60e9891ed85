import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import type { EnvVar } from '../server/src/model/containerSpec';
import { secretName } from './support/secret-names';
import { asksForReplacement, isLiteralSecret } from './support/secret-values';
import { credentialsIn } from './support/secret-locate';
import { buildSecretEdits } from './support/build-secret-fix';
import { envSecretFixes } from './support/secret-env-fixes';
import { secretsInCommands } from './support/secret-commands';
import type { ContainerSpec, ShellCommand } from '../server/src/model/containerSpec';
import type { FixSpec } from '../server/src/engine/ruleApi';

/** `${VAR:-default}` and `$VAR` values come from outside the file; only their default is written here (`$$` is a literal `$`). */
const USES_VARIABLE = /(?<!\$)\$\{?[A-Za-z_]/;

const BY_NAME: Record<EnvVar['source'], 'secretInEnvInstruction' | 'secretInBuildArg' | 'secretInEnvironment' | 'secretInEnvFile'> = { env: 'secretInEnvInstruction', arg: 'secretInBuildArg', environment: 'secretInEnvironment', flag: 'secretInEnvironment', env_file: 'secretInEnvFile' };
const BY_VALUE: Record<EnvVar['source'], 'credentialInEnvInstruction' | 'credentialInBuildArg' | 'credentialInEnvironment' | 'credentialInEnvFile'> = { env: 'credentialInEnvInstruction', arg: 'credentialInBuildArg', environment: 'credentialInEnvironment', flag: 'credentialInEnvironment', env_file: 'credentialInEnvFile' };

export default defineRule({
  id: 'no-secrets-in-env',
  title: 'Do not write secrets into environment variables, build arguments or commands',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      'A literal password, token or key in ENV/ARG stays in every layer and in `docker history`; in a Compose file or a `docker run` line it lands in version control, shell history and `docker inspect`, where anyone who can read them can use it. A build argument named as a secret leaks even without a default: the value given with `--build-arg` is recorded in the image history and the build provenance. The same holds for a secret written into a RUN step (image history), a CMD, ENTRYPOINT, HEALTHCHECK or LABEL (image configuration), or a container\'s command (`docker inspect`, the host\'s process list).',
    whenNotToUse:
      'Throw-away local test stacks whose credentials guard nothing. ' +
      'Names are read as compound nouns whose last word says what the value is: `DB_PASSWORD`, `DB_PASS`, `DB_PWD`, `WEBPASSWORD`, `REDIS_PW`, `CLIENT_SECRET`, `GITHUB_TOKEN`, `API_KEY`, `SSH_PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`, `AWS_ACCESS_KEY_ID` (half of an access key, as BuildKit, hadolint and Trivy read it), `MASTER_KEY`, `GCP_CREDENTIALS`, `SECRET_KEY_BASE`, `WORDPRESS_AUTH_SALT` hold secrets; `DB_PASSWORD_FILE`, `PASSWORD_MIN_LENGTH`, `TOKEN_URL`, `AZURE_CLIENT_ID`, `ADMIN_PASSWORD_HASH`, `SECRET_FORCED_LANGUAGE` name something else, and `PASSENGER_*`, `BYPASS`, `COMPASS`, `GPG_KEY`, the shell\'s `PWD`, public values (`*_PUBLIC_*`, `*_PUBLISHABLE_KEY`, and the keys of `VITE_*`, `REACT_APP_*`, `GATSBY_*` variables, which front-end builds ship to every browser and so are the publishable kind by convention; a password, token or secret there is reported) are not secrets. A `…_AUTH` variable counts only when it holds `user:password`. ' +
      'Values that cannot be a literal secret are not reported: empty values, switches (`true`, `yes`, `1`…), numbers (except under a password name: `123456` is a password), paths and file names (`/run/secrets/db`, `certs/private.pem`), URLs and hosts without a password, e-mail addresses, locale codes, password hashes (`$2b$…`, `{SSHA}…`), public keys, values from the host (`-e NAME`, `- NAME`), variables (`${DB_PASSWORD:-…}`), templates (`{{ .Values.pw }}`) and placeholders that cannot work as written (`<your-password>`, `xxx`, `****`, `...`). ' +
      'A placeholder that asks to be replaced (`changeme`, `your_password`, `INSERT_TOKEN_HERE`, `GOOGLE_API_KEY_VAL`, `changeit`) holds no secret: under a password name it is information (the container runs with it as its password until someone replaces it), under other names it is not reported. Example values that do not ask for it (`example`, `secret`, `mysecretpassword`) are literal secrets: nothing tells a reader to change them. ' +
      'Whatever the name, a value holding a known credential shape is reported: a URL or connection string with a password (`postgres://app:s3cret@db`, `;Password=…`), AWS access key IDs, GitHub, GitLab, Slack, npm and PyPI tokens, Stripe live keys, Google, SendGrid and Mailchimp API keys, Slack, Teams and Discord webhook URLs and private-key blocks (AWS\'s documentation key IDs ending in EXAMPLE excepted). ' +
      'In commands, those shapes are found in any word, and names in `NAME=value` assignments (`export TOKEN=…`), secret-named flags (`--password=…`, `--requirepass …`; not switches such as `--no-password`, `--ask-pass`, `--password-stdin`), MySQL clients\' `-p<password>`, `sshpass -p` and `curl -u user:password`. ' +
      'A build argument named as a secret is reported with or without a default (an `…_AUTH` one only with a `user:password` default); its fix removes the ARG and mounts the value as a build secret in the RUN steps of its stage that name it, or in every later RUN of the stage when none does (an ARG is in the environment of each), as Docker\'s build-checks documentation shows. It needs Dockerfile syntax 1.10 (Docker 27.3) and a build run with `--secret id=NAME` instead of `--build-arg NAME=…`; no fix is offered for an ARG before the first FROM or one that an ENV or LABEL copies. ' +
       'The env files a Compose service reads (`env_file:`) are read too, each secret reported at the `env_file:` entry with its line in the env file as related information (the value is never shown); files named `.env` are not, since that is where Compose reads a project\'s variables and where its documentation puts secrets.',
    references: [
      'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles',
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
      'https://docs.docker.com/compose/how-tos/use-secrets/',
    ],
    sameAs: [
      { tool: 'buildkit', id: 'SecretsUsedInArgOrEnv' },
      { tool: 'hadolint', id: 'DL3064' },
      { tool: 'trivy', id: 'AVD-DS-0031' },
      { tool: 'kics', id: 'a88baa34-e2ad-44ea-ad6f-8cac87bc7c71 (Passwords And Secrets)' },
      { tool: 'kics', id: '781e75f7-bf43-4ab7-bae7-a08ad6607af3 (ENV Instruction Contains Secret)' },
      { tool: 'checkov', id: 'CKV_SECRET_2, CKV_SECRET_4, CKV_SECRET_13, CKV_SECRET_14, CKV_SECRET_17 (by value)' },
      { tool: 'kube-linter', id: 'env-var-secret' },
      { tool: 'checkov', id: 'CKV_K8S_35' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=s3cr3t-pw\n' },
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DATABASE_URL: postgres://app:s3cret@db:5432/app\n' },
        { kind: 'run', code: 'docker run -e GITHUB_TOKEN=ghp_example app:1.0\n' },
      ],
      good: [
        { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n      SECRET_FORCED_LANGUAGE: en\n' },
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
    credentialInEnvInstruction:
      'ENV {{name}} holds {{what}}, which stays readable in every image layer; mount it at build time with RUN --mount=type=secret or pass it at run time instead.',
    credentialInBuildArg:
      'The default of ARG {{name}} holds {{what}}, which stays readable in the image history; mount it at build time with RUN --mount=type=secret instead.',
    secretInEnvFile:
      'The env file read here sets {{name}} to a literal secret; keep that file out of version control, or pass the secret through a secret file ({{name}}_FILE, Compose secrets:) instead.',
    credentialInEnvFile:
      'The env file read here sets {{name}} to {{what}}; keep that file out of version control, or pass the credential through a secret file instead.',
    credentialInEnvironment:
      'The environment variable {{name}} holds {{what}} here; pass the credential through a secret file or an env file kept out of version control instead.',
    secretBuildArgName:
      'ARG {{name}} names a secret: a value given with --build-arg is recorded in the image history and the build provenance; mount it as a build secret instead (RUN --mount=type=secret,id={{name}},env={{name}}, built with --secret id={{name}}).',
    readFromBuildSecret: 'Read {{name}} from a build secret in the RUN steps that use it',
    placeholderPassword:
      '{{name}} is set to the placeholder "{{value}}", which works as a password until someone replaces it; set the real one at run time through a secret file or an env file kept out of version control.',
    credentialInRun:
      'This RUN step holds {{what}}, which stays readable in the image history; mount it with RUN --mount=type=secret instead.',
    secretInRun:
      'This RUN step sets {{name}} to a literal secret, which stays readable in the image history; mount it with RUN --mount=type=secret instead.',
    credentialInImageCommand:
      'This {{instruction}} holds {{what}}, which is stored in the image configuration; read it from a secret file or the environment at run time instead.',
    secretInImageCommand:
      'This {{instruction}} sets {{name}} to a literal secret, which is stored in the image configuration; read it from a secret file or the environment at run time instead.',
    credentialInCommand:
      "This command holds {{what}}, which docker inspect and the host's process list show; read it from a secret file or the environment instead.",
    secretInCommand:
      "This command sets {{name}} to a literal secret, which docker inspect and the host's process list show; read it from a secret file or the environment instead.",
    credentialInLabel: 'LABEL {{name}} holds {{what}}, which anyone who can pull the image reads with docker inspect; remove it from the label.',
    secretInLabel: 'LABEL {{name}} holds a literal secret, which anyone who can pull the image reads with docker inspect; remove it from the label.',
    readFromEnvironment: 'Take {{name}} from the environment or .env (${{{name}}:?}) instead of the file (set it there before deploying)',
    passFromHost: 'Pass {{name}} from the calling environment (-e {{name}}) instead of writing its value (export it before running)',
  },
  check(spec, ctx) {
    for (const entry of spec.env) {
      const { name, value, source } = entry.value;
      const secret = secretName(name.value);
      // A build argument turns into a build secret by one edit of the Dockerfile (see build-secret-fix.ts).
      // Built per finding: most variables are not secrets, and their fixes were most of this rule's allocations.
      const fixes = (): FixSpec<'readFromBuildSecret' | 'readFromEnvironment' | 'passFromHost'>[] =>
        source === 'arg'
          ? [{ messageId: 'readFromBuildSecret', data: { name: name.value }, safety: 'review', edit: (w) => buildSecretEdits(spec, entry, w) }]
          : envSecretFixes(spec.origin.kind, entry.value);
      // A credential in a known shape is reported whatever the variable is called, once per value.
      const credentials = value === undefined ? [] : credentialsIn(value);
      // A value read from an env file is located at the `env_file:` entry: a range inside it would not be the credential's.
      for (const c of credentials) ctx.report({ at: source === 'env_file' ? value! : c.at, messageId: BY_VALUE[source], data: { name: name.value, what: c.what }, fixes: fixes() });
      if (credentials.length > 0) continue;
      if (!isKnown(value) || USES_VARIABLE.test(value.raw)) {
        // Without a literal default, the value of a secret-named ARG comes from --build-arg, and stays in the history.
        if (source === 'arg' && secret && secret.kind !== 'auth') ctx.report({ at: name, messageId: 'secretBuildArgName', data: { name: name.value }, fixes: fixes() });
        continue;
      }
      if (!secret) continue;
      if (isLiteralSecret(value.value, secret.kind)) ctx.report({ at: value, messageId: BY_NAME[source], data: { name: name.value }, fixes: fixes() });
      else if (source === 'arg' && secret.kind !== 'auth') ctx.report({ at: name, messageId: 'secretBuildArgName', data: { name: name.value }, fixes: fixes() });
      // `changeme` holds no secret, but the container runs with it as its password until someone replaces it.
      else if (secret.kind === 'password' && asksForReplacement(value.value)) {
        ctx.report({ at: value, messageId: 'placeholderPassword', data: { name: name.value, value: value.value.trim() }, severity: 'info' });
      }
    }

    for (const label of spec.labels ?? []) {
      const { name, value } = label.value;
      if (value === undefined) continue;
      const credentials = credentialsIn(value);
      for (const c of credentials) ctx.report({ at: c.at, messageId: 'credentialInLabel', data: { name: name.value, what: c.what } });
      if (credentials.length > 0 || !isKnown(value) || USES_VARIABLE.test(value.raw)) continue;
      const secret = secretName(name.value);
      if (secret && isLiteralSecret(value.value, secret.kind)) ctx.report({ at: value, messageId: 'secretInLabel', data: { name: name.value } });
    }

    for (const found of secretsInCommands(spec, ctx.memo)) {
      const where = commandPlace(found.command, spec.origin.kind);
      const data: Record<string, string> = where === 'ImageCommand' ? { instruction: found.command.kind.toUpperCase() } : {};
      if (found.what !== undefined) ctx.report({ at: found.at, messageId: `credentialIn${where}`, data: { ...data, what: found.what } });
      else ctx.report({ at: found.at, messageId: `secretIn${where}`, data: { ...data, name: found.name ?? '' } });
    }
  },
});

/** Where a command's text ends up: a RUN in the image history, a CMD/ENTRYPOINT/HEALTHCHECK in the image configuration, a container's command in `docker inspect`. */
function commandPlace(command: ShellCommand, kind: ContainerSpec['origin']['kind']): 'Run' | 'ImageCommand' | 'Command' {
  if (kind !== 'dockerfile') return 'Command';
  return command.kind === 'run' ? 'Run' : 'ImageCommand';
}
