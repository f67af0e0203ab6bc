/**
 * Wrap the worker's job runner so a failing store is never silent: the first failure reports
 * (badge, a note the popup shows), and the next job that succeeds clears it. The failed job's
 * transaction was rolled back, so stored data is as it was before.
 */
export function withHealth(
  run: <T>(job: () => Promise<T>) => Promise<T>,
  report: { failed(error: unknown): Promise<void> | void; recovered(): Promise<void> | void },
) {
  let failing = false;
  return async function guarded<T>(job: () => Promise<T>): Promise<T> {
    try {
      const value = await run(job);
      if (failing) {
        failing = false;
        await report.recovered();
      }
      return value;
    } catch (error) {
      failing = true;
      await Promise.resolve(report.failed(error)).catch(() => undefined);
      throw error;
    }
  };
}
