import { SelectorProbe } from './selectors';

/** Mutations adding more nodes than this outside any row (a list rebuilt whole) forget every row: one full rescan is cheaper than looking into each node. */
export const RESCAN_ABOVE_ADDED_NODES = 1_000;

/** Reads one row element; module-level functions, so a cached row costs no closure per read. */
export type ReadRow<R> = (el: Element, rowProbe: SelectorProbe, now: number, context: unknown) => R | null;
export type ContextOf = (el: Element) => unknown;

interface Entry<R> {
  row: R | null;
  context: unknown;
  /** Works out the context again, for a row re-read on its own. */
  contextOf: ContextOf | null;
  missing: readonly string[];
  unparsed: readonly string[];
  readRow: ReadRow<R>;
}

/** A row read again because a mutation touched it inside: what it read as before and now. */
export interface Reread<R> {
  before: R;
  after: R;
}

/**
 * What each rendered list row read as, kept until a mutation touches the row. Consoles patch the
 * rows that changed (Vue/React keyed lists), so after the first read a mutation batch re-reads
 * only those rows instead of all 2,000. A row's reading may depend only on the row element's own
 * subtree, plus an explicit `context` value (e.g. the group a card sits in) compared with ===.
 *
 * Mutations are sorted as they arrive: inside a known row (its text or descendants changed), or
 * anywhere else — rows added, moved or removed, a row's own attributes (a selected class, a key),
 * the thread pane. Only the first kind can be handled by `rereadTouched` without a full read.
 */
export class RowCache<R> {
  private entries = new WeakMap<Element, Entry<R>>();
  private touched = new Set<Element>();
  private elsewhere = false;
  /** Rows still to be read this slice, and the rows left for the next ones. */
  private newRowsLeft = Infinity;
  private deferred = false;
  /** Touched rows this full read served as read before, over its budget of rows read afresh. */
  private readonly servedStale = new Set<Element>();
  private queue: { el: Element; context: unknown; contextOf: ContextOf | null; readRow: ReadRow<R> }[] = [];
  /** Records kept by `touch`, sorted up to `sorted`. */
  private pending: MutationRecord[] = [];
  private sorted = 0;
  /** Nodes added outside rows by the records sorted so far. */
  private addedOutsideRows = 0;

  /**
   * Every selector rows are read by: a node added or removed that neither matches nor holds a
   * match holds no row, and is not walked. 3,000 rows' insides re-rendered at once cost 3,000
   * native queries instead of a JavaScript walk of every node in them.
   */
  private readonly rowSelector: string;

  /**
   * @param rowSelectors every selector the reader takes list rows by (the adapter's `rows`).
   * @param rowAttributesReadInside attributes of a row element that only the row read looks at (PDD's
   * `data-random`, whose group suffix changes as a buyer starts waiting). Any other attribute change
   * on a row element — a selected class — may matter outside the row and asks for a full read.
   */
  constructor(
    rowSelectors: readonly string[],
    private readonly rowAttributesReadInside: readonly string[] = [],
  ) {
    this.rowSelector = rowSelectors.join(',');
  }

  /**
   * The row as read before, or read now; its health findings are reported again either way.
   * `context` is what the row's reading depends on outside its element's subtree, as worked out
   * for this read; `contextOf` works it out again when the row is re-read alone.
   */
  read(el: Element, probe: SelectorProbe, now: number, readRow: ReadRow<R>, context: unknown = null, contextOf: ContextOf | null = null): R | null {
    if (this.pending.length > 0) this.sortPending();
    let entry = this.entries.get(el);
    const usable = entry !== undefined && entry.context === context;
    if (!usable || this.touched.has(el)) {
      if (this.newRowsLeft <= 0) {
        if (usable) {
          // Touched, but read before: served as it was and left touched, for `rereadTouched` to
          // patch next. A full read while buyers keep writing to 3,000 rows still completes.
          this.servedStale.add(el);
          return this.reported(entry!, probe);
        }
        // Never read: left for `readQueued`; this read is incomplete and must not be reported.
        this.deferred = true;
        this.queue.push({ el, context, contextOf, readRow });
        return null;
      }
      this.newRowsLeft--;
      entry = this.readEntry(el, context, contextOf, now, readRow);
      this.entries.set(el, entry);
      this.touched.delete(el);
    }
    return this.reported(entry!, probe);
  }

