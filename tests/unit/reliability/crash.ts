import type { DBCore, DBCoreTable } from 'dexie';
import type { KefuDB } from '@/lib/store/db';

/** The error a "killed worker" leaves behind: any other error in a fault test is a real failure. */
export class InjectedCrash extends Error {
  constructor(at: number) {
    super(`injected crash at store operation ${at}`);
    this.name = 'InjectedCrash';
  }
}

/** True for an injected crash, also when Dexie hands it on wrapped (`inner`) by a transaction. */
export function isInjected(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) if (e.name === 'InjectedCrash') return true;
  return false;
}

export type StoreOp = 'mutate' | 'get' | 'getMany' | 'query' | 'openCursor' | 'count';
const ALL_OPS: StoreOp[] = ['mutate', 'get', 'getMany', 'query', 'openCursor', 'count'];

/**
 * A Dexie DBCore middleware that fails the N-th store operation from now: "the worker died between
 * two store operations". Every read and write of every table counts (or only the kinds in `ops`,
 * e.g. `['mutate']` for a full disk). The failed operation never reaches IndexedDB; inside a
 * transaction its rejection aborts the whole transaction, exactly what a killed worker leaves.
 *
 * `arm(n)`: operation n (0 = the next one) fails, once. `ops` counts every operation that passed,
 * so a test can tell how many a job needs and aim a kill anywhere in it.
 */
export function crashInjector(db: KefuDB, options: { error?: (at: number) => unknown; ops?: StoreOp[] } = {}) {
  const counted = new Set(options.ops ?? ALL_OPS);
  const error = options.error ?? ((at: number) => new InjectedCrash(at));
  let left = Infinity;
  let fired = 0;
  let ops = 0;
  const guard = <T>(kind: StoreOp, op: () => Promise<T>): Promise<T> => {
    if (!counted.has(kind)) return op();
    const at = ops++;
    if (--left < 0) {
      left = Infinity;
      fired++;
      return Promise.reject(error(at));
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
          mutate: (req) => guard('mutate', () => t.mutate(req)),
          get: (req) => guard('get', () => t.get(req)),
          getMany: (req) => guard('getMany', () => t.getMany(req)),
          query: (req) => guard('query', () => t.query(req)),
          openCursor: (req) => guard('openCursor', () => t.openCursor(req)),
          count: (req) => guard('count', () => t.count(req)),
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
    /** How many operations were failed so far. */
    get fired() {
      return fired;
    },
    /** How many (counted) operations were attempted so far, failed ones included. */
    get ops() {
      return ops;
    },
  };
}


/** Every table's rows, for before/after comparisons. */
export const dump = (db: KefuDB) => Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
