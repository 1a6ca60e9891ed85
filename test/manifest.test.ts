import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The extension manifest's promises (package.json), checked against what it declares.

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

/** Settings whose workspace value cannot hide, lower or skip a finding, nor put the repository's text into a fix. */
const HARMLESS_IN_RESTRICTED_MODE = new Set(['capdrop.trace.server']);

describe('Restricted Mode in the manifest', () => {
  it('supports untrusted workspaces in a limited way', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('restricts every setting except the harmless ones, so a repository cannot change them', () => {
    const settings = Object.keys(pkg.contributes.configuration.properties).filter((k) => !HARMLESS_IN_RESTRICTED_MODE.has(k)).sort();
    assert.ok(settings.includes('capdrop.enable') && settings.includes('capdrop.rules'));
    assert.deepEqual([...(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), settings);
  });
});