  private reported(entry: Entry<R>, probe: SelectorProbe): R | null {
    if (entry.missing.length > 0) for (const name of entry.missing) probe.missing.add(name);
    if (entry.unparsed.length > 0) for (const name of entry.unparsed) probe.unparsed.add(name);
    return entry.row;
  }

  /**
   * Start a full read that reads at most `maxNewRows` rows afresh: a first read of 10,000 rows is
   * spread over several frames instead of one long task; touched rows over the budget are served
   * as read before and stay touched. Untouched cached rows cost little.
   */
  beginSlice(maxNewRows: number): void {
    this.newRowsLeft = maxNewRows;
    this.deferred = false;
    this.queue = [];
    this.servedStale.clear();
  }

  /**
   * Read up to `maxRows` of the rows an incomplete read left, straight into the cache (no pass over
   * the whole list each slice). True while rows remain queued or were read now: the caller reads
   * the list in full only once this says false, when every row is cached.
   */
  readQueued(now: number, maxRows: number): boolean {
    this.sortPending();
    if (this.queue.length === 0) return false;
    for (const { el, context, contextOf, readRow } of this.queue.splice(0, maxRows)) {
      if (!el.isConnected || this.entries.has(el)) continue;
      this.entries.set(el, this.readEntry(el, context, contextOf, now, readRow));
    }
    return true;
  }

  /** The read since `beginSlice` left rows for the next slice: it is incomplete. */
  get incomplete(): boolean {
    return this.deferred;
  }

  /** A full read is done: every row it met is current, but those it served as before (still touched). */
  settled(): void {
    this.touched.clear();
    for (const el of this.servedStale) this.touched.add(el);
    this.servedStale.clear();
    this.elsewhere = false;
    this.newRowsLeft = Infinity;
  }

  /**
   * Up to `maxRows` of the rows touched since the last read, read again — or null when the batch
   * also changed something else (then only a full read is right). Also null when a row's health
   * findings or readability changed, as the read's health would change with it. Rows beyond
   * `maxRows` stay touched for the next call (`touchedLeft`): 3,000 rows re-rendered at once are
   * read over several frames.
   */
  rereadTouched(now: number, maxRows = Infinity): Reread<R>[] | null {
    this.sortPending();
    if (this.elsewhere) return null;
    const rereads: Reread<R>[] = [];
    for (const el of this.touched) {
      if (rereads.length >= maxRows) break;
      const before = this.entries.get(el);
      if (!before || !el.isConnected) return null;
      // Its context moved (another group, another key): only a full read sees everything that implies.
      if (before.contextOf && before.contextOf(el) !== before.context) return null;
      const after = this.readEntry(el, before.context, before.contextOf, now, before.readRow);
      this.entries.set(el, after);
      this.touched.delete(el);
      if (before.row === null || after.row === null || !sameFindings(before, after)) return null;
      rereads.push({ before: before.row, after: after.row });
    }
    return rereads;
  }

  /** Touched rows `rereadTouched` has not read yet, or records not sorted yet. */
  get touchedLeft(): boolean {
    return this.touched.size > 0 || this.pending.length > 0;
  }

  /**
   * Keep a batch of mutation records, to be sorted by `sortPending`: the observer's callback stays
   * cheap however big the batch, and sorting 3,000 records can be spread over frames. Reading
   * sorts whatever is left first.
   */
  touch(records: readonly MutationRecord[]): void {
    for (let i = 0; i < records.length; i++) this.pending.push(records[i]!);
  }

