import { afterEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type * as fs from 'node:fs';
import { internalErrorLine } from '../../cli/main';
import { allRules } from '../../rules';
import { runCli, tempTree } from './harness';

// The CommonJS module object the CLI uses (a namespace import is a frozen copy that cannot be mocked).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof fs;

const PRIVILEGED = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
const ONE_INTERNAL_ERROR_LINE = /^capdrop: internal error: [^\n]+\n$/;

/** Lines that look like a stack trace (`    at fn (file:1:2)`). */
function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at\s/.test(l));
}

describe('CLI internal errors: one line on standard error, exit 2', () => {
  afterEach(() => mock.restoreAll());

  it('a rule that throws: its file and position, the message, exit 2 (not 1, which CI reads as findings)', async () => {
    const rule = allRules.find((r) => r.id === 'no-privileged')!;
    mock.method(rule, 'check', () => {
      throw new Error('boom\n    at check (rules/no-privileged.ts:1:1)');
    });
    const dir = tempTree({ 'compose.yaml': PRIVILEGED });
    const r = await runCli(['compose.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'capdrop: internal error: compose.yaml:2:3: Rule no-privileged failed on this input: boom at check (rules/no-privileged.ts:1:1)\n');
    // The report itself still lists what the other rules found, and the failure where it happened.
    assert.match(r.stdout, /internal-error/);
  });

  it('a crash outside the rules (walking a directory) is one line and exit 2', async () => {
    const dir = tempTree({ 'sub/compose.yaml': PRIVILEGED });
    const real = nodeFs.readdirSync;
    mock.method(nodeFs, 'readdirSync', (p: fs.PathLike, options?: unknown) => {
      if (String(p).endsWith(`${path.sep}sub`)) {
        return [{ name: 'compose.yaml', isDirectory: () => { throw new TypeError('entry.isDirectory exploded'); }, isFile: () => true, isSymbolicLink: () => false }];
      }
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, options);
    });
    const r = await runCli(['.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'capdrop: internal error: entry.isDirectory exploded\n');
    assert.deepEqual(stackLines(r.stderr), []);
  });

  it('whatever is thrown is described on one line', () => {
    assert.equal(internalErrorLine(new Error('a\n  b\tc ')), 'capdrop: internal error: a b c\n');
    assert.equal(internalErrorLine('text'), 'capdrop: internal error: text\n');
    assert.equal(internalErrorLine(new RangeError('')), 'capdrop: internal error: RangeError\n');
    const hostile = { toString: () => { throw new Error('no'); } };
    assert.equal(internalErrorLine(hostile), 'capdrop: internal error: an error that cannot be described\n');
    assert.match(internalErrorLine(undefined), ONE_INTERNAL_ERROR_LINE);
  });

  it('usage, configuration and I/O errors stay exit 2, each with its own message', async () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED, 'bad/.capdrop.yaml': 'rules:\n  no-such-rule: off\n', 'bad/compose.yaml': PRIVILEGED });
    const usage = await runCli(['--no-such-flag'], dir);
    assert.deepEqual([usage.code, usage.stderr.split('\n')[0]], [2, 'capdrop: unknown option --no-such-flag']);
    const missing = await runCli(['nowhere.yaml'], dir);
    assert.deepEqual([missing.code, missing.stderr], [2, 'capdrop: no such file or directory: nowhere.yaml\n']);
    const config = await runCli(['bad'], dir);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /^capdrop: config .*no-such-rule/);
    for (const r of [usage, missing, config]) assert.doesNotMatch(r.stderr, /internal error/);
  });
});

describe('CLI process: no stack trace and no exit 1 from a crash', () => {
  const root = path.join(__dirname, '..', '..');
  /** Runs `script` (TypeScript, through tsx, found from the repository root) in a fresh Node process. */
  const node = (script: string) => spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('an error thrown later, outside the run (an event handler), is one line and exit 2', () => {
    const dir = tempTree({ 'compose.yaml': PRIVILEGED });
    const r = node(
      `process.chdir(${JSON.stringify(dir)});
       process.argv = [process.argv[0], 'capdrop', '--fail-on', 'error', '.'];
       setImmediate(() => { throw new Error('late\\nfailure'); });
       require(${JSON.stringify(path.join(root, 'cli', 'main.ts'))}).runFromProcess();`,
    );
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'capdrop: internal error: late failure\n');
  });

  it('an engine bundle that cannot be loaded is one line and exit 2', () => {
    const r = node(`require(${JSON.stringify(path.join(root, 'cli', 'launcher.ts'))}).launch(${JSON.stringify(path.join(root, 'no-such-dir', 'server.js'))});`);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, ONE_INTERNAL_ERROR_LINE);
    assert.deepEqual(stackLines(r.stderr), []);
  });
});
