import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:electron`: the e2e suite in a desktop VS Code downloaded by @vscode/test-electron.
 * Needs internet access to download VS Code, so CI on these machines runs the code-server route instead.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const out = path.join(root, 'test', 'e2e', 'out', 'electron');
  await build({ entryPoints: [path.join(__dirname, 'suite', 'electron-index.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], outfile: path.join(out, 'index.js'), logLevel: 'error' });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-electron-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(out, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
