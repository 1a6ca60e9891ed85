import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { startCodeServerAndBrowser } from './codeServer';

/**
 * Capdrop in a real VS Code: code-server (VS Code 1.100.3 in npm form) driven by Debian's Chromium.
 * Prerequisites come from `test/e2e/setup.sh` and `npm run package` (the `test:e2e` script runs both).
 * The suite itself runs in the extension host (test/e2e/suite); the page is checked for what a user sees.
 */
const root = path.resolve(__dirname, '..', '..');
const codeServer = path.join(root, '.e2e-cache', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const outDir = path.join(root, 'test', 'e2e', 'out');
const vsix = path.join(root, 'capdrop.vsix');

/** Resolves with the file's JSON once the probe renames it into place. */
function waitForFile(file: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const dir = path.dirname(file);
    const done = () => {
      if (!fs.existsSync(file)) return false;
      watcher.close();
      clearTimeout(timer);
      resolve(JSON.parse(fs.readFileSync(file, 'utf8')));
      return true;
    };
    const watcher = fs.watch(dir, () => done());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error('the e2e suite wrote no results in time'));
    }, timeoutMs);
    done();
  });
}

async function packageProbe(work: string): Promise<string> {
  const dir = path.join(work, 'probe');
  fs.mkdirSync(dir, { recursive: true });
  await build({ entryPoints: [path.join(__dirname, 'probe', 'extension.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: path.join(dir, 'extension.js'), logLevel: 'error' });
  fs.copyFileSync(path.join(__dirname, 'probe', 'package.json'), path.join(dir, 'package.json'));
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Capdrop e2e probe\n\nTest-only extension.\n');
  const out = path.join(work, 'probe.vsix');
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out], { cwd: dir, stdio: 'pipe' });
  return out;
}

test('Capdrop in a real VS Code (code-server + Chromium)', { timeout: 300_000 }, async (t) => {
  assert.ok(fs.existsSync(codeServer), 'code-server is not installed: run test/e2e/setup.sh (npm run test:e2e does)');
  assert.ok(fs.existsSync(vsix), 'capdrop.vsix is missing: run npm run package (npm run test:e2e does)');
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-e2e-'));
  const userData = path.join(work, 'user-data');
  const extDir = path.join(work, 'extensions');
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // A repository that tries to hide its findings; code-server opens it in Restricted Mode (never prompted).
  fs.cpSync(path.join(__dirname, 'restricted'), workspace, { recursive: true });
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'security.workspace.trust.startupPrompt': 'never', 'workbench.tips.enabled': false }),
  );
  const results = path.join(work, 'results.json');
  const env = {
    ...process.env,
    CAPDROP_E2E_RESULTS: results,
    CAPDROP_E2E_RESTRICTED: '1',
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items', resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}' }),
  };
  const cs = (args: string[]) => execFileSync(process.execPath, [codeServer, '--user-data-dir', userData, '--extensions-dir', extDir, ...args], { env, stdio: 'pipe' });
  cs(['--install-extension', vsix]);
  cs(['--install-extension', await packageProbe(work)]);

  const { port, browser } = await startCodeServerAndBrowser(t, { codeServer, userData, extDir, env, cleanUp: () => fs.rmSync(work, { recursive: true, force: true }) });
  const resultsReady = waitForFile(results, 180_000);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  const outcome = (await resultsReady) as { results?: { name: string; ok: boolean; ms: number; detail: string }[]; error?: string };
  assert.equal(outcome.error, undefined, outcome.error);
  await page.screenshot({ path: path.join(outDir, 'editor-after-fix.png') });
  for (const r of outcome.results!) t.diagnostic(`${r.ok ? 'ok' : 'FAILED'} ${r.name} (${r.ms} ms): ${r.detail.split('\n')[0]}`);

  // What a user sees: the Problems panel lists the findings of files that were never opened.
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ timeout: 30_000 });
  const panelHas = (re: string) => page.waitForFunction(`/${re}/.test(document.querySelector('.markers-panel')?.textContent ?? '')`, undefined, { timeout: 30_000 });
  await panelHas('no-privileged');
  await page.screenshot({ path: path.join(outDir, 'problems-panel.png') });
  // The list is virtualized: filter it down to the Dockerfile, a file no test step opened.
  await page.getByPlaceholder(/Filter/).first().fill('Dockerfile');
  await panelHas('no-root-user');
  await page.screenshot({ path: path.join(outDir, 'problems-panel-dockerfile.png') });
  const text = (await panel.textContent()) ?? '';
  assert.match(text, /Dockerfile/);
  assert.match(text, /no-root-user/);
  // What the repository suppresses is in the panel, with its reason.
  await page.getByPlaceholder(/Filter/).first().fill('suppressed here');
  await panelHas('docker-in-docker needs it');
  await page.screenshot({ path: path.join(outDir, 'problems-panel-restricted.png') });
  // The status bar item: Capdrop's counts (the codicons render as icons; their numbers are text).
  const statusText = (await page.locator('.statusbar').textContent()) ?? '';
  assert.match(statusText, /Capdrop\s*\d+\s*\d+\s*\d+/);

  assert.deepEqual(outcome.results!.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`), []);
  assert.deepEqual(outcome.results!.map((r) => r.name), ['workspace-wide problems for unopened files', 'inline diagnostic while typing', 'quick fix adds cap_drop: [ALL]', 'rule links open the bundled page in the Markdown preview', 'a second ignore joins the comment, the cursor on its reason', 'Restart server: a new server lints the workspace again', 'Restricted Mode: the repository hides nothing']);
});
