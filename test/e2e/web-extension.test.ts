import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServerAndBrowser } from './codeServer';

/**
 * The web extension in a real browser: a copy of capdrop.vsix whose package.json has no `main`, so VS Code
 * (code-server's web workbench, driven by Debian's Chromium) can only run it in its web worker extension
 * host, from `browser`: dist/web/extension.js, and the server as a Web Worker (dist/web/server.js). The web
 * bundles hold no Node (the build fails otherwise: esbuild.web.cjs); here they must work with none.
 */
const root = path.resolve(__dirname, '..', '..');
const codeServer = path.join(root, '.e2e-cache', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const outDir = path.join(root, 'test', 'e2e', 'out');

/** What capdrop.vsix ships (.vscodeignore), packaged again from a copy whose manifest has only `browser`. */
function packageBrowserOnly(work: string): string {
  const dir = path.join(work, 'browser-only');
  for (const item of ['dist', 'docs', 'syntaxes', 'schemas', 'README.md', 'SECURITY.md', 'LICENSE', '.vscodeignore', path.join('bench', 'README.md')]) {
    fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.browser, './dist/web/extension.js');
  delete manifest.main;
  delete manifest.scripts;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const out = path.join(work, 'capdrop-browser-only.vsix');
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', out], { cwd: dir, stdio: 'pipe' });
  return out;
}

const OPENED = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
// Never opened: only the workspace scan, reading through the client, can find its problem.
const UNOPENED = 'services:\n  db:\n    image: postgres:16.4\n    pid: host\n';

/** Waits until the Problems panel's text matches (or stops matching, with `absent`). */
function panelText(page: Page, re: RegExp, absent = false) {
  return page.waitForFunction(`${re}.test(document.querySelector('.markers-panel')?.textContent ?? '') !== ${absent}`, undefined, { timeout: 60_000 });
}

test('the web extension in a browser (code-server web worker extension host + Chromium)', { timeout: 300_000 }, async (t) => {
  assert.ok(fs.existsSync(codeServer), 'code-server is not installed: run test/e2e/setup.sh (npm run test:e2e does)');
  assert.ok(fs.existsSync(path.join(root, 'dist', 'web', 'server.js')), 'dist/web is missing: run npm run package (npm run test:e2e does)');
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-web-e2e-'));
  const userData = path.join(work, 'user-data');
  const extDir = path.join(work, 'extensions');
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(path.join(workspace, 'db'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'compose.yaml'), OPENED);
  fs.writeFileSync(path.join(workspace, 'db', 'compose.yaml'), UNOPENED);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false }),
  );
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items', resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}' }),
  };
  execFileSync(process.execPath, [codeServer, '--user-data-dir', userData, '--extensions-dir', extDir, '--install-extension', packageBrowserOnly(work)], { env, stdio: 'pipe' });

  const { port, browser } = await startCodeServerAndBrowser(t, { codeServer, userData, extDir, env, cleanUp: () => fs.rmSync(work, { recursive: true, force: true }) });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const workerUrls: string[] = [];
  page.on('worker', (w) => workerUrls.push(w.url()));
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`);
  });
  try {
    await steps(page, workerUrls, t, port, workspace);
  } catch (err) {
    for (const line of consoleErrors.slice(0, 20)) t.diagnostic(`browser: ${line}`);
    await page.screenshot({ path: path.join(outDir, 'web-failed.png') }).catch(() => undefined);
    // The extension's log, for the reader of a failed run.
    await page.keyboard.press('Control+Shift+P').catch(() => undefined);
    await page.keyboard.type('Capdrop: Show output').catch(() => undefined);
    await page.keyboard.press('Enter').catch(() => undefined);
    await page.waitForTimeout(2000);
    await page.screenshot({ path: path.join(outDir, 'web-failed-output.png') }).catch(() => undefined);
    throw err;
  }
});

async function steps(page: Page, workerUrls: string[], t: { diagnostic(message: string): void }, port: number, workspace: string): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  // Opening a Compose file starts the server (code-server's web worker extension host has no file search
  // until its remote one is up, so the `workspaceContains`-style look-up at activation may find nothing).
  await page.keyboard.press('Control+P');
  await page.keyboard.type('compose.yaml');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  // The opened document's problem, and the problem of a file never opened: the workspace scan read it through the client.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
  await panelText(page, /no-privileged/);
  await panelText(page, /no-host-namespace/);
  await page.screenshot({ path: path.join(outDir, 'web-problems-panel.png') });

  // The quick fix applies.
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.getByText('privileged', { exact: false }).first().click();
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row', { hasText: 'Remove privileged mode' }).first().waitFor({ timeout: 30_000 });
  // The menu takes keys (a pointer block covers it for a moment): down to the fix, then Enter.
  for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Remove privileged mode' }).count()); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(`!/privileged:\\strue/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? '')`, undefined, { timeout: 30_000 });
  await panelText(page, /no-privileged/, true);
  await panelText(page, /no-host-namespace/);
  await page.screenshot({ path: path.join(outDir, 'web-after-fix.png') });

  // What ran: the Web Worker server of the web extension (no Node extension host could have run it).
  t.diagnostic(`workers seen by the page: ${workerUrls.join(', ') || 'none listed'}`);
}