  /**
   * Sort up to `maxRecords` kept records: rows touched inside, or something else changed. True
   * while some remain; nothing may be read from the cache until this says false.
   */
  sortPending(maxRecords = Infinity): boolean {
    const end = Math.min(this.pending.length, this.sorted + maxRecords);
    for (; this.sorted < end; this.sorted++) {
      if (this.sortRecord(this.pending[this.sorted]!)) continue;
      this.clear();
      break;
    }
    if (this.sorted < this.pending.length) return true;
    this.pending = [];
    this.sorted = 0;
    this.addedOutsideRows = 0;
    return false;
  }

  /** False when the list was rebuilt whole: then every row is to be forgotten. */
  private sortRecord(record: MutationRecord): boolean {
    const target = record.target;
    const inside = this.markAround(target);
    if (!inside) this.elsewhere = true;
    // A row's own attributes (a selected class, its key) are read outside the row read.
    if (record.type === 'attributes' && this.entries.has(target as Element) && !this.rowAttributesReadInside.includes(record.attributeName!)) this.elsewhere = true;
    if (record.type !== 'childList') return true;
    // The list rebuilt (innerHTML, or 10,000 rows inserted one by one): forgetting every row is
    // cheaper than looking into each node, and little is lost. Many rows rebuilt inside (waiting
    // times ticking on 3,000 rows) are looked into instead: those rows alone are read again.
    if (!inside && (this.addedOutsideRows += record.addedNodes.length) > RESCAN_ABOVE_ADDED_NODES) return false;
    // Added and removed nodes are content of their parent (handled above) — unless they are or hold
    // rows read before: a row gone or back (perhaps changed while detached, unobserved) needs a full read.
    const forgotAdded = this.forgetAll(record.addedNodes);
    const forgotRemoved = this.forgetAll(record.removedNodes);
    if (forgotAdded || forgotRemoved) this.elsewhere = true;
    return true;
  }

  private clear(): void {
    this.entries = new WeakMap();
    this.touched.clear();
    this.elsewhere = true;
    this.pending = [];
    this.sorted = 0;
  }

  /** One probe reused for every row read: 10,000 rows must not mean 20,000 Sets for the collector. */
  private readonly rowProbe = new SelectorProbe();

  private readEntry(el: Element, context: unknown, contextOf: ContextOf | null, now: number, readRow: ReadRow<R>): Entry<R> {
    const probe = this.rowProbe;
    probe.missing.clear();
    probe.unparsed.clear();
    const row = readRow(el, probe, now, context);
    const missing = probe.missing.size > 0 ? [...probe.missing] : NONE;
    const unparsed = probe.unparsed.size > 0 ? [...probe.unparsed] : NONE;
    return { row, context, contextOf, missing, unparsed, readRow };
  }

  /** Forget the rows at and below the nodes; true if there were any. */
  private forgetAll(nodes: NodeList): boolean {
    let had = false;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (!el.matches(this.rowSelector) && el.querySelector(this.rowSelector) === null) continue;
      had = this.entries.delete(el) || had;
      // Live collection read by index: no array per node when thousands of rows are rebuilt.
      const inner = el.getElementsByTagName('*');
      for (let j = 0; j < inner.length; j++) had = this.entries.delete(inner[j]!) || had;
    }
    return had;
  }

  /** Mark every cached row at or above the node as touched (rows can nest when another row selector wins); true if there was one. */
  private markAround(node: Node): boolean {
    let inside = false;
    for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (!this.entries.has(el)) continue;
      this.touched.add(el);
      inside = true;
    }
    return inside;
  }
}

const NONE: readonly string[] = [];

function sameFindings<R>(a: Entry<R>, b: Entry<R>): boolean {
  return a.missing.join('\n') === b.missing.join('\n') && a.unparsed.join('\n') === b.unparsed.join('\n');
}
