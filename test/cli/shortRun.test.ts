import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../cli/main';
import { SHORT_RUN_MAX_FILES, SHORT_RUN_V8_FLAGS, shortRunFlags } from '../../cli/shortRun';
import { tempTree } from './harness';

describe('V8 tuning for short CLI runs', () => {
  it('asks for the raised interrupt budget up to the file limit, and nothing above it', () => {
    assert.equal(shortRunFlags(0), SHORT_RUN_V8_FLAGS);
    assert.equal(shortRunFlags(81), SHORT_RUN_V8_FLAGS);
    assert.equal(shortRunFlags(SHORT_RUN_MAX_FILES), SHORT_RUN_V8_FLAGS);
    assert.equal(shortRunFlags(SHORT_RUN_MAX_FILES + 1), undefined);
    assert.equal(shortRunFlags(10_000), undefined);
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
