import type { AdapterHealth, ConversationRow } from '../domain/chat';
import type { AfterSaleCase } from '../domain/aftersale';
import type { PlatformId } from '../domain/platform';
import type { RowCache } from './row-cache';
import type { SelectorList } from './selectors';

/**
 * Narrows a list's row elements (document order) before their keys are read: chips need only
 * rows on screen, and reading 10,000 keys costs 20 ms where finding the 20 on screen costs 0.2.
 */
export type RowPick = (rows: Element[]) => Element[];

export type PageKind = 'chat' | 'chat-history' | 'aftersale-list' | 'aftersale-detail';

export interface ChatRead {
  conversations: ConversationRow[];
  health: AdapterHealth;
}

export interface AfterSaleRead {
  cases: AfterSaleCase[];
  health: AdapterHealth;
}

/**
 * Everything the extension knows about one platform's console, in one place (Web Scrobbler's
 * connector idea): which URLs it handles, how to read each page kind, and where the draft box is.
 * Only adapters know any site's DOM.
 */
export interface ConsoleAdapter {
  id: PlatformId;
  label: { zh_CN: string; en: string };
  /** Manifest match patterns for the content script. */
  matches: string[];
  /** Example URLs per page kind: detectors are cross-tested so no adapter accepts another's URLs. */
  examples: Partial<Record<PageKind, string[]>>;
  detect(url: string): PageKind | null;
  chat?: {
    /** With `rows`, list rows untouched since the last read are reused (see row-cache.ts). */
    read(doc: Document, now: number, rows?: RowCache<ConversationRow>): ChatRead;
    roots(doc: Document): Element[];
    findRow(doc: Document, key: string): Element | null;
    /** Rows for many keys in one pass (countdown chips for every waiting buyer, every second). */
    findRows(doc: Document, keys: Set<string>, pick?: RowPick): Map<string, Element>;
    input: SelectorList;
    send: SelectorList;
    /** Every selector `read` takes list rows by: a row cache looks for rows only in what matches them. */
    rows: SelectorList;
    /** Attributes of a list row element read only by the row's own reading (see row-cache.ts). */
    rowAttributesReadInside?: readonly string[];
    /** The list renders only what is on screen: rows that scroll away are not "removed". */
    virtualized: boolean;
  };
  aftersale?: {
    read(doc: Document, now: number, kind: 'aftersale-list' | 'aftersale-detail'): AfterSaleRead;
    roots(doc: Document): Element[];
  };
  /** Set when live chat cannot be read in a browser at all (Taobao's reception is the native 千牛 client). */
  chatUnavailable?: { zh_CN: string; en: string };
}
