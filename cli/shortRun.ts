import { setFlagsFromString } from 'node:v8';

/**
 * The most files a run may have for V8 to be told to optimize less. A CLI run over a few hundred files
 * is over before V8's optimizing compiler pays for itself: on 2 cores it compiled `yaml` and the rules
 * on the second core and swapped the code in mid-run (81 Compose files: 0.35–0.37 s wall and 0.49–0.50 s
 * CPU by default, 0.27–0.30 s and 0.28–0.31 s with the budget below). From about a thousand files on,
 * optimizing pays (1,000 files: 1.36 s by default, 1.48 s with it; 3,000: 2.86 s against 3.44 s).
 */
export const SHORT_RUN_MAX_FILES = 400;

/**
 * V8's interrupt budget (bytecode executed before a function is considered for optimization) at 16×
 * its default: code that stays hot still gets optimized, code run a few hundred times does not.
 */
export const SHORT_RUN_V8_FLAGS = '--interrupt-budget=1081344';

/** V8's own default budget (`node --v8-options`, Node 20), given back to runs over SHORT_RUN_MAX_FILES. */
export const LONG_RUN_V8_FLAGS = '--interrupt-budget=67584';

/**
 * Every CLI process starts as a short run, before the engine is loaded: the code cache (`compileCache.ts`)
 * is only accepted under the flags it was made with, so they must not depend on the run. Only the CLI's
 * process entry (`launcher.ts`) calls this, never in-process callers such as the tests.
 */
export function startAsShortRun(): void {
  setFlagsFromString(SHORT_RUN_V8_FLAGS);
}

/** The V8 flags a run over `files` files needs once its files are known, if they differ from the start's. */
export function flagsForRun(files: number): string | undefined {
  return files > SHORT_RUN_MAX_FILES ? LONG_RUN_V8_FLAGS : undefined;
}

/** Applies `flagsForRun`; true when the flags changed (the run is then a long one). */
export function tuneForRun(files: number): boolean {
  const flags = flagsForRun(files);
  if (flags) setFlagsFromString(flags);
  return flags !== undefined;
}
