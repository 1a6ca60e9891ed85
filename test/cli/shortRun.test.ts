import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { main } from '../../cli/main';
import { LONG_RUN_V8_FLAGS, SHORT_RUN_MAX_FILES, flagsForRun } from '../../cli/shortRun';
import { tempTree } from './harness';

describe('V8 tuning for short CLI runs', () => {
  it("keeps the short run's flags up to the file limit, and gives V8's defaults back above it", () => {
    assert.equal(flagsForRun(0), undefined);
    assert.equal(flagsForRun(81), undefined);
    assert.equal(flagsForRun(SHORT_RUN_MAX_FILES), undefined);
    assert.equal(flagsForRun(SHORT_RUN_MAX_FILES + 1), LONG_RUN_V8_FLAGS);
    assert.equal(flagsForRun(10_000), LONG_RUN_V8_FLAGS);
  });

  it("names V8's real default budget (a wrong one would tune long runs to something else)", () => {
    const listed = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const fallback = /--interrupt-budget \(.*\)\s+type: int\s+default: (--interrupt-budget=\d+)/.exec(listed)?.[1];
    assert.equal(LONG_RUN_V8_FLAGS, fallback);
  });

  it('tells the process entry how many files it is about to lint, stdin included', async () => {
    const root = tempTree({
      'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n',
      'api/Dockerfile': 'FROM node:22\nUSER node\n',
      'notes.txt': 'not a container file\n',
    });
    const counts: number[] = [];
    const io = (stdin: string) => ({
      cwd: root,
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {},
      readStdin: async () => Buffer.from(stdin, 'utf8'),
      beforeLint: (files: number) => counts.push(files),
    });
    await main(['.'], io(''));
    await main(['.', '-', '--kind', 'dockerfile'], io('FROM alpine:3.20\n'));
    assert.deepEqual(counts, [2, 3]);
  });
});
