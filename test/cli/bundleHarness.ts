import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

const REPO = path.resolve(__dirname, '..', '..');

/**
 * Builds the CLI's two bundles the way `esbuild.mjs --production` does (the engine, dist/server.js, and
 * the launcher that loads it, dist/cli.js) next to a copy of bin/capdrop.js; returns the copy's path.
 */
export function buildCli(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'capdrop-bundle-'));
  const common: BuildOptions = { bundle: true, platform: 'node', mainFields: ['module', 'main'], format: 'cjs', target: 'node20', minify: true, logLevel: 'silent' };
  buildSync({ ...common, entryPoints: [path.join(REPO, 'server/src/server.ts')], outfile: path.join(root, 'dist/server.js') });
  buildSync({ ...common, entryPoints: [path.join(REPO, 'cli/launcher.ts')], outfile: path.join(root, 'dist/cli.js') });
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(REPO, 'bin/capdrop.js'), path.join(root, 'bin/capdrop.js'));
  return path.join(root, 'bin/capdrop.js');
}
