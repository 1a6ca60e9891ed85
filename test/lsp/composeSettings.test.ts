import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { lintComposeIncrementally } from '../../server/src/engine/incrementalCompose';
import { EMPTY_WORKSPACE_CONFIG, normalizeSettings, toLintOptions } from '../../server/src/handlers/config';

describe('server: capdrop.compose.environment', () => {
  it('reads string variables only, and hands them to the engine as the Compose environment', () => {
    const settings = normalizeSettings({ compose: { environment: { PG_TAG: 'latest', NUM: 3, 'BAD=NAME': 'x', EMPTY: '' } } });
    assert.deepEqual(settings.composeEnvironment, { PG_TAG: 'latest', EMPTY: '' });
    const options = toLintOptions(settings, EMPTY_WORKSPACE_CONFIG);
    assert.deepEqual(options.compose, { environment: { PG_TAG: 'latest', EMPTY: '' } });
    const findings = lint('services:\n  db:\n    image: postgres:${PG_TAG}\n', 'compose', { ...options, rules: { 'pin-image-version': 'warning' }, groupHardening: false }).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'pin-image-version').map((f) => f.message), [
      'The image "postgres:latest" uses the "latest" tag, which changes without notice; pin a version tag or a digest.',
    ]);
  });

  it('gives no environment when the setting is absent or not an object (never the server process environment)', () => {
    for (const raw of [{}, { compose: 'x' }, { compose: { environment: ['A=1'] } }, undefined]) {
      const settings = normalizeSettings(raw);
      assert.deepEqual(settings.composeEnvironment, {});
      assert.equal(toLintOptions(settings, EMPTY_WORKSPACE_CONFIG).compose, undefined);
    }
  });
});

describe('server: a large Compose file with variables', () => {
  it('is linted whole with them, not incrementally without them', () => {
    const services = Array.from({ length: 60 }, (_, i) => `  s${i}:\n    image: app:1.${i}\n    read_only: true\n    cap_drop: [ALL]\n`).join('');
    const text = `services:\n  db:\n    image: postgres:\${PG_TAG}\n${services}`;
    const options = { compose: { environment: { PG_TAG: 'latest' } }, rules: { 'pin-image-version': 'warning' as const } };
    const first = lintComposeIncrementally(text, options);
    assert.equal(first.state, undefined);
    assert.deepEqual(first.findings.filter((f) => f.ruleId === 'pin-image-version').map((f) => f.range), [{ start: 20, end: 45 }]);
    const without = lintComposeIncrementally(text, { rules: options.rules });
    assert.notEqual(without.state, undefined);
    assert.deepEqual(without.findings.filter((f) => f.ruleId === 'pin-image-version'), []);
  });

  it('lints a large file with env_file whole, so its env files are read', () => {
    const services = Array.from({ length: 60 }, (_, i) => `  s${i}:\n    image: app:1.${i}\n    read_only: true\n    cap_drop: [ALL]\n`).join('');
    const text = `services:\n  db:\n    image: postgres:16\n    env_file: db.env\n${services}`;
    const result = lintComposeIncrementally(text, { files: { path: '/p/compose.yaml', read: (rel) => (rel === 'db.env' ? { status: 'ok', path: '/p/db.env', text: 'DB_PASSWORD=hunter2\n' } : { status: 'missing' }) } });
    assert.equal(result.state, undefined);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'no-secrets-in-env').map((f) => f.data), [{ name: 'DB_PASSWORD' }]);
  });
});
