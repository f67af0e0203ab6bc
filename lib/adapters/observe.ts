import { measured } from '../perf/measure';
import { RESCAN_ABOVE_ADDED_NODES } from './row-cache';

/**
 * One observer engine for every console: watches only the narrow containers an adapter names,
 * batches mutations into one read per animation frame, re-finds the containers when the SPA
 * remounts them, and reports a result only when it differs from the last one reported.
 */
export interface ObserveOptions<T> {
  doc: Document;
  /** The containers to watch (conversation list, open thread); empty until the app mounts them. */
  findRoots: (doc: Document) => Element[];
  /** A full read; null when it is not finished (a big first read spread over frames): asked again next frame. */
  read: () => T | null;
  /** Every batch of mutations on the roots, before its read is scheduled (a row cache forgets the rows it touched). */
  onMutations?: (records: MutationRecord[]) => void;
  /**
   * Optional cheap path: bring the last read up to date in place from what the batch touched, or
   * return null when only a full read will do. `change` is null when nothing is to be reported.
   */
  update?: (last: T) => { change: unknown | null } | null;
  /** Work left after a batch (a big batch is brought up to date in slices): asks for another frame. */
  more?: () => boolean;
  /** Returns the change to report, or null when nothing changed since `previous`. */
  diff: (previous: T | null, next: T) => unknown | null;
  onChange: (change: unknown, next: T) => void;
  onError?: (error: unknown) => void;
  /** Frame scheduler; tests pass a manual one. */
  schedule?: (run: () => void) => void;
  /** How often to confirm the watched roots are still attached (a remount can happen far above them). */
  recheckMs?: number;
}

export interface Observation {
  stop(): void;
  /** Read now instead of on the next frame (tests, first read). */
  flush(): void;
  /** Forget what was reported, so the next read is reported whole (after a failed send). */
  reset(): void;
}

/** Periodic checks a full read may wait while batches keep coming (5 × 2 s). */
const BUSY_TICKS_MAX = 5;

/**
 * Every attribute: readers key rows by attributes (data-cid, title, data-random…) and selectors
 * match on them. Only inline styles — what virtualized lists change on every scroll — never
 * change what is read, and are dropped as they arrive.
 */
const ROOT_OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };

export function observe<T>(options: ObserveOptions<T>): Observation {
  const { doc } = options;
  const schedule = options.schedule ?? defaultSchedule(doc);
  const win = doc.defaultView;
  let roots: Element[] = [];
  let last: T | null = null;
  let pending = false;
  let stopped = false;
  /** The next read must be full: the roots were (re)found, so mutations may have gone unseen. */
  let fullNext = true;
  /** Batches handled by `update` since the last full read. */
  let patchedSinceFull = 0;
  /** A batch was patched since the last periodic check: the page is busy. */
  let patchedThisTick = false;
  let busyTicks = 0;

  const rootObserver = new win!.MutationObserver(onRecords);
  // Used only while no root is mounted, to notice the app booting or remounting.
  const bootObserver = new win!.MutationObserver(onRecords);

  function onRecords(all: MutationRecord[]) {
    measured('mutations', () => sortRecords(all));
  }

  /** Inline styles and our own overlay hosts (kefu-guard-*) never trigger a read. */
  function sortRecords(all: MutationRecord[]) {
    // A list rebuilt whole: not only our own overlay, and a row cache forgets everything anyway.
    if (all.length > RESCAN_ABOVE_ADDED_NODES) {
      options.onMutations?.(all);
      request();
      return;
    }
    const records = all.filter((r) => r.attributeName !== 'style' && !isOurs(r.target) && !(r.type === 'childList' && onlyOurs(r)));
    if (records.length === 0) return;
    options.onMutations?.(records);
    request();
  }

  function attach() {
    fullNext = true;
    rootObserver.disconnect();
    bootObserver.disconnect();
    roots = options.findRoots(doc);
    if (roots.length === 0) {
      if (doc.body) bootObserver.observe(doc.body, { childList: true, subtree: true });
      return;
    }
    for (const root of roots) {
      rootObserver.observe(root, ROOT_OPTIONS);
      // The root being replaced shows up as a childList change on its parent.
      if (root.parentNode) rootObserver.observe(root.parentNode, { childList: true });
    }
  }

  function rootsChanged(): boolean {
    const current = options.findRoots(doc);
    return current.length !== roots.length || current.some((el, i) => el !== roots[i]) || roots.some((el) => !el.isConnected);
  }

  function flush() {
    pending = false;
    if (stopped) return;
    // Work left (a big batch brought up to date in slices) goes on next frame; never after a failure,
    // which would only fail again every frame.
    if (measured('batch', readAndReport) && options.more?.()) request();
  }

  /** False when reading failed. */
  function readAndReport(): boolean {
    try {
      // Cheap per batch: only a vanished root sends us looking again; new roots (a thread opening)
      // are found by the periodic check, so a batch never pays for a full-document query.
      if (roots.length === 0 || roots.some((el) => !el.isConnected)) attach();
      const patched = last !== null && !fullNext && options.update ? options.update(last) : null;
      if (patched) {
        patchedSinceFull++;
        patchedThisTick = true;
        if (patched.change !== null) options.onChange(patched.change, last!);
        return true;
      }
      patchedSinceFull = 0;
      fullNext = false;
      const next = options.read();
      if (next === null) {
        fullNext = true;
        request();
        return true;
      }
      const change = options.diff(last, next);
      last = next;
      if (change !== null) options.onChange(change, next);
      return true;
    } catch (error) {
      options.onError?.(error);
      return false;
    }
  }

  function request() {
    if (pending || stopped) return;
    pending = true;
    schedule(flush);
  }

  attach();
  // Periodically: roots that appeared or were replaced, and — after cheap batches — one full read,
  // which also catches what changed outside the watched roots (a thread header) since. While
  // buyers keep writing that read waits for a quiet check, up to BUSY_TICKS_MAX checks: on a
  // 10,000-row list it is the one batch that costs tens of milliseconds.
  const timer = win!.setInterval(() => {
    const busy = patchedThisTick;
    patchedThisTick = false;
    if (rootsChanged()) attach();
    else if (patchedSinceFull === 0 || (busy && ++busyTicks < BUSY_TICKS_MAX)) return;
    busyTicks = 0;
    fullNext = true;
    request();
  }, options.recheckMs ?? 2000);

  return {
    stop() {
      stopped = true;
      rootObserver.disconnect();
      bootObserver.disconnect();
      win!.clearInterval(timer);
    },
    flush,
    reset() {
      last = null;
      request();
    },
  };
}

/** A childList change that added or removed only our own overlay hosts. */
function onlyOurs(record: MutationRecord): boolean {
  return allOurs(record.addedNodes) && allOurs(record.removedNodes);
}

function allOurs(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOurs(nodes[i]!)) return false;
  return true;
}

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('kefu-guard-');
}

function defaultSchedule(doc: Document) {
  const win = doc.defaultView!;
  return (run: () => void) => {
    // rAF does not run in background tabs; the timeout keeps hidden consoles tracked.
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      run();
    };
    win.requestAnimationFrame(once);
    win.setTimeout(once, 250);
  };
}
