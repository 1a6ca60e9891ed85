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

/** A glob of an ignore file as a regular expression: `**` any path, `*` and `?` within a name. */
function globRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*');
  return new RegExp(`^${body}(?:/.*)?$`);
}

/**
 * Whether a package built with this allow-list ignore file holds `rel`, matching each file against every
 * pattern in order, the last match deciding (as vsce reads .vscodeignore; for the allow-lists of this
 * repository npm's reading of .npmignore agrees).
 */
function ships(ignoreFile: string, rel: string): boolean {
  let shipped = true;
  for (const raw of fs.readFileSync(path.join(REPO, ignoreFile), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const glob = (negated ? line.slice(1) : line).replace(/\/$/, '');
    if (globRegExp(glob).test(rel)) shipped = negated;
  }
  return shipped;
}

const REPO = path.join(__dirname, '..');

function markdownFiles(): string[] {
  const docs = (dir: string): string[] =>
    fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docs(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : []));
  return ['README.md', 'SECURITY.md', ...docs('docs')];
}

describe('links the product prints', () => {
  it('every relative link of README.md, SECURITY.md and docs/ names a file that the .vsix and the npm package ship', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const rel = path.posix.normalize(path.posix.join(path.posix.dirname(file), target.replace(/#.*$/, '')));
        if (!fs.existsSync(path.join(REPO, rel))) broken.push(`${file}: ${target} (missing)`);
        else if (!ships('.vscodeignore', rel)) broken.push(`${file}: ${target} (not in the .vsix)`);
        else if (!ships('.npmignore', rel)) broken.push(`${file}: ${target} (not in the npm package)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('no URL points at the web site or repository Capdrop does not have', () => {
    const texts = ['package.json', ...markdownFiles()];
    const sources = (dir: string): string[] =>
      fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : /\.(ts|json)$/.test(e.name) ? [`${dir}/${e.name}`] : []));
    const offenders = [...texts, ...['server', 'cli', 'client', 'rules', 'scripts', 'schemas'].flatMap(sources)].filter((f) =>
      /github\.com\/capdrop|example\.invalid/.test(fs.readFileSync(path.join(REPO, f), 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('the rule pages, the pages they link and the schema ship in the .vsix', () => {
    for (const rel of ['docs/rules/no-privileged.md', 'docs/hardening.md', 'docs/hosts.md', 'docs/editor.md', 'schemas/capdrop.schema.json']) assert.ok(ships('.vscodeignore', rel), rel);
  });
});

describe('the web extension in the .vsix', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main: string; browser: string; capabilities: { virtualWorkspaces: unknown } };

  it('names its browser entry beside the Node one, and ships both web bundles', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) assert.ok(ships('.vscodeignore', file), file);
    for (const file of ['dist/web/server.js.map', 'client/src/browserExtension.ts']) assert.ok(!ships('.vscodeignore', file), file);
  });

  // Built by `npm run package`, which `npm test` runs first; with both builds it was ~750 KB (issue 19).
  it('keeps capdrop.vsix under 1 MB', { skip: !fs.existsSync(path.join(REPO, 'capdrop.vsix')) && 'capdrop.vsix is not built (npm run package)' }, () => {
    const size = fs.statSync(path.join(REPO, 'capdrop.vsix')).size;
    assert.ok(size < 1024 * 1024, `capdrop.vsix is ${size} bytes`);
  });
});
