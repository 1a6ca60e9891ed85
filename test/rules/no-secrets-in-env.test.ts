import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../ruleTester';
import { lint } from '../../server/src/engine/lint';
import rule from '../../rules/no-secrets-in-env';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n', name: 'a _FILE indirection names where the secret is' },
    { kind: 'dockerfile', code: 'FROM node:22\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token npm ci\n', name: 'a build arg without a default' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV TOKEN_URL=https://auth.example.com/token MAX_TOKENS=4096 AWS_ACCESS_KEY_ID=AKIAEXAMPLE\n', name: 'names that describe a secret or only contain the word' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV DB_PASSWORD=""\nENV API_KEY=$API_KEY\n', name: 'empty and variable values' },
    { kind: 'dockerfile', code: 'FROM node:22\nENV REQUIRE_PASSWORD=true\n', name: 'a switch, not a secret' },
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
    { kind: 'run', code: 'docker run -e GITHUB_TOKEN app:1.0\n', name: 'value taken from the host environment (run)' },
    { kind: 'run', code: 'docker run -e DB_PASSWORD="$DB_PASSWORD" --env-file ./secrets.env app:1.0\n' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      name: 'a placeholder is still a literal secret',
      code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n',
      errors: [{ messageId: 'secretInEnvInstruction', severity: 'warning', data: { name: 'POSTGRES_PASSWORD' }, line: 2, column: 23, endLine: 2, endColumn: 31 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a build arg default in a build stage',
      code: 'FROM node:22 AS build\nARG NPM_TOKEN=npm_abc123\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n',
      errors: [{ messageId: 'secretInBuildArg', data: { name: 'NPM_TOKEN' }, line: 2, column: 15, endLine: 2, endColumn: 25 }],
      fixes: [],
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
