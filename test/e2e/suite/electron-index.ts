import { runSuite } from './capdrop.suite';

/** Entry point for @vscode/test-electron's extensionTestsPath: the same suite as the code-server run. */
export async function run(): Promise<void> {
  const results = await runSuite();
  for (const r of results) console.log(`${r.ok ? 'ok' : 'FAILED'} ${r.name} (${r.ms} ms): ${r.detail}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} e2e step(s) failed`);
}
