import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { detectKind } from '../../server/src/parse';
import { documentKind } from '../../server/src/handlers/documentKind';
import { parseConfig, toLintOptions } from '../../server/src/engine/config';
import { normalizeSettings, toLintOptions as serverLintOptions, EMPTY_WORKSPACE_CONFIG } from '../../server/src/handlers/config';

const README = '```sh\ndocker run --privileged app:1\n```\n';

describe('host detection by path', () => {
  const cases: [string, string | undefined][] = [
    ['README.md', 'markdown'],
    ['docs/install.markdown', 'markdown'],
    ['Makefile', 'makefile'],
    ['GNUmakefile', 'makefile'],
    ['build/rules.mk', 'makefile'],
    ['/repo/.github/workflows/ci.yml', 'ci'],
    ['C:\\repo\\.github\\workflows\\release.yaml', 'ci'],
    ['.gitlab-ci.yml', 'ci'],
    ['/repo/.devcontainer/devcontainer.json', 'devcontainer'],
    ['/repo/.devcontainer/python/devcontainer.json', 'devcontainer'],
    ['/repo/.devcontainer.json', 'devcontainer'],
    ['/repo/workflows/ci.yml', undefined],
    ['/repo/devcontainer.json', undefined],
    ['/repo/package.json', undefined],
  ];
  for (const [path, kind] of cases) it(path, () => assert.equal(detectKind(path), kind));
});

describe('turning a host off', () => {
  it('LintOptions.hosts false lints nothing in that kind', () => {
    assert.equal(lint(README, 'markdown').findings.filter((f) => f.ruleId === 'no-privileged').length, 1);
    assert.deepEqual(lint(README, 'markdown', { hosts: { markdown: false } }).findings, []);
    assert.equal(lint(README, 'markdown', { hosts: { makefile: false } }).findings.filter((f) => f.ruleId === 'no-privileged').length, 1);
  });

  it('.capdrop.yaml `hosts:` is validated and reaches the CLI options', () => {
    const { config, problems } = parseConfig('hosts:\n  markdown: false\n  ci: maybe\n  wiki: false\n', new Set());
    assert.deepEqual(config.hosts, { markdown: false });
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [3, 'hosts.ci must be true or false'],
      [4, 'hosts: unknown key "wiki" (expected markdown, makefile, ci, devcontainer)'],
    ]);
    assert.deepEqual(toLintOptions(config).hosts, { markdown: false });
  });

  it('capdrop.hosts.* settings and the workspace file both turn a host off in the server', () => {
    const settings = normalizeSettings({ hosts: { makefile: false, ci: 'no' } });
    assert.deepEqual(settings.hosts, { markdown: true, makefile: false, ci: true, devcontainer: true });
    const options = serverLintOptions(settings, { ...EMPTY_WORKSPACE_CONFIG, hosts: { devcontainer: false } });
    assert.deepEqual(options.hosts, { markdown: true, makefile: false, ci: true, devcontainer: false });
  });
});

describe('documents of the editor', () => {
  const cases: [string, string, string | undefined][] = [
    ['file:///repo/.github/workflows/ci.yml', 'yaml', 'ci'],
    ['vscode-vfs://github/org/repo/.github/workflows/ci.yml', 'yaml', 'ci'],
    ['file:///repo/.devcontainer/devcontainer.json', 'jsonc', 'devcontainer'],
    ['file:///repo/README.md', 'markdown', 'markdown'],
    ['file:///repo/config/app.yml', 'yaml', undefined],
  ];
  for (const [uri, language, kind] of cases) it(uri, () => assert.equal(documentKind(uri, language), kind));
});
