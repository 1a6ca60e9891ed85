import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/engine/lint';
import { applyMutations, checkFindings, checkText, loadSeeds, mutationArb, PER_INPUT_MS } from './mutations';

// A short, seeded budget for every test run; `npm run fuzz` runs the same property for much longer.
const SEED = 20_261_123;
const RUNS = 60;
const FIXES_PER_INPUT = 12;

describe('fuzz: mutated real files (short seeded budget)', () => {
  const seeds = loadSeeds();

  it('has the corpus and the fixtures to mutate', () => {
    assert.ok(seeds.filter((s) => s.kind === 'compose').length > 100);
    assert.ok(seeds.some((s) => s.kind === 'dockerfile') && seeds.some((s) => s.kind === 'shell'));
    assert.ok(seeds.filter((s) => s.kind === 'kubernetes').length >= 146);
  });

  it('no throw, no hang, ranges inside, every fix keeps the file parseable', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (index, mutations) => {
        const seed = seeds[index];
        const text = applyMutations(seed.text, mutations);
        const started = performance.now();
        const problems = checkText(text, seed.kind, FIXES_PER_INPUT);
        assert.ok(performance.now() - started < PER_INPUT_MS * 3, `${seed.name}: checking took too long`);
        assert.deepEqual(problems, [], `${seed.name} after ${JSON.stringify(mutations)}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the checks catch a fix that breaks the file and a range outside it (self-check)', () => {
    const text = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';
    assert.deepEqual(checkText(text, 'compose'), []);
    const { findings } = lint(text, 'compose', { withFixes: true });
    assert.ok(findings.some((f) => f.fixes.length > 0));
    const broken = findings.map((f) => ({ ...f, fixes: f.fixes.map((fix) => ({ ...fix, edits: [{ range: { start: 0, end: 0 }, newText: 'x: [\n' }] })) }));
    assert.match(checkFindings(text, 'compose', broken).join('\n'), /adds a parse error \(0 -> [1-9]/);
    const outside = findings.map((f) => ({ ...f, range: { start: 0, end: text.length + 1 } }));
    assert.match(checkFindings(text, 'compose', outside).join('\n'), /outside 0-/);
  });
});
