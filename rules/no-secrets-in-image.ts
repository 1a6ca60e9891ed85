import { defineRule, type Severity } from '../server/src/engine/ruleApi';
import type { BuildStage, ContainerSpec, FileCopy } from '../server/src/model/containerSpec';
import { isKnown, type Located } from '../server/src/model/located';
import { credentialFile, isPrivateKeyInSshDirectory, isSshDirectory } from './support/credential-files';
import { credentialSteps } from './support/credential-steps';
import { credentialsIn } from './support/secret-locate';

/** Variables that tell a tool where its credentials file is (Trivy DS-0031 checks the same ones). */
const CREDENTIAL_FILE_VARIABLES = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'KUBECONFIG', 'HF_TOKEN_PATH']);

export default defineRule({
  id: 'no-secrets-in-image',
  title: 'Do not bake credentials into the image',
  severity: 'warning',
  inputs: ['dockerfile'],
  docs: {
    rationale:
      'Every file a COPY, ADD or RUN step leaves in a layer ships with the image: anyone who can pull it can read a private key, a `.npmrc` token or a cloud credentials file, and deleting the file in a later step only hides it (the earlier layer keeps it). A password a RUN step sets from a literal is in the Dockerfile and in `docker history`. BuildKit mounts secrets and SSH agents for one step without writing them to any layer (`RUN --mount=type=secret`, `--mount=type=ssh`).',
    whenNotToUse:
      'Images that never leave the machine that built them. ' +
      'Reported: COPY or ADD of SSH private keys (`id_rsa`, `id_ed25519`…, or any file but `authorized_keys`, `known_hosts`, `config` and `*.pub` put into a `.ssh` directory), private keys (`*.key` except repository and signing keys such as `nginx_signing.key` or `repo.gpg.key`; `*.pem` named as keys, such as `privkey.pem` or `server-key.pem`; `*.p12`, `*.pfx`, `*.ppk`), `.npmrc`, `.yarnrc.yml`, `.pypirc`, `.netrc`, `.git-credentials`, `.pgpass`, `.my.cnf`, `.docker/config.json`, `.aws/credentials`, `.kube/config` and kubeconfigs, gcloud credentials, `credentials.json` and service-account keys, `.env` files (not `.env.example`, `.env.sample`, `.env.template`…), and the `.ssh`, `.aws`, `.azure`, `.kube`, `.gnupg` directories, by source or destination name; an ENV or ARG such as `GOOGLE_APPLICATION_CREDENTIALS` or `KUBECONFIG` that points into what a COPY puts into the image; RUN steps that log in and keep the credential in the layer (`aws configure set aws_secret_access_key`, `aws configure import`, `gcloud auth activate-service-account`, `gcloud auth login --cred-file`, `az login` except `--identity`, `docker login`, `npm config set //…/:_authToken`) unless the step mounts a secret or removes the credential itself (`docker logout`, `rm -rf ~/.aws`); RUN steps that write one of those files with `>` or `tee` unless they remove it before they end; `chpasswd` and `passwd --stdin` fed a literal password; ADD of a URL with a password. ' +
      'Files copied into a build stage that the final image does not build on are information: they are not in the image, but in that stage\'s layers and the build cache.',
    references: [
      'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles',
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/dockerfile/#run---mounttypesecret',
      'https://docs.docker.com/reference/dockerfile/#run---mounttypessh',
    ],
    sameAs: [
      { tool: 'trivy', id: 'AVD-DS-0031' },
      { tool: 'kics', id: 'a88baa34-e2ad-44ea-ad6f-8cac87bc7c71 (Passwords And Secrets, private keys and passwords by value)' },
      { tool: 'checkov', id: 'CKV_SECRET_13 (private keys by value)' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:org/private.git\n' },
        { kind: 'dockerfile', code: 'FROM node:22\nCOPY .npmrc package.json package-lock.json ./\nRUN npm ci\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@github.com:org/private.git\n' },
        { kind: 'dockerfile', code: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
      ],
    },
  },
  messages: {
    copiedFile:
      '{{instruction}} puts {{what}} ({{path}}) into the image, where anyone who can pull it reads it, in this layer even if a later step deletes it; mount it for the step that needs it (RUN --mount=type=secret, --mount=type=ssh for SSH keys) or at run time instead.',
    copiedFileInBuildStage:
      "{{instruction}} puts {{what}} ({{path}}) into a build stage: it is not in the final image, but stays in that stage's layers and the build cache; mount it for the step that needs it (RUN --mount=type=secret, --mount=type=ssh for SSH keys) instead.",
    credentialFileVariable:
      '{{variable}} {{name}} points at {{path}}, inside what COPY puts into the image, so the credentials file is baked in; mount it at run time (a volume or Compose secrets:) instead.',
    loginStored:
      'This RUN step stores {{what}} in its layer, which ships with the image; give the step the credential with RUN --mount=type=secret (or remove it before the step ends) instead.',
    loginStoredInBuildStage:
      "This RUN step stores {{what}} in a build stage's layer: not in the final image, but in the build cache; give the step the credential with RUN --mount=type=secret instead.",
    credentialFileWritten:
      'This RUN step writes {{what}} to {{path}}, which its layer keeps even if a later step deletes it; mount it for the step that needs it (RUN --mount=type=secret,target={{path}}) or remove it before the step ends instead.',
    credentialFileWrittenInBuildStage:
      "This RUN step writes {{what}} to {{path}} in a build stage: not in the final image, but in that stage's layers and the build cache; mount it for the step that needs it (RUN --mount=type=secret,target={{path}}) instead.",
    literalPassword:
      'This RUN step feeds {{tool}} a password written in the Dockerfile, which stays readable in the image history; set it when the container starts, or read it from a build secret (RUN --mount=type=secret), instead.',
    credentialInDownload:
      'ADD downloads with {{what}} written in the Dockerfile, which stays readable in the image history; download in a RUN step that reads the credential from a build secret (RUN --mount=type=secret) instead.',
  },
  check(spec, ctx) {
    const stages = spec.stages ?? [];
    const stageAt = (offset: number): BuildStage | undefined => stages.find((s) => s.range.start <= offset && offset <= s.range.end);
    // Outside any stage (a fragment without FROM) the text is judged as the image's own.
    const inImage = (offset: number) => stageAt(offset)?.inFinalImage ?? true;
    const buildStageOnly = (offset: number): { severity?: Severity } => (inImage(offset) ? {} : { severity: 'info' });

    for (const copy of spec.copies ?? []) {
      for (const { at, what, path } of copiedCredentials(copy.value)) {
        const image = inImage(copy.range.start);
        ctx.report({
          at,
          messageId: image ? 'copiedFile' : 'copiedFileInBuildStage',
          data: { instruction: copy.value.instruction, what, path },
          ...buildStageOnly(copy.range.start),
        });
      }
    }

    for (const entry of spec.env) {
      const { name, value, source } = entry.value;
      if (!CREDENTIAL_FILE_VARIABLES.has(name.value) || !isKnown(value) || !inImage(entry.range.start)) continue;
      if (copiedInto(spec, value.value, inImage)) {
        ctx.report({ at: value, messageId: 'credentialFileVariable', data: { variable: source === 'arg' ? 'ARG' : 'ENV', name: name.value, path: value.value } });
      }
    }

    for (const step of credentialSteps(spec, ctx.memo)) {
      const start = step.command.text.range.start;
      const image = inImage(start);
      if (step.kind === 'password') ctx.report({ at: step.at, messageId: 'literalPassword', data: { tool: step.what } });
      else if (step.kind === 'login') ctx.report({ at: step.at, messageId: image ? 'loginStored' : 'loginStoredInBuildStage', data: { what: step.what }, ...buildStageOnly(start) });
      else {
        const data = { what: step.what, path: step.path ?? '' };
        ctx.report({ at: step.at, messageId: image ? 'credentialFileWritten' : 'credentialFileWrittenInBuildStage', data, ...buildStageOnly(start) });
      }
    }

    for (const download of spec.downloads ?? []) {
      const url: Located<string> = { value: download.value.url, range: download.range, raw: download.raw };
      for (const c of credentialsIn(url)) ctx.report({ at: c.at, messageId: 'credentialInDownload', data: { what: c.what } });
    }
  },
});

/** The credential files a COPY or ADD names: by source, by destination file name, or by a source put into an SSH directory. */
function copiedCredentials(copy: FileCopy): { at: Located<string>; what: string; path: string }[] {
  const found: { at: Located<string>; what: string; path: string }[] = [];
  const destination = copy.destination?.value;
  const intoDirectory = destination === undefined || /[/\\]$/.test(destination) || copy.sources.length > 1;
  const sshDirectory = destination !== undefined && intoDirectory && isSshDirectory(destination);
  for (const source of copy.sources) {
    if (source.value.includes('$')) continue;
    const what = credentialFile(source.value) ?? (sshDirectory && isPrivateKeyInSshDirectory(source.value) ? 'an SSH private key' : undefined);
    if (what) found.push({ at: source, what, path: source.value });
  }
  // `COPY ./config $AWS_CONFIG_FILE`: the destination is where the tool reads its credentials.
  const variable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(destination ?? '');
  if (found.length === 0 && copy.destination && variable && CREDENTIAL_FILE_VARIABLES.has(variable[1])) {
    found.push({ at: copy.destination, what: `the file ${variable[1]} names`, path: destination! });
  }
  if (found.length === 0 && copy.destination && !intoDirectory && !destination!.includes('$')) {
    const slash = destination!.lastIndexOf('/');
    const what = credentialFile(destination!) ?? (slash > 0 && isSshDirectory(destination!.slice(0, slash)) && isPrivateKeyInSshDirectory(destination!) ? 'an SSH private key' : undefined);
    if (what) found.push({ at: copy.destination, what, path: destination! });
  }
  return found;
}

/** Whether `path` lies inside what a COPY or ADD of the final image puts there (a relative path: inside `COPY . .`). */
function copiedInto(spec: ContainerSpec, path: string, inImage: (offset: number) => boolean): boolean {
  if (!/^[\w./~-]+$/.test(path) || path.startsWith('/run/secrets/')) return false;
  const bare = (p: string) => p.replace(/^\.?\//, '').replace(/\/+$/, '');
  const file = bare(path);
  return (spec.copies ?? []).some((copy) => {
    const destination = copy.value.destination?.value;
    if (!destination || !inImage(copy.range.start) || destination.includes('$')) return false;
    const into = bare(destination);
    return into === '' || into === '.' ? !path.startsWith('/') : file.startsWith(`${into}/`);
  });
}
