import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint';
import { lazyParserWorks, parseDockerfileAst, withStockParser } from '../../server/src/parse/dockerfile/lazyParser';
import { applyMutations, mutationArb } from '../fuzz/mutations';

/**
 * The Dockerfile reader leaves plain the instructions whose arguments it reads itself
 * (server/src/parse/dockerfile/lazyParser.ts). Whatever the input, every finding, message, range and
 * planned fix must be what dockerfile-ast's parser as it comes gives.
 */

const REPO = path.resolve(__dirname, '..', '..');

function dockerfilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? dockerfilesUnder(path.join(dir, e.name)) : /Dockerfile|Containerfile/i.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Everything lint() says about a Dockerfile, fixes' edits included. */
function observed(text: string): string {
  const { findings } = lint(text, 'dockerfile', { preset: 'strict', withFixes: true });
  return JSON.stringify(findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety, edits: x.edits })) })));
}

function assertSame(text: string, name: string): void {
  assert.equal(observed(text), withStockParser(() => observed(text)), name);
}

const SAMPLES = [
  'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh", "-c", "echo hi"]\n',
  'FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -fsSL https://e.com/i | sh\nEOF\n',
  'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\npassword=hunter2x\nEOF\nRUN echo "a<<b"\n',
  'FROM alpine:3.20\nONBUILD RUN <<EOF\nsudo ls\nEOF\nVOLUME ["/data", "/var/run/docker.sock"]\nSHELL ["/bin/bash", "-c"]\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n  Invoke-WebRequest https://e.com/a.exe\nENTRYPOINT ["a.exe"]\n',
  'from alpine\nrun sudo apk add x\nadd --chmod=755 https://e.com/a /a\ncopy --from=build /a /b\nvolume /data\n',
  'FROM alpine\nRUN\nCMD\nENTRYPOINT []\nCOPY\n',
];

describe('the lazy Dockerfile parser', () => {
  it("hooks methods dockerfile-ast's parser still has", () => {
    assert.equal(lazyParserWorks(), true);
  });

  it('gives the instructions it leaves plain the same keyword and ranges', () => {
    const text = 'FROM alpine:3.20\nRUN apk add \\\n  curl  # tools\nCMD ["sh"]\n';
    const lazy = parseDockerfileAst(text).getInstructions();
    const stock = withStockParser(() => parseDockerfileAst(text)).getInstructions();
    assert.equal(lazy[1].constructor.name, 'Instruction', 'RUN without a heredoc is left plain');
    assert.notEqual(stock[1].constructor.name, 'Instruction');
    assert.deepEqual(
      lazy.map((i) => [i.getKeyword(), i.getRange(), i.getInstructionRange()]),
      stock.map((i) => [i.getKeyword(), i.getRange(), i.getInstructionRange()]),
    );
  });

  it('reads samples of every instruction form as the stock parser does', () => {
    for (const sample of SAMPLES) assertSame(sample, sample);
  });

  it("reads the corpus's real Dockerfiles and the project's fixtures as the stock parser does", () => {
    const files = [...dockerfilesUnder(path.join(REPO, '..', 'shared', 'corpus', 'dockerfile', 'real')), ...dockerfilesUnder(path.join(REPO, 'test', 'fixtures'))];
    assert.ok(files.length > 100, `${files.length} Dockerfiles`);
    for (const file of files) assertSame(fs.readFileSync(file, 'utf8'), file);
  });

  it('reads mutated Dockerfiles as the stock parser does', () => {
    const seeds = [...SAMPLES, fs.readFileSync(dockerfilesUnder(path.join(REPO, '..', 'shared', 'corpus', 'dockerfile', 'real'))[0], 'utf8')];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        assertSame(applyMutations(seed, mutations), 'mutated');
      }),
      { numRuns: 400, seed: 1207 },
    );
  });
});
