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
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'list syntax',
      code: 'services:\n  app:\n    image: app:1.0\n    environment:\n      - NODE_ENV=production\n      - DB_PASSWORD=hunter2\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'DB_PASSWORD' }, line: 6, column: 21, endLine: 6, endColumn: 28 }],
      fixes: [],
    },
    {
      kind: 'compose',
      name: 'through a merge key: the finding points at the anchored value',
      code: 'x-env: &env\n  API_KEY: abc123\nservices:\n  a:\n    image: app:1.0\n    environment:\n      <<: *env\n      MODE: prod\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'API_KEY' }, line: 2, column: 12, endLine: 2, endColumn: 18 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: 'docker run split over lines',
      code: 'docker run -d \\\n  -e MYSQL_ROOT_PASSWORD=secret \\\n  mysql:8.4\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'MYSQL_ROOT_PASSWORD' }, line: 2, column: 26, endLine: 2, endColumn: 32 }],
      fixes: [],
    },
    {
      kind: 'run',
      code: 'docker run -e GITHUB_TOKEN=ghp_example app:1.0\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'GITHUB_TOKEN' }, line: 1, column: 28, endLine: 1, endColumn: 39 }],
      fixes: [],
    },
    {
      kind: 'run',
      name: '--env= with a camelCase name',
      code: 'docker run --env=apiKey=abc app:1.0\n',
      errors: [{ messageId: 'secretInEnvironment', data: { name: 'apiKey' }, line: 1, column: 25, endLine: 1, endColumn: 28 }],
      fixes: [],
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
        fixes: ['ignore'],
      },
    ],
  );
});
