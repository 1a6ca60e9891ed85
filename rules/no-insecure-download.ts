import { defineRule } from '../server/src/engine/ruleApi';
import { isKnown } from '../server/src/model/located';
import { effectiveCommand, programName, simpleCommandsMentioning } from './support/shell-commands';
import { apkInstallsLocalFilesOnly } from './support/apk-local-packages';
import { assignmentHit, commandHits, MAY_DISABLE_CHECKS, TLS_ENV, type Hit } from './support/insecure-download';

export default defineRule({
  id: 'no-insecure-download',
  title: 'Do not turn off TLS or signature checks for downloads',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'run', 'kubernetes'],
  docs: {
    rationale:
      "Switches that turn off TLS certificate checks or package signature checks let anyone between the container and the server (a proxy, a poisoned mirror, a hostile network) replace what it installs or fetches. Reported: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host` (and `pip config set global.trusted-host`); the package managers' signature switches (`apt-get --allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes`, `-o Acquire::AllowInsecureRepositories=true`; `yum`/`dnf`/`microdnf`/`tdnf --nogpgcheck`; `rpm --nosignature`, `--nodigest`, `--nofiledigest`, `--noverify`; `zypper --no-gpg-checks`; `apk --allow-untrusted`); apt's `-o Acquire::https::Verify-Peer=false`; `gpgcheck=0` or `sslverify=0` given to `--setopt` or written into a repository file (`echo`, `printf`, the replacement of a `sed` substitution), `deb [trusted=yes] …` and wget's `check_certificate = off`; `npm`/`yarn`/`pnpm config set strict-ssl false`; `git config http.sslVerify false` and `git -c http.sslVerify=false`; and the environment variables that do the same (`NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY` with any value, `PYTHONHTTPSVERIFY=0`, `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, `PIP_TRUSTED_HOST`, `GOINSECURE`, `GOFLAGS=-insecure`, `BUNDLE_SSL_VERIFY_MODE=0`) in `ENV`, `ARG` defaults and `RUN`. In a Dockerfile they expose the build; in a Compose service's `environment:`/`command:` or a `docker run -e`/command they expose every download and HTTPS call the running container makes, so they are reported there too. `ADD https://…` without `--checksum` trusts whatever the server sends that day. `apk add --allow-untrusted` on package files already in the build (`/tmp/packages/*.apk` copied from a builder stage) is not reported, unless the same RUN fetches them or the build downloads an .apk. `CURL_CA_BUNDLE=\"\"` is not reported: only requests before 2.28 read it as \"no checks\", and curl ignores an empty value.",
    whenNotToUse:
      'Builds that only reach an internal mirror over a network you control; even then, installing the internal CA certificate (`COPY ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`) or importing the repository key is the better fix.',
    references: [
      'CIS Docker Benchmark 4.11: Ensure only verified packages are installed',
      'https://docs.docker.com/reference/dockerfile/#verifying-a-remote-file-checksum-add---checksumchecksum-http-src-dest',
      'https://curl.se/docs/sslcerts.html',
      'https://manpages.debian.org/stable/apt/apt-get.8.en.html',
      'https://man7.org/linux/man-pages/man8/rpm.8.html',
      'https://go.dev/ref/mod#environment-variables',
    ],
    sameAs: [
      { tool: 'checkov', id: 'CKV2_DOCKER_2 (curl)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_3 (wget)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_4 (pip --trusted-host)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_5 (PYTHONHTTPSVERIFY)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_6 (NODE_TLS_REJECT_UNAUTHORIZED)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_7 (apk --allow-untrusted)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_8 (apt-get --allow-unauthenticated)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_9 (yum/dnf/rpm --nogpgcheck)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_10 (rpm --nosignature, --nodigest, --nofiledigest, --noverify)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_11 (apt-get --force-yes)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_12 (NPM_CONFIG_STRICT_SSL)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_13 (npm/yarn config set strict-ssl false)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_14 (GIT_SSL_NO_VERIFY)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_15 (yum/dnf sslverify)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_16 (PIP_TRUSTED_HOST)' },
      { tool: 'checkov', id: 'CKV2_DOCKER_18 (GOINSECURE)' },
    ],
    examples: {
      bad: [
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSLk -o /tmp/tool.tgz https://example.com/tool.tgz\n' },
        { kind: 'dockerfile', code: 'FROM rockylinux:9.3\nRUN dnf install -y --nogpgcheck https://example.com/tool.rpm\n' },
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n' },
        { kind: 'compose', code: 'services:\n  app:\n    image: node:22.9\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n' },
      ],
      good: [
        { kind: 'dockerfile', code: 'FROM debian:12\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz\n' },
        { kind: 'dockerfile', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n' },
        { kind: 'run', code: 'docker run -e NODE_EXTRA_CA_CERTS=/certs/internal-ca.pem node:22.9\n' },
      ],
    },
  },
  messages: {
    tlsDisabled: '{{tool}} runs with {{flag}}, which turns off TLS certificate checks so anyone on the network path can replace the download; remove it and install the CA certificate you need instead.',
    signatureDisabled: "{{tool}} runs with {{flag}}, which installs packages without checking their signatures; remove it and import the repository's signing key instead.",
    configDisablesTls: '{{tool}} is configured with {{setting}}, which turns off TLS certificate checks for every later download; remove it and install the CA certificate you need instead.',
    configDisablesSignatures: "{{tool}} is configured with {{setting}}, which installs packages without checking their signatures; remove it and import the repository's signing key instead.",
    repoConfigDisablesTls: '{{setting}} is written into a download configuration, which turns off TLS certificate checks for it; remove it and install the CA certificate you need instead.',
    repoConfigDisablesSignatures: "{{setting}} is written into a package repository configuration, which installs its packages without checking their signatures; remove it and import the repository's signing key instead.",
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
      // Package files a builder stage left in the image were checked where they were built.
      if (name && !(programName(name) === 'apk' && apkInstallsLocalFilesOnly(args, command, spec))) hits.push(...commandHits(name, args));
    }
    for (const entry of spec.env) {
      const { name, value } = entry.value;
      if (!isKnown(value)) continue;
      const disables = TLS_ENV.get(name.value);
      if (disables?.(value.value)) hits.push({ at: { start: name.range.start, end: value.range.end }, messageId: 'envDisablesTls', data: { name: name.value, value: value.value } });
    }
    for (const download of spec.downloads ?? []) {
      if (!download.value.checksum) hits.push({ at: download.range, messageId: 'addWithoutChecksum', data: { url: download.value.url } });
    }
    for (const hit of hits) ctx.report(hit);
  },
});
