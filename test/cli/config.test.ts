import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, toLintOptions } from '../../server/src/engine/config';
import { findConfigFile } from '../../server/src/files/configFiles';
import { tempTree } from './harness';
import { normalizeSettings, toLintOptions as serverLintOptions } from '../../server/src/handlers/config';
import { parseWorkspaceConfig } from '../../server/src/handlers/workspaceConfigs';

const IDS = new Set(['no-privileged', 'no-root-user']);

describe('parseConfig', () => {
  it('reads every supported key', () => {
    const text = 'preset: strict\nrules:\n  no-privileged: warning\n  no-root-user: off\nexclude:\n  - vendor/**\nlimits:\n  memory: 1g\n  cpus: 0.5\n  pids: 100\nuser: 20000\n';
    assert.deepEqual(parseConfig(text, IDS), {
      config: {
        preset: 'strict',
        rules: { 'no-privileged': 'warning', 'no-root-user': 'off' },
        exclude: ['vendor/**'],
        limits: { memory: '1g', cpus: '0.5', pids: '100' },
        user: '20000',
      },
      problems: [],
    });
  });

  it('an empty file is the defaults, with no problem', () => {
    assert.deepEqual(parseConfig('# nothing yet\n', IDS), { config: { rules: {}, exclude: [], limits: {} }, problems: [] });
  });

  it('reports unknown keys, unknown rules and bad values with positions, and keeps the good ones', () => {
    const text = 'preset: lax\nrules:\n  no-privileged: fatal\n  no-such-rule: off\n  no-root-user: error\nlimits:\n  memory: lots\n  swap: 1g\nuser: 0\nexclude: vendor\nextra: 1\n';
    const { config, problems } = parseConfig(text, IDS);
    assert.deepEqual(config, { rules: { 'no-root-user': 'error' }, exclude: [], limits: {} });
    assert.deepEqual(problems, [
      { message: 'preset must be one of recommended, strict, pss-baseline, pss-restricted', line: 1, column: 9 },
      { message: 'rule "no-privileged": severity must be one of off, info, warning, error', line: 3, column: 18 },
      { message: 'unknown rule "no-such-rule"', line: 4, column: 3 },
      { message: 'limits.memory must be a size such as 512m or 1g', line: 7, column: 11 },
      { message: 'limits: unknown key "swap" (expected memory, cpus or pids)', line: 8, column: 3 },
      { message: 'user must be a non-root numeric uid such as 10001', line: 9, column: 7 },
      { message: 'exclude must be a list of glob patterns', line: 10, column: 10 },
      { message: 'unknown key "extra" (expected one of: preset, rules, exclude, limits, user, hosts, maxFileSize, maxAliasNodes, trustedRegistries)', line: 11, column: 1 },
    ]);
  });

  it('reads trustedRegistries: hosts, ports, wildcard subdomains and paths, and reports entries that are none', () => {
    const text = 'trustedRegistries:\n  - ghcr.io/my-org\n  - registry.example.com:5000/\n  - "*.example.net"\n  - https://quay.io\n  - 42\n';
    const { config, problems } = parseConfig(text, IDS);
    assert.deepEqual(config.trustedRegistries, ['ghcr.io/my-org', 'registry.example.com:5000', '*.example.net']);
    const entryProblem = 'trustedRegistries: each entry must be a registry host, optionally with a port and a path (ghcr.io/my-org, *.example.com), without a scheme';
    assert.deepEqual(problems, [
      { message: entryProblem, line: 5, column: 5 },
      { message: entryProblem, line: 6, column: 5 },
    ]);
    assert.deepEqual(toLintOptions(config).trustedRegistries, ['ghcr.io/my-org', 'registry.example.com:5000', '*.example.net']);
    assert.deepEqual(parseConfig('trustedRegistries: ghcr.io\n', IDS).problems, [{ message: 'trustedRegistries must be a list of registry hosts such as ghcr.io or registry.example.com:5000', line: 1, column: 20 }]);
  });

  it('the language server takes trustedRegistries from the workspace file', () => {
    const workspace = parseWorkspaceConfig('trustedRegistries: [ghcr.io/my-org]\n').config;
    assert.deepEqual(serverLintOptions(normalizeSettings({}), workspace).trustedRegistries, ['ghcr.io/my-org']);
    assert.equal(serverLintOptions(normalizeSettings({}), parseWorkspaceConfig('').config).trustedRegistries, undefined);
  });

  it('malformed YAML gives exactly one problem and the defaults', () => {
    const { config, problems } = parseConfig('rules:\n  no-privileged: off\n bad: [\n', IDS);
    assert.deepEqual(config, { rules: {}, exclude: [], limits: {} });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^not valid YAML \(.+\); using the defaults$/);
  });

  it('a document that is not a mapping is one problem', () => {
    assert.deepEqual(parseConfig('- a\n- b\n', IDS).problems, [{ message: 'the config must be a mapping (preset, rules, exclude, limits, user); using the defaults', line: 1, column: 1 }]);
  });

  it('is data only: YAML tags are not evaluated', () => {
    const { config, problems } = parseConfig('user: !!js/function "function(){ return 1 }"\n', IDS);
    assert.equal(config.user, undefined);
    assert.ok(problems.length >= 1);
  });
});

