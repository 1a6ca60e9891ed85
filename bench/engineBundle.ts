import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
const { preferUmdBuilds } = require('../esbuild.umd.cjs') as { preferUmdBuilds: esbuild.Plugin };

export type Engine = typeof import('./engineEntry');

/**
 * The engine, its floors and its peer (bench/engineEntry.ts) bundled by esbuild as dist/ is, and loaded:
 * tsx would add its own transform to the timings. `minify: false` keeps function names for profiles.
 */
export async function loadEngineBundle(outfile: string, minify: boolean): Promise<Engine> {
  await esbuild.build({ entryPoints: [path.join(__dirname, 'engineEntry.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, outfile, logLevel: 'warning', plugins: [preferUmdBuilds] });
  return require(outfile) as Engine;
}

/** Every file below `dir`, folders walked. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
