import type { DBCore, DBCoreTable } from 'dexie';
import type { KefuDB } from '@/lib/store/db';

/**
 * A Dexie middleware that fails the N-th store operation from now ("the worker died between two
 * store operations"): any read or write of any table counts. `arm(n)` schedules it; `disarm()`
 * turns it off. Failing the operation aborts its transaction, exactly as a killed worker does.
 */
export function crashInjector(db: KefuDB, error: () => Error = () => new Error('injected crash')) {
  let left = Infinity;
  let fired = 0;
  const guard = <T>(op: () => Promise<T>): Promise<T> => {
    if (--left < 0) {
      left = Infinity;
      fired++;
      return Promise.reject(error());
    }
    return op();
  };
  db.use({
    stack: 'dbcore',
    name: 'crash-injector',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => guard(() => t.mutate(req)),
          get: (req) => guard(() => t.get(req)),
          getMany: (req) => guard(() => t.getMany(req)),
          query: (req) => guard(() => t.query(req)),
          openCursor: (req) => guard(() => t.openCursor(req)),
          count: (req) => guard(() => t.count(req)),
        };
      },
    }),
  });
  return {
    arm(n: number) {
      left = n;
    },
    disarm() {
      left = Infinity;
    },
    get fired() {
      return fired;
    },
  };
}

/** A small seeded PRNG (mulberry32): a failing run reproduces from its printed seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