describe('toLintOptions', () => {
  it('maps limits and user to fix settings; overrides win', () => {
    const { config } = parseConfig('preset: strict\nrules:\n  no-privileged: info\nlimits:\n  memory: 1g\nuser: 20000\n', IDS);
    assert.deepEqual(toLintOptions(config, { rules: { 'no-privileged': 'off' } }), {
      preset: 'strict',
      rules: { 'no-privileged': 'off' },
      settings: { memory: '1g', uid: '20000' },
    });
    assert.equal(toLintOptions(config, { preset: 'recommended' }).preset, 'recommended');
  });
});

describe('findConfigFile', () => {
  it('finds the nearest config going up, preferring .capdrop.yaml, and stops at the repository root', () => {
    const root = tempTree({ '.capdrop.yml': 'preset: strict\n', 'a/.capdrop.yaml': '{}\n', 'a/.capdrop.yml': '{}\n', 'a/b/c/x': '' });
    assert.equal(findConfigFile(path.join(root, 'a/b/c')), path.join(root, 'a/.capdrop.yaml'));
    assert.equal(findConfigFile(root), path.join(root, '.capdrop.yml'));
    fs.mkdirSync(path.join(root, 'a/b/.git'));
    assert.equal(findConfigFile(path.join(root, 'a/b/c')), undefined);
  });

  it('answers the same with a cache of walked directories shared across lookups, in any order', () => {
    const root = tempTree({
      '.capdrop.yml': '{}\n',
      'a/.capdrop.yaml': '{}\n',
      'a/b/c/d/x': '',
      'a/e/x': '',
      'f/g/x': '',
      'h/.git/x': '',
      'h/i/j/x': '',
      'h/k/.capdrop.yml': '{}\n',
      'h/k/l/x': '',
    });
    const dirs = ['a/b/c/d', 'a/b/c', 'a/e', 'a', 'f/g', 'f', '', 'h/i/j', 'h/i', 'h', 'h/k/l', 'h/k'].map((d) => path.join(root, d));
    const expected = dirs.map((d) => findConfigFile(d));
    assert.deepEqual(expected.map((f) => f && path.relative(root, f)), ['a/.capdrop.yaml', 'a/.capdrop.yaml', 'a/.capdrop.yaml', 'a/.capdrop.yaml', '.capdrop.yml', '.capdrop.yml', '.capdrop.yml', undefined, undefined, undefined, 'h/k/.capdrop.yml', 'h/k/.capdrop.yml']);
    for (const order of [dirs, [...dirs].reverse(), [...dirs.slice(6), ...dirs.slice(0, 6)]]) {
      const known = new Map<string, string | undefined>();
      for (const d of order) assert.equal(findConfigFile(d, known), expected[dirs.indexOf(d)], path.relative(root, d));
    }
  });
});
