import type { AftersaleUpdate, ChatUpdate, ChipDeadline, TabCases } from '../messaging/protocol';
import { fireDueWarnings, rearm, refreshBadge } from './alerts';
import { StoreCache } from './cache';
import { ingestCases, tabCases, type CaseIngestResult } from './cases';
import { ingestChat } from './ingest';
import type { TrackerPorts } from './ports';
import { purgeExpired } from '../store/retention';

/** How often a long-lived worker re-runs the retention purge on its alarms (it also runs on every start). */
const PURGE_EVERY_MS = 6 * 3_600_000;

/** When a wake-up job fails, the next try. */
const RETRY_AFTER_MS = 60_000;

/** The background's whole job, as plain async functions over injected ports. */
export class Tracker {
  private readonly cache = new StoreCache();
  private lastPurge = -Infinity;

  constructor(private readonly ports: TrackerPorts) {}

  /** On every worker start: whatever fell due while the worker was dead fires now, then re-arm. */
  async resume(now: number): Promise<void> {
    await this.wakeJob(now);
  }

  async onAlarm(now: number): Promise<void> {
    await this.wakeJob(now);
  }

  /** After anything that changes what the badge shows (a tab's health, a page seen): same settle. */
  async refresh(now: number): Promise<void> {
    await this.settle(now);
  }

  async onChatUpdate(update: ChatUpdate, tabId: number | null, now: number): Promise<{ deadlines: ChipDeadline[]; degraded: boolean }> {
    const result = await ingestChat(this.ports, this.cache, update, tabId, now);
    for (const id of result.answered) await this.ports.notifier.clear(id);
    await this.settle(now);
    return { deadlines: await this.chipDeadlines(update.snapshot.platform, update.snapshot.shop), degraded: result.degraded };
  }

  async onAftersaleUpdate(update: AftersaleUpdate, tabId: number | null, now: number): Promise<CaseIngestResult & { cases: TabCases }> {
    const result = await ingestCases(this.ports, update, tabId, now);
    for (const id of result.settled) await this.ports.notifier.clear(id);
    await this.settle(now);
    return { ...result, cases: await tabCases(this.ports.db, tabId) };
  }

  /** After an import replaced the store: nothing cached may outlive it. */
  async afterImport(now: number): Promise<void> {
    this.cache.forget();
    await this.settle(now);
  }

  async onTabClosed(tabId: number, now: number): Promise<void> {
    await this.ports.db.tabs.delete(tabId);
    await refreshBadge(this.ports, now);
  }

  /** Nearest open deadline per conversation of one shop, for the in-page chips. */
  async chipDeadlines(platform: ChatUpdate['snapshot']['platform'], shop: string): Promise<ChipDeadline[]> {
    const prefix = `${platform}:${shop}:`;
    const open = this.cache.openClocks
      ? [...this.cache.openClocks.values()].sort((a, b) => a.dueAt - b.dueAt)
      : await this.ports.db.deadlines.where('[state+dueAt]').between(['open', -Infinity], ['open', Infinity]).toArray();
    const nearest = new Map<string, ChipDeadline>();
    for (const d of open) {
      if (!d.conversationId.startsWith(prefix) || nearest.has(d.conversationId)) continue;
      const pack = this.ports.rules(d.platform);
      const rule = pack.ok ? pack.pack.replyRules.find((r) => r.id === d.ruleId) : undefined;
      nearest.set(d.conversationId, {
        key: d.conversationId.slice(prefix.length),
        ruleId: d.ruleId,
        label: rule?.label[this.ports.locale] ?? d.ruleId,
        dueAt: d.dueAt,
      });
    }
    return [...nearest.values()];
  }

  /**
   * The alarm that woke the worker is spent. A retry alarm goes first, so a job that fails (a full
   * disk) or a worker killed mid-job still leaves an alarm; a job that completes replaces it.
   */
  private async wakeJob(now: number): Promise<void> {
    await this.ports.alarms.arm(now + RETRY_AFTER_MS);
    await this.purge(now);
    await this.settle(now);
  }

  /** Retention purge: on worker start and on alarms, at most every 6 h — never on the hot path of a page update. */
  private async purge(now: number): Promise<void> {
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    const purged = await purgeExpired(this.ports.db, now, this.ports.retentionDays?.());
    if (purged.conversations + purged.deadlines > 0) this.cache.forget(); // purged rows must not live on in the cache
  }

  private async settle(now: number): Promise<void> {
    await fireDueWarnings(this.ports, now);
    await rearm(this.ports);
    await refreshBadge(this.ports, now);
  }
}
