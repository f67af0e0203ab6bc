/**
 * Run async jobs one at a time, in arrival order. The worker gets messages, alarms and tab
 * events concurrently; serialising them keeps each read-modify-write of the store consistent.
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}
