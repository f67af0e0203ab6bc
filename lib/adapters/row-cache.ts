import { SelectorProbe } from './selectors';

/** A batch adding more nodes than this (a list rebuilt whole) forgets everything: one full rescan is cheaper than walking each node. */
export const RESCAN_ABOVE_ADDED_NODES = 1_000;

export type ReadRow<R> = (rowProbe: SelectorProbe, now: number) => R | null;

interface Entry<R> {
  row: R | null;
  context: unknown;
  /** Works out the context again, for a row re-read on its own. */
  contextOf: (() => unknown) | null;
  missing: string[];
  unparsed: string[];
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

  /**
   * @param rowAttributesReadInside attributes of a row element that only the row read looks at (PDD's
   * `data-random`, whose group suffix changes as a buyer starts waiting). Any other attribute change
   * on a row element — a selected class — may matter outside the row and asks for a full read.
   */
  constructor(private readonly rowAttributesReadInside: readonly string[] = []) {}

  /**
   * The row as read before, or read now; its health findings are reported again either way.
   * `context` is what the row's reading depends on outside its element's subtree, as worked out
   * for this read; `contextOf` works it out again when the row is re-read alone.
   */
  read(el: Element, probe: SelectorProbe, now: number, readRow: ReadRow<R>, context: unknown = null, contextOf: (() => unknown) | null = null): R | null {
    let entry = this.entries.get(el);
    if (!entry || entry.context !== context || this.touched.has(el)) {
      entry = this.readEntry(context, contextOf, now, readRow);
      this.entries.set(el, entry);
    }
    for (const name of entry.missing) probe.missing.add(name);
    for (const name of entry.unparsed) probe.unparsed.add(name);
    return entry.row;
  }

  /** A full read is done: every row it met is current. */
  settled(): void {
    this.touched.clear();
    this.elsewhere = false;
  }

  /**
   * The rows touched since the last read, read again — or null when the batch also changed
   * something else (then only a full read is right). Also null when a row's health findings or
   * readability changed, as the read's health would change with it.
   */
  rereadTouched(now: number): Reread<R>[] | null {
    if (this.elsewhere) return null;
    const rereads: Reread<R>[] = [];
    for (const el of this.touched) {
      const before = this.entries.get(el);
      if (!before || !el.isConnected) return null;
      // Its context moved (another group, another key): only a full read sees everything that implies.
      if (before.contextOf && before.contextOf() !== before.context) return null;
      const after = this.readEntry(before.context, before.contextOf, now, before.readRow);
      this.entries.set(el, after);
      this.touched.delete(el);
      if (before.row === null || after.row === null || !sameFindings(before, after)) return null;
      rereads.push({ before: before.row, after: after.row });
    }
    return rereads;
  }

  /** Sort a batch of mutations: rows touched inside, or something else changed. */
  touch(records: readonly MutationRecord[]): void {
    let added = 0;
    for (const record of records) added += record.addedNodes.length;
    if (added > RESCAN_ABOVE_ADDED_NODES) {
      this.clear();
      return;
    }
    for (const record of records) {
      const target = record.target;
      // A row's own attributes (a selected class, its key) are read outside the row read.
      if (record.type === 'attributes' && this.entries.has(target as Element) && !this.rowAttributesReadInside.includes(record.attributeName!)) this.elsewhere = true;
      if (!this.markAround(target)) this.elsewhere = true;
      // Added and removed nodes are content of their parent (handled above) — unless they are or hold
      // rows read before: a row gone or back (perhaps changed while detached, unobserved) needs a full read.
      for (const node of [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)]) {
        if (node.nodeType === 1 && this.forgetSubtree(node as Element)) this.elsewhere = true;
      }
    }
  }

  clear(): void {
    this.entries = new WeakMap();
    this.touched.clear();
    this.elsewhere = true;
  }

  private readEntry(context: unknown, contextOf: (() => unknown) | null, now: number, readRow: ReadRow<R>): Entry<R> {
    const rowProbe = new SelectorProbe();
    const row = readRow(rowProbe, now);
    return { row, context, contextOf, missing: [...rowProbe.missing], unparsed: [...rowProbe.unparsed], readRow };
  }

  /** Forget the rows at and below the element; true if there were any. */
  private forgetSubtree(el: Element): boolean {
    let had = this.entries.delete(el);
    for (const inner of Array.from(el.getElementsByTagName('*'))) had = this.entries.delete(inner) || had;
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

function sameFindings<R>(a: Entry<R>, b: Entry<R>): boolean {
  return a.missing.join('\n') === b.missing.join('\n') && a.unparsed.join('\n') === b.unparsed.join('\n');
}
