/**
 * Our own work on a console page, as User Timing measures named `kefu-guard:*`: visible in the
 * browser's performance panel (and to the browser tests), so time spent on the agent's page can
 * be told apart from the console's own. Each measure is cleared from the timeline right away — a
 * day of batches must not pile up — observers still receive it. Never throws.
 */
export function measured<T>(name: string, work: () => T): T {
  const start = typeof performance === 'undefined' ? 0 : performance.now();
  try {
    return work();
  } finally {
    try {
      performance.measure(`kefu-guard:${name}`, { start });
      performance.clearMeasures(`kefu-guard:${name}`);
    } catch {
      // No User Timing Level 3 here: nothing to record.
    }
  }
}
