import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../../bench/lspClient';

// The extension starts the server with V8 flags (a small young generation, for the workspace scan's memory);
// the benchmark must measure the server started the same way. extension.ts needs `vscode`, so it is read as text.
const EXTENSION = path.join(__dirname, '..', '..', 'client', 'src', 'extension.ts');

function extensionFlags(): string[] {
  const source = fs.readFileSync(EXTENSION, 'utf8');
  const literal = /export const SERVER_EXEC_ARGV: readonly string\[\] = (\[[^\]]*\]);/.exec(source)?.[1];
  assert.ok(literal, 'SERVER_EXEC_ARGV not found in client/src/extension.ts');
  return JSON.parse(literal.replace(/'/g, '"')) as string[];
}

describe("the server's V8 flags", () => {
  it('are the same in the extension and in the benchmark', () => {
    assert.deepEqual([...SERVER_EXEC_ARGV], extensionFlags());
  });

  it('are accepted by Node (a misspelt flag would keep the server from starting)', () => {
    const run = spawnSync(process.execPath, [...extensionFlags(), '-e', 'process.exit(0)'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
