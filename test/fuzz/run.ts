/**
 * The long fuzz run (`npm run fuzz`): the property of fuzz.test.ts with every fix checked, for a time
 * budget. Options: --seconds N (default 120), --seed N (default: random, printed so a failure can be
 * replayed with --seed and --path from fast-check's report).
 */
import fc from 'fast-check';
import { applyMutations, checkText, loadSeeds, mutationArb } from './mutations';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seconds = Number(option('seconds') ?? 120);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const replayPath = option('path');
const seeds = loadSeeds();
console.log(`fuzzing ${seeds.length} seed files for ${seconds} s with --seed ${seed}`);

let runs = 0;
const result = fc.check(
  fc.property(fc.nat(seeds.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 10 }), (index, mutations) => {
    runs++;
    const input = seeds[index];
    const problems = checkText(applyMutations(input.text, mutations), input.kind);
    if (problems.length > 0) throw new Error(`${input.name} after ${JSON.stringify(mutations)}:\n  ${problems.join('\n  ')}`);
  }),
  { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false, ...(replayPath ? { path: replayPath } : {}) },
);

if (result.failed) {
  console.error(fc.defaultReportMessage(result));
  console.error(String(result.errorInstance));
  process.exitCode = 1;
} else {
  console.log(`no failure in ${runs} inputs`);
}
