import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRootedReader } from '../../server/src/files/rootedReader';
import { ruleTester } from '../ruleTester';
import { lint } from '../../server/src/engine/lint';
import rule from '../../rules/no-secrets-in-env';

ruleTester.run(rule, {
  valid: [
    { kind: 'run', code: 'docker run -e POSTGRES_PASSWORD=<password> postgres:17', name: 'a placeholder value is no literal secret' },
    { kind: 'dockerfile', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n', name: 'a _FILE indirection names where the secret is' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV TOKEN_URL=https://auth.example.com/token MAX_TOKENS=4096 AZURE_CLIENT_ID=0e9f6a1c-1234\n', name: 'names that describe a secret or only contain the word' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV DB_PASSWORD=""\nENV API_KEY=$API_KEY\n', name: 'empty and variable values' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV REQUIRE_PASSWORD=true\n', name: 'a switch, not a secret' },
    { kind: 'dockerfile', code: 'FROM node:22\nARG BASIC_AUTH\nARG GPG_KEY\nARG NPM_CONFIG_REGISTRY\nARG VITE_API_KEY\n', name: 'ARGs without a default whose names are not secrets (an auth word needs a value to tell)' },
    { kind: 'compose', code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD:-dev}@db/app\n', name: 'a URL password filled in from a variable, even with a default' },
    { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n' },
    { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD\n', name: 'value taken from the host environment' },
    {
      kind: 'compose',
      name: 'a switch and a path to a mounted secret',
      code: "services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_RANDOM_ROOT_PASSWORD: '1'\n      DATABASE_PASSWORD: /run/secrets/db-password\n",
    },
    { kind: 'compose', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n', name: 'unknown value stays silent' },
    {
      kind: 'compose',
      name: 'an interpolation with a default comes from outside the file',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n',
    },
    {
      kind: 'compose',
      name: 'an application whose own variables start with SECRET_ (hosts, numbers, language codes)',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      SECRET_LOCAL_HOSTNAME: 0.0.0.0\n      SECRET_PORT: 3000\n      SECRET_MAX_TEXT_SIZE: 256\n      SECRET_FORCED_LANGUAGE: en\n      SECRET_REDIS_HOST: redis\n',
    },
    {
      kind: 'compose',
      name: 'names whose head is not a secret, false friends and public values',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      PASSWORD_MIN_LENGTH: "12"\n      AZURE_CLIENT_ID: 0e9f6a1c\n      ADMIN_PASSWORD_HASH: "$$2a$$14$$1l.IozJx7xQRVmlkEQ32OeEEfP5mRxTpbDTCTcXRqn19gXD8YK1pO"\n      PWD: /app\n      PASSENGER_APP_ENV: production\n      BYPASS: proxy\n      COMPASS: north\n      GPG_KEY: B42F6819007F00F88E364FD4036A9C25BF357DD4\n      VITE_API_KEY: abc123\n      STRIPE_PUBLISHABLE_KEY: pk_test_abc\n',
    },
    {
      kind: 'compose',
      name: 'values that are paths, hosts, URLs without a password, hashes and placeholders that cannot work as written',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      SSH_PRIVATE_KEY: ./keys/private.pem\n      GOOGLE_APPLICATION_CREDENTIALS: /secrets/gcp.json\n      DB_PASSWORD: <your-password>\n      API_TOKEN: "{{ .Values.token }}"\n      REDIS_PASSWORD: xxx\n      DATABASE_URL: postgres://app@db:5432/app\n      CACHE_URL: redis://:${REDIS_PASSWORD}@cache:6379\n      AUTH: ldap\n      SSH_KEY: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host\n',
    },
    { kind: 'dockerfile', code: 'FROM node:22\nENV S3_KEY=AKIAIOSFODNN7EXAMPLE MAX_TOKENS=4096\n', name: "AWS's documentation key id under a name that is not a secret, and a count of tokens" },
    { kind: 'run', code: 'docker run -e PWD=/work -e DATABASE_URL=mysql://root@db/app app:1.0\n', name: 'the shell working directory and a URL without a password (run)' },
    {
      kind: 'dockerfile',
      name: 'commands that take secrets from variables, secret mounts and stdin, switches named like secrets, gpg keys',
      code:
        'FROM debian:12\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci\nRUN curl -u "$CI_USER:$CI_PASSWORD" -fsSLO https://example.com/a.tgz\nRUN mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "select 1"\n' +
        'RUN pg_dump --no-password app > /dump.sql && ansible-playbook --ask-pass site.yml\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n' +
        'RUN echo "$TOKEN" | docker login -u bot --password-stdin ghcr.io\nRUN export NPM_TOKEN=$(cat /run/secrets/npm) && npm ci\nLABEL org.opencontainers.image.source=https://github.com/org/app maintainer.password-policy=strict\n',
    },
    { kind: 'compose', code: 'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]\n', name: 'a command that takes its secret from a variable' },
    { kind: 'run', code: 'docker run -e GITHUB_TOKEN app:1.0\n', name: 'value taken from the host environment (run)' },
    { kind: 'run', code: 'docker run -e DB_PASSWORD="$DB_PASSWORD" --env-file ./secrets.env app:1.0\n' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'a placeholder that asks to be replaced is information under a password name',
      code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n',
      errors: [{ messageId: 'placeholderPassword', severity: 'info', data: { name: 'POSTGRES_PASSWORD', value: 'changeme' }, line: 2, column: 23, endLine: 2, endColumn: 31 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build arg default in a build stage',
      code: 'FROM node:22 AS build\nARG NPM_TOKEN=npm_abc123\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n',
      errors: [{ messageId: 'secretInBuildArg', data: { name: 'NPM_TOKEN' }, line: 2, column: 15, endLine: 2, endColumn: 25 }],
      fixes: [
        {
          messageId: 'readFromBuildSecret',
          output: 'FROM node:22 AS build\nRUN --mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'ENV in the legacy space form',
      code: 'FROM python:3.12\nENV SECRET_KEY django-insecure-xyz\n',
      errors: [{ messageId: 'secretInEnvInstruction', data: { name: 'SECRET_KEY' }, line: 2, column: 16, endLine: 2, endColumn: 35 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a quoted value among other pairs',
      code: 'FROM node:22\nENV NODE_ENV=production JWT_SECRET="s3cr3t"\n',
      errors: [{ messageId: 'secretInEnvInstruction', data: { name: 'JWT_SECRET' }, line: 2, column: 36, endLine: 2, endColumn: 44 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'CRLF and a continued ENV',
      code: 'FROM node:22\r\nENV APP_PORT=8080 \\\r\n    STRIPE_API_KEY=sk_test_123\r\n',
      errors: [{ messageId: 'secretInEnvInstruction', data: { name: 'STRIPE_API_KEY' }, line: 3, column: 20, endLine: 3, endColumn: 31 }],
      fixes: [],
    },
    {
      kind: 'compose',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "hunter2"\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'POSTGRES_PASSWORD' }, line: 5, column: 26, endLine: 5, endColumn: 35 }],
      fixes: [{ messageId: 'readFromEnvironment', safety: 'review', output: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD:?}"\n' }],
    },
    {
      kind: 'compose',
      name: 'list syntax',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      - NODE_ENV=production\n      - DB_PASSWORD=hunter2\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'DB_PASSWORD' }, line: 6, column: 21, endLine: 6, endColumn: 28 }],
      fixes: [], // the compose writer does not rewrite part of a list item
    },
    {
      kind: 'compose',
      name: 'through a merge key: the finding points at the anchored value',
      code: 'x-env: &env\n  API_KEY: abc123\nservices:\n  a:\n    image: app:1.0\n    environment:\n      <<: *env\n      MODE: prod\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'API_KEY' }, line: 2, column: 12, endLine: 2, endColumn: 18 }],
      fixes: [], // a value shared through an anchor is not rewritten
    },
    {
      kind: 'run',
      name: 'docker run split over lines',
      code: 'docker run -d \\\n  -e MYSQL_ROOT_PASSWORD=secret \\\n  mysql:8.4\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'MYSQL_ROOT_PASSWORD' }, line: 2, column: 26, endLine: 2, endColumn: 32 }],
      fixes: [{ messageId: 'passFromHost', safety: 'review', output: 'docker run -d \\\n  -e MYSQL_ROOT_PASSWORD \\\n  mysql:8.4\n' }],
    },
    {
      kind: 'run',
      code: 'docker run -e GITHUB_TOKEN=ghp_example app:1.0\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'GITHUB_TOKEN' }, line: 1, column: 28, endLine: 1, endColumn: 39 }],
      fixes: [{ messageId: 'passFromHost', output: 'docker run -e GITHUB_TOKEN app:1.0\n' }],
    },
    {
      kind: 'run',
      name: '--env= with a camelCase name',
      code: 'docker run --env=apiKey=abc app:1.0\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'apiKey' }, line: 1, column: 25, endLine: 1, endColumn: 28 }],
      fixes: [{ messageId: 'passFromHost', output: 'docker run --env=apiKey app:1.0\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'a secret-named ARG without a default: the RUN steps that use it read a build secret instead',
      code: 'FROM node:22\nWORKDIR /app\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\nRUN npm run build\n',
      errors: [{ messageId: 'secretBuildArgName', data: { name: 'NPM_TOKEN' }, line: 3, column: 5, endLine: 3, endColumn: 14 }],
      fixes: [
        {
          messageId: 'readFromBuildSecret',
          output: 'FROM node:22\nWORKDIR /app\nRUN --mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\nRUN npm run build\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'an ARG that no step names: every later RUN of its stage had it in its environment, so each gets the mount',
      code: 'FROM amazon/aws-cli:2.17.0 AS fetch\nARG AWS_SECRET_ACCESS_KEY\nRUN --network=default aws s3 cp s3://bucket/model.bin /model.bin\nRUN <<EOF\naws s3 ls\nEOF\nFROM alpine:3.20\nRUN echo done\n',
      errors: [{ messageId: 'secretBuildArgName', data: { name: 'AWS_SECRET_ACCESS_KEY' }, line: 2, column: 5, endLine: 2, endColumn: 26 }],
      fixes: [
        {
          messageId: 'readFromBuildSecret',
          output:
            'FROM amazon/aws-cli:2.17.0 AS fetch\nRUN --network=default --mount=type=secret,id=AWS_SECRET_ACCESS_KEY,env=AWS_SECRET_ACCESS_KEY aws s3 cp s3://bucket/model.bin /model.bin\nRUN --mount=type=secret,id=AWS_SECRET_ACCESS_KEY,env=AWS_SECRET_ACCESS_KEY <<EOF\naws s3 ls\nEOF\nFROM alpine:3.20\nRUN echo done\n',
        },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'an ARG with a placeholder default, one of two on its line; a RUN that mounts it already is left as it is',
      code: 'FROM golang:1.23\nARG GOPROXY=direct GITHUB_TOKEN=<token>\nRUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN go mod download\n',
      errors: [{ messageId: 'secretBuildArgName', data: { name: 'GITHUB_TOKEN' }, line: 2, column: 20, endLine: 2, endColumn: 32 }],
      fixes: [{ messageId: 'readFromBuildSecret', output: 'FROM golang:1.23\nARG GOPROXY=direct\nRUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN go mod download\n' }],
    },
    {
      kind: 'dockerfile',
      name: 'no fix for an ARG before FROM or one an ENV copies',
      code: 'ARG DEPLOY_KEY\nFROM alpine:3.20\nARG API_TOKEN\nENV TOKEN=$API_TOKEN\n',
      errors: [
        { messageId: 'secretBuildArgName', data: { name: 'DEPLOY_KEY' }, line: 1, column: 5, endLine: 1, endColumn: 15 },
        { messageId: 'secretBuildArgName', data: { name: 'API_TOKEN' }, line: 3, column: 5, endLine: 3, endColumn: 14 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a literal password next to a variable in a URL',
      code: 'FROM python:3.12\nENV DATABASE_URL=postgres://app:s3cret@${DB_HOST}:5432/app\n',
      errors: [{ messageId: 'credentialInEnvInstruction', data: { name: 'DATABASE_URL', what: 'a password in a URL' }, line: 2, column: 33, endLine: 2, endColumn: 39 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'secrets in RUN steps: a token in a URL, a private key, a secret-named variable, flag and MySQL password',
      code:
        'FROM alpine:3.20\nRUN git clone https://oauth2:glpat-abcdefghij0123456789@gitlab.com/org/repo.git\nRUN echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id_ed25519\n' +
        'RUN export NPM_TOKEN=abc123 && npm ci\nRUN docker login -u bot --password hunter2 registry.example.com\nRUN mysql -uroot -psecret -e "select 1"\n',
      errors: [
        { messageId: 'credentialInRun', data: { what: 'a GitLab token' }, line: 2, column: 30, endLine: 2, endColumn: 56 },
        { messageId: 'credentialInRun', data: { what: 'a private key' }, line: 3, column: 11, endLine: 3, endColumn: 46 },
        { messageId: 'secretInRun', data: { name: 'NPM_TOKEN' }, line: 4, column: 22, endLine: 4, endColumn: 28 },
        { messageId: 'secretInRun', data: { name: 'password' }, line: 5, column: 36, endLine: 5, endColumn: 43 },
        { messageId: 'secretInRun', data: { name: 'password' }, line: 6, column: 20, endLine: 6, endColumn: 26 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a HEALTHCHECK with a password and labels with a credential and a secret',
      code: 'FROM mysql:8.4\nHEALTHCHECK CMD mysqladmin ping -uroot -proot\nLABEL deploy.url=https://ci:tok3n@example.com deploy.api_key=abc123def\n',
      errors: [
        { messageId: 'secretInImageCommand', data: { instruction: 'HEALTHCHECK', name: 'password' }, line: 2, column: 42, endLine: 2, endColumn: 46 },
        { messageId: 'credentialInLabel', data: { name: 'deploy.url', what: 'a password in a URL' }, line: 3, column: 29, endLine: 3, endColumn: 34 },
        { messageId: 'secretInLabel', data: { name: 'deploy.api_key' }, line: 3, column: 62, endLine: 3, endColumn: 71 },
      ],
      fixes: [],
    },
    {
      kind: 'compose',
      name: "a password in a container's command",
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass s3cret --appendonly yes\n',
      errors: [{ messageId: 'secretInCommand', data: { name: 'requirepass' }, line: 4, column: 41, endLine: 4, endColumn: 47 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: "a password in the container's command (run)",
      code: 'docker run -d redis:7 redis-server --requirepass=s3cret\n',
      errors: [{ messageId: 'secretInCommand', data: { name: 'requirepass' }, line: 1, column: 50, endLine: 1, endColumn: 56 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a token in an exec-form CMD',
      code: 'FROM python:3.12\nCMD ["python", "bot.py", "--slack", "xoxb-123456789012-abcdefABCDEF"]\n',
      errors: [{ messageId: 'credentialInImageCommand', data: { instruction: 'CMD', what: 'a Slack token' }, line: 2, column: 38, endLine: 2, endColumn: 68 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'a database URL with a password in an exec-form command',
      code: 'services:\n  migrate:\n    image: migrate/migrate:v4.17.1\n    command: ["-path", "/migrations", "-database", "postgres://app:s3cret@db:5432/app?sslmode=disable", "up"]\n',
      errors: [{ messageId: 'credentialInCommand', data: { what: 'a password in a URL' }, line: 4, column: 68, endLine: 4, endColumn: 74 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'placeholders that ask to be replaced: information for passwords; an example value is a literal secret',
      code: 'services:\n  crm:\n    image: espocrm/espocrm:9\n    environment:\n      ESPOCRM_ADMIN_PASSWORD: your_admin_password\n      MYSQL_ROOT_PASSWORD: notSecureChangeMe\n      GOOGLE_API_KEY: GOOGLE_API_KEY_VAL\n      ETCD_DISCOVERY_TOKEN: INSERT_ETCD_DISCOVERY_TOKEN\n      MYSQL_PASSWORD: example\n',
      errors: [
        { messageId: 'placeholderPassword', severity: 'info', data: { name: 'ESPOCRM_ADMIN_PASSWORD', value: 'your_admin_password' }, line: 5, column: 31, endLine: 5, endColumn: 50 },
        { messageId: 'placeholderPassword', severity: 'info', data: { name: 'MYSQL_ROOT_PASSWORD', value: 'notSecureChangeMe' }, line: 6, column: 28, endLine: 6, endColumn: 45 },
        { messageId: 'secretInEnvironment', severity: 'warning', data: { name: 'MYSQL_PASSWORD' }, line: 9, column: 23, endLine: 9, endColumn: 30 },
      ],
      fixes: [
        { messageId: 'readFromEnvironment', output: "services:\n  crm:\n    image: espocrm/espocrm:9\n    environment:\n      ESPOCRM_ADMIN_PASSWORD: your_admin_password\n      MYSQL_ROOT_PASSWORD: notSecureChangeMe\n      GOOGLE_API_KEY: GOOGLE_API_KEY_VAL\n      ETCD_DISCOVERY_TOKEN: INSERT_ETCD_DISCOVERY_TOKEN\n      MYSQL_PASSWORD: \"${MYSQL_PASSWORD:?}\"\n" },
      ],
    },
    {
      kind: 'dockerfile',
      name: 'an access key ID is half of an access key (as BuildKit, hadolint and Trivy read it)',
      code: 'FROM amazon/aws-cli:2.17.0\nARG AWS_ACCESS_KEY_ID\nENV MINIO_ACCESS_KEY_ID=minio\n',
      errors: [
        { messageId: 'secretBuildArgName', data: { name: 'AWS_ACCESS_KEY_ID' }, line: 2, column: 5, endLine: 2, endColumn: 22 },
        { messageId: 'secretInEnvInstruction', data: { name: 'MINIO_ACCESS_KEY_ID' }, line: 3, column: 25, endLine: 3, endColumn: 30 },
      ],
      fixes: [{ messageId: 'readFromBuildSecret', output: 'FROM amazon/aws-cli:2.17.0\nENV MINIO_ACCESS_KEY_ID=minio\n' }],
    },
    {
      kind: 'compose',
      name: 'PASS and PW as words and compounds ending in PASSWORD',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASS: bpm\n      RABBITMQ_DEFAULT_PASS: guest\n      WEBPASSWORD: admin\n      PIHOLE_PW: hunter2\n',
      errors: [
        { messageId: 'secretInEnvironment', data: { name: 'DB_PASS' }, line: 5, column: 16, endLine: 5, endColumn: 19 },
        { messageId: 'secretInEnvironment', data: { name: 'RABBITMQ_DEFAULT_PASS' }, line: 6, column: 30, endLine: 6, endColumn: 35 },
        { messageId: 'secretInEnvironment', data: { name: 'WEBPASSWORD' }, line: 7, column: 20, endLine: 7, endColumn: 25 },
        { messageId: 'secretInEnvironment', data: { name: 'PIHOLE_PW' }, line: 8, column: 18, endLine: 8, endColumn: 25 },
      ],
      fixes: [
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASS: \"${DB_PASS:?}\"\n      RABBITMQ_DEFAULT_PASS: guest\n      WEBPASSWORD: admin\n      PIHOLE_PW: hunter2\n" },
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASS: bpm\n      RABBITMQ_DEFAULT_PASS: \"${RABBITMQ_DEFAULT_PASS:?}\"\n      WEBPASSWORD: admin\n      PIHOLE_PW: hunter2\n" },
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASS: bpm\n      RABBITMQ_DEFAULT_PASS: guest\n      WEBPASSWORD: \"${WEBPASSWORD:?}\"\n      PIHOLE_PW: hunter2\n" },
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      DB_PASS: bpm\n      RABBITMQ_DEFAULT_PASS: guest\n      WEBPASSWORD: admin\n      PIHOLE_PW: \"${PIHOLE_PW:?}\"\n" },
      ],
    },
    {
      kind: 'compose',
      name: 'a number is a password under a password name; a user:password pair under an auth name',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      MYSQL_ROOT_PASSWORD: 123456\n      BASIC_AUTH: admin:s3cret\n',
      errors: [
        { messageId: 'secretInEnvironment', data: { name: 'MYSQL_ROOT_PASSWORD' }, line: 5, column: 28, endLine: 5, endColumn: 34 },
        { messageId: 'secretInEnvironment', data: { name: 'BASIC_AUTH' }, line: 6, column: 19, endLine: 6, endColumn: 31 },
      ],
      fixes: [
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      MYSQL_ROOT_PASSWORD: \"${MYSQL_ROOT_PASSWORD:?}\"\n      BASIC_AUTH: admin:s3cret\n" },
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      MYSQL_ROOT_PASSWORD: 123456\n      BASIC_AUTH: \"${BASIC_AUTH:?}\"\n" },
      ],
    },
    {
      kind: 'compose',
      name: 'a password in a URL whatever the name, pointed at the password',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DATABASE_URL: "postgres://app:s3cret@db:5432/app"\n',
      errors: [{ messageId: 'credentialInEnvironment', data: { name: 'DATABASE_URL', what: 'a password in a URL' }, line: 5, column: 37, endLine: 5, endColumn: 43 }],
      fixes: [
        { messageId: 'readFromEnvironment', output: "services:\n  app:\n    image: app:1.0\n    environment:\n      DATABASE_URL: \"${DATABASE_URL:?}\"\n" },
      ],
    },
    {
      kind: 'compose',
      name: 'a private key in a block scalar',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DEPLOY_CERT: |\n        -----BEGIN RSA PRIVATE KEY-----\n        MIIEpAIBAAKCAQEA\n        -----END RSA PRIVATE KEY-----\n',
      errors: [{ messageId: 'credentialInEnvironment', data: { name: 'DEPLOY_CERT', what: 'a private key' }, line: 6, column: 9, endLine: 6, endColumn: 40 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a credential in an ENV and in an ARG default',
      code: 'FROM node:22\nARG REGISTRY=https://ci:hunter2@npm.example.com/\nENV SENTRY_URL=https://sentry.example.com GH=ghp_0123456789abcdefghijABCDEFGHIJ012345\n',
      errors: [
        { messageId: 'credentialInBuildArg', data: { name: 'REGISTRY', what: 'a password in a URL' }, line: 2, column: 25, endLine: 2, endColumn: 32 },
        { messageId: 'credentialInEnvInstruction', data: { name: 'GH', what: 'a GitHub token' }, line: 3, column: 46, endLine: 3, endColumn: 86 },
      ],
      fixes: [{ messageId: 'readFromBuildSecret', output: 'FROM node:22\nENV SENTRY_URL=https://sentry.example.com GH=ghp_0123456789abcdefghijABCDEFGHIJ012345\n' }],
    },
    {
      kind: 'run',
      name: 'an AWS access key id whatever the name (run)',
      code: "docker run -e 'S3_ID=AKIAZ7VRSQ5TJN2XOR4T' app:1.0\n",
      errors: [{ messageId: 'credentialInEnvironment', data: { name: 'S3_ID', what: 'an AWS access key ID' }, line: 1, column: 22, endLine: 1, endColumn: 42 }],
      fixes: [
        { messageId: 'passFromHost', output: "docker run -e 'S3_ID' app:1.0\n" },
      ],
    },
  ],
});

// Every secret word, in the spellings names use: the rule skips the word split for names containing none
// of them, so each one must still be found (in upper, camel and kebab case).
test('each secret word is found in upper, camel and kebab case names', () => {
  const names = ['DB_PASSWORD', 'dbPasswd', 'app-secret', 'GH_TOKEN', 'stripeApiKey', 'MY_APIKEY', 'ssh-private-key', 'S3_ACCESS_KEY', 'GCP_CREDENTIALS'];
  for (const name of names) {
    const code = `services:\n  a:\n    image: app:1.0\n    environment:\n      ${name}: s3cr3t-value\n`;
    const found = lint(code, 'compose', { ruleSet: [rule] }).findings.filter((f) => f.ruleId === rule.id);
    assert.deepEqual(found.map((f) => f.data), [{ name }], name);
  }
});

test('a literal secret in an env_file is reported at the env_file entry, naming its line; .env is not read', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-env-file-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'app.env'), '# app\nDB_PASSWORD=hunter2\nAPI_TOKEN=${TOKEN}\nLOG_LEVEL=debug\n');
  fs.writeFileSync(path.join(dir, '.env'), 'ROOT_PASSWORD=kept-out-of-git\n');
  const code = 'services:\n  app:\n    image: app:1.0\n    env_file:\n      - app.env\n      - .env\n      - path: missing.env\n        required: false\n';
  const file = path.join(dir, 'compose.yaml');
  const found = lint(code, 'compose', { ruleSet: [rule], files: createRootedReader({ file, roots: [dir] }) }).findings.filter((f) => f.ruleId === rule.id);
  assert.deepEqual(
    found.map((f) => ({ messageId: f.messageId, data: f.data, text: code.slice(f.range.start, f.range.end), writtenIn: f.writtenIn, fixes: f.fixes.map((x) => x.messageId) })),
    [
      {
        messageId: 'secretInEnvFile',
        data: { name: 'DB_PASSWORD' },
        text: 'app.env',
        writtenIn: { path: path.join(dir, 'app.env'), start: { line: 1, character: 0 }, end: { line: 1, character: 19 }, label: 'DB_PASSWORD' },
        // The line's ignore and the file's.
        fixes: ['ignore', 'ignore'],
      },
    ],
  );
});

test('a credential by its shape in an env_file is reported at the env_file entry, whatever the name', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-env-file-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'db.env'), 'DATABASE_URL=postgres://app:s3cret@db:5432/app\n');
  const code = 'services:\n  app:\n    image: app:1.0\n    env_file: db.env\n';
  const file = path.join(dir, 'compose.yaml');
  const found = lint(code, 'compose', { ruleSet: [rule], files: createRootedReader({ file, roots: [dir] }) }).findings.filter((f) => f.ruleId === rule.id);
  assert.deepEqual(
    found.map((f) => ({ messageId: f.messageId, data: f.data, text: code.slice(f.range.start, f.range.end), line: f.writtenIn?.start.line, message: f.message })),
    [
      {
        messageId: 'credentialInEnvFile',
        data: { name: 'DATABASE_URL', what: 'a password in a URL' },
        text: 'db.env',
        line: 0,
        message: 'The env file read here sets DATABASE_URL to a password in a URL; keep that file out of version control, or pass the credential through a secret file instead.',
      },
    ],
  );
});
