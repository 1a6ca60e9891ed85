/** Timing helpers: warm-up runs are discarded, then median and p99 of the repetitions. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p99: number;
  min: number;
  reps: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p99: at(0.99), min: sorted[0], reps: sorted.length };
}

/** Times `fn` (ms) after `warmup` untimed calls; a GC before each timed call keeps one run's garbage out of the next. */
export function measure(fn: () => unknown, reps: number, warmup = Math.max(2, Math.ceil(reps / 5))): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    gc?.();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * `--force-gc`: a full GC before every timed call, as the benchmark did until the engine session of
 * issue 7. It measures a cold heap, not an editor or a CLI run: after a forced full GC the
 * dockerfile-ast floor itself ran 2.4× slower (220 vs 93 ms on the 300 Dockerfiles), the engine
 * 2.8× slower, so ratios came out skewed. By default each call's garbage is collected during the
 * following calls, which are interleaved, so every side pays for its own allocations alike.
 */
const FORCE_GC = process.argv.includes('--force-gc');

/**
 * `--fixed-order`: every repetition runs the functions in the order given, as the benchmark did until
 * the sixth session of issue 7. A function run right after another pays part of the other's garbage
 * collection: two equal engines measured 4–17 % apart by position alone on the 500-line Compose file,
 * and the shell engine came out 0.21× tree-sitter-bash in one order and 0.63–0.73× counterbalanced.
 */
const FIXED_ORDER = process.argv.includes('--fixed-order');

/**
 * Times several functions in turn within each repetition, so load from other processes hits them
 * alike. Odd repetitions run them in reverse order, so each follows the others as often as it leads
 * them; a ratio between two functions is the median over pairs of repetitions of the geometric mean
 * of the pair's two ratios, in which the order's effect cancels. Ratios then hold on a busy machine.
 */
export function measureInterleaved(fns: (() => unknown)[], reps: number, warmup = Math.max(2, Math.ceil(reps / 5))): { timings: Timing[]; ratioTo: (i: number, j: number) => number } {
  for (let i = 0; i < warmup; i++) fns.forEach((fn) => fn());
  const gc = FORCE_GC ? (globalThis as { gc?: () => void }).gc : undefined;
  const samples: number[][] = fns.map(() => []);
  const counter = !FIXED_ORDER;
  for (let r = 0; r < reps; r++) {
    const order = fns.map((_, i) => (counter && r % 2 === 1 ? fns.length - 1 - i : i));
    for (const i of order) {
      gc?.();
      const t = performance.now();
      fns[i]();
      samples[i].push(performance.now() - t);
    }
  }
  const pairRatios = (i: number, j: number) => {
    const out: number[] = [];
    for (let r = 0; r + 1 < reps; r += 2) out.push(Math.sqrt((samples[i][r] / samples[j][r]) * (samples[i][r + 1] / samples[j][r + 1])));
    return out;
  };
  return {
    timings: samples.map(summarize),
    ratioTo: (i, j) => summarize(counter ? pairRatios(i, j) : samples[i].map((s, r) => s / samples[j][r])).median,
  };
}
