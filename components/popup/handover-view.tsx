import { useSignal, type Signal } from '@preact/signals';
import { handoverText, selectHandover, type HandoverNames } from '@/lib/aftersale/handover';
import type { QueueItem } from '@/lib/queue/queue';
import type { PopupTexts } from './at-risk-list';
import { QueueList } from './queue-list';

const HOURS = [2, 4, 8, 12, 24];

/** Everything falling due in the next N hours, with a copy-as-text button for the shift group. */
export function HandoverView({ items, now, hours, texts, names, onOpenCase }: { items: QueueItem[]; now: Signal<number>; hours: Signal<number>; texts: PopupTexts; names: HandoverNames; onOpenCase: (id: string) => void }) {
  const copied = useSignal<string | null>(null);
  const due = selectHandover(items, now.value, hours.value);
  const copy = () => {
    navigator.clipboard
      .writeText(handoverText(due, Date.now(), hours.value, texts.locale, names))
      .then(() => (copied.value = texts.t('handoverCopied')))
      .catch((e: unknown) => (copied.value = String(e)));
  };
  return (
    <>
      <li class="filters" data-testid="handover">
        <label>
          {texts.t('handoverWithin')}
          <select data-testid="handover-hours" value={String(hours.value)} onChange={(e) => (hours.value = Number(e.currentTarget.value))}>
            {[...new Set([...HOURS, hours.value])].sort((a, b) => a - b).map((h) => (
              <option value={String(h)} key={h}>
                {texts.t('handoverHours', [String(h)])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="handover-copy" onClick={copy}>
          {texts.t('handoverCopy')}
        </button>
        {copied.value && <span role="status">{copied.value}</span>}
      </li>
      <QueueList items={due} now={now} texts={texts} onOpenCase={onOpenCase} />
    </>
  );
}
