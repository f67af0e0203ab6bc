/**
 * One observer engine for every console: watches only the narrow containers an adapter names,
 * batches mutations into one read per animation frame, re-finds the containers when the SPA
 * remounts them, and reports a result only when it differs from the last one reported.
 */
export interface ObserveOptions<T> {
  doc: Document;
  /** The containers to watch (conversation list, open thread); empty until the app mounts them. */
  findRoots: (doc: Document) => Element[];
  read: () => T;
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

const ROOT_OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-random', 'id'] };

export function observe<T>(options: ObserveOptions<T>): Observation {
  const { doc } = options;
  const schedule = options.schedule ?? defaultSchedule(doc);
  const win = doc.defaultView;
  let roots: Element[] = [];
  let last: T | null = null;
  let pending = false;
  let stopped = false;

  const rootObserver = new win!.MutationObserver(onRecords);
  // Used only while no root is mounted, to notice the app booting or remounting.
  const bootObserver = new win!.MutationObserver(onRecords);

  /** Our own overlay hosts (kefu-guard-*) never trigger a read. Every read is a full rescan of the roots. */
  function onRecords(records: MutationRecord[]) {
    if (records.some((r) => !isOurs(r.target) && !(r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurs)))) request();
  }

  function attach() {
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
    try {
      // Cheap per batch: only a vanished root sends us looking again; new roots (a thread opening)
      // are found by the periodic check, so a batch never pays for a full-document query.
      if (roots.length === 0 || roots.some((el) => !el.isConnected)) attach();
      const next = options.read();
      const change = options.diff(last, next);
      last = next;
      if (change !== null) options.onChange(change, next);
    } catch (error) {
      options.onError?.(error);
    }
  }

  function request() {
    if (pending || stopped) return;
    pending = true;
    schedule(flush);
  }

  attach();
  const timer = win!.setInterval(() => {
    if (rootsChanged()) request();
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
