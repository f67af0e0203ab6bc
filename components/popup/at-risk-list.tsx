import type { Signal } from '@preact/signals';
import type { AtRiskRow } from '@/lib/tracker/at-risk';
import type { TabRecord } from '@/lib/store/db';
import type { Suggestion } from '@/lib/messaging/protocol';
import { RowSuggestions } from './suggestions';
import { formatClock, type Locale } from '@/lib/i18n';

export interface PopupTexts {
  t: (key: string, subs?: string[]) => string;
  locale: Locale;
  ruleLabel: (platform: AtRiskRow['platform'], ruleId: string) => string;
  /** What the buyer's last message is baiting the agent into, with a safe reply (or null). */
  bait: (row: AtRiskRow) => { reason: string; safeReply: string } | null;
  /** Reply suggestions for the buyer's last message, and inserting one into that conversation's tab. */
  suggest: (row: AtRiskRow) => Suggestion[];
  insert: (row: AtRiskRow, text: string, templateId: string) => Promise<boolean>;
}

export function DegradedRows({ tabs, texts }: { tabs: TabRecord[]; texts: PopupTexts }) {
  const bad = tabs.filter((tab) => tab.degraded || !tab.recognised);
  const unavailable = [...new Set(tabs.filter((tab) => tab.note === 'chat-unavailable' && tab.platform).map((tab) => tab.platform!))];
  return (
    <>
      {unavailable.map((platform) => (
        <li class="exempt" key={`na-${platform}`} data-testid="chat-unavailable-row">
          {texts.t('popupChatUnavailable', [texts.t(`platform_${platform}`)])}
        </li>
      ))}
      {bad.map((tab) => (
        <li class="degraded" key={tab.tabId} data-testid="degraded-row">
          {tab.recognised
            ? texts.t('popupDegraded', [
                tab.platform ? texts.t(`platform_${tab.platform}`) : '?',
                [...tab.health.missingSelectors, ...tab.health.unparsedFields].join(', '),
              ])
            : texts.t('popupUnrecognised', [tab.url])}
        </li>
      ))}
    </>
  );
}

/** One waiting buyer: who, which clock, the bait in their message if any, and time left. */
export function ChatRow({ row, now, texts }: { row: AtRiskRow; now: Signal<number>; texts: PopupTexts }) {
  const left = row.dueAt - now.value;
  const tone = left <= 0 ? 'late' : row.atRisk ? 'soon' : 'ok';
  const bait = texts.bait(row);
  return (
    <li class={`row ${tone}`} data-testid="risk-row" data-conversation={row.conversationId}>
      <div class="who">
        <span class="nick">{row.nick || row.conversationId.split(':').pop()}</span>
        <span class="where">
          {texts.t(`platform_${row.platform}`)} · {shopLabel(row.shop, texts)}
        </span>
      </div>
      <div class="rule">
        {texts.ruleLabel(row.platform, row.ruleId)}
        {row.lapsedRuleIds.length > 0 && row.lapsedRuleIds[row.lapsedRuleIds.length - 1] !== row.ruleId && (
          <span class="lapsed"> · {row.lapsedRuleIds.map((id) => texts.ruleLabel(row.platform, id)).join('、')} ✕</span>
        )}
      </div>
      {bait && (
        <div class="bait" data-testid="buyer-bait">
          ⚠ {bait.reason}
          <div class="safe">
            {texts.t('popupSafeReply')}
            {bait.safeReply}
          </div>
        </div>
      )}
      <RowSuggestions suggestions={texts.suggest(row)} texts={texts} onInsert={(text, templateId) => texts.insert(row, text, templateId)} />
      <div class="left" data-testid="countdown">
        {left <= 0 ? texts.t('popupOverdue', [formatClock(-left)]) : texts.t('popupLeft', [formatClock(left)])}
      </div>
    </li>
  );
}

export const shopLabel = (shop: string, texts: PopupTexts) => (shop === 'default' ? texts.t('defaultShop') : shop);

export interface ExemptionNotice {
  id: string;
  label: string;
  effect: 'not-assessed' | 'changed';
  until: string;
}

/** Dated rule exemptions in force now: agents must know when a metric is off or changed. */
export function ExemptionRows({ notices, texts }: { notices: ExemptionNotice[]; texts: PopupTexts }) {
  return (
    <>
      {notices.map((n) => (
        <li class="exempt" key={n.id} data-testid="exemption-row">
          {texts.t(n.effect === 'not-assessed' ? 'exemptNotAssessed' : 'exemptChanged', [n.label, n.until])}
        </li>
      ))}
    </>
  );
}
