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
 * its default of 67,584: code that stays hot still gets optimized, code run a few hundred times does not.
 */
export const SHORT_RUN_V8_FLAGS = '--interrupt-budget=1081344';

/** The V8 flags for a run over `files` files, if any. */
export function shortRunFlags(files: number): string | undefined {
  return files <= SHORT_RUN_MAX_FILES ? SHORT_RUN_V8_FLAGS : undefined;
}

/**
 * Applies `shortRunFlags` to this process. Only the CLI's own process calls it (never in-process
 * callers such as the tests), once, before linting: a budget is read when a function's feedback is
 * first allocated, and most of the engine's functions have not run yet.
 */
export function tuneForRun(files: number): void {
  const flags = shortRunFlags(files);
  if (flags) setFlagsFromString(flags);
}
