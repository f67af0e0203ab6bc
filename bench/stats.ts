/** Timing helpers shared by the bench scripts. All figures are milliseconds. */

export interface Summary {
  iterations: number;
  median: number;
  p90: number;
  min: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { iterations: sorted.length, median, p90: percentile(sorted, 90), min: sorted[0]! };
}

export const WARMUPS = 3;
export const ITERATIONS = 20;

/** `global.gc` exists when node runs with --expose-gc (scripts/bench.mjs passes it). */
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Time `run` WARMUPS + ITERATIONS times, keeping the last ITERATIONS samples.
 * `setup` runs before each call and is not timed (e.g. a fresh database for a cold run).
 * A forced GC before each timed call keeps one run's garbage from landing in the next sample.
 */
export async function measure<T>(setup: () => Promise<T>, run: (ctx: T) => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUPS + ITERATIONS; i++) {
    const ctx = await setup();
    gc?.();
    const start = performance.now();
    await run(ctx);
    const elapsed = performance.now() - start;
    if (i >= WARMUPS) samples.push(elapsed);
  }
  return summarise(samples);
}
