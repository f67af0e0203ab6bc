import { render } from 'preact';
import { signal, type Signal } from '@preact/signals';
import type { TabCases } from '@/lib/messaging/protocol';
import { formatClock } from '@/lib/i18n';

export interface CaseChipTexts {
  tracked: (count: number) => string;
  nearest: (caseId: string, clock: string) => string;
  overdue: (caseId: string, clock: string) => string;
  open: string;
}

const CSS = `
.case-chip { position: fixed; right: 16px; bottom: 16px; pointer-events: auto; display: flex; gap: 8px; align-items: center;
  font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; padding: 6px 10px; border-radius: 8px;
  background: #fff; color: #202124; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.case-chip .late { color: #d93025; font-weight: 600; }
.case-chip button { font: inherit; border: 0; border-radius: 4px; padding: 2px 8px; background: #1a73e8; color: #fff; cursor: pointer; }
`;

function Chip({ cases, now, texts, onOpen }: { cases: Signal<TabCases | null>; now: Signal<number>; texts: CaseChipTexts; onOpen: (id: string) => void }) {
  const value = cases.value;
  if (!value || value.open === 0 || !value.nearest) return null;
  const { nearest } = value;
  const left = nearest.dueAt === null ? null : nearest.dueAt - now.value;
  return (
    <div class="case-chip" data-testid="case-chip">
      <span>{texts.tracked(value.open)}</span>
      {left !== null && <span class={left <= 0 ? 'late' : ''}>{left <= 0 ? texts.overdue(nearest.caseId, formatClock(-left)) : texts.nearest(nearest.caseId, formatClock(left))}</span>}
      <button type="button" onClick={() => onOpen(nearest.id)}>
        {texts.open}
      </button>
    </div>
  );
}

/**
 * A small card on after-sales pages, in its own shadow root: how many cases this page shows that
 * are tracked, the one due first, and a button that opens its checklist in the side panel.
 */
export function mountCaseChip(doc: Document, texts: CaseChipTexts, onOpen: (id: string) => void): { cases: Signal<TabCases | null>; destroy(): void } {
  const host = doc.createElement('kefu-guard-cases');
  host.setAttribute('style', 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  const cases = signal<TabCases | null>(null);
  const now = signal(Date.now());
  const win = doc.defaultView!;
  const timer = win.setInterval(() => (now.value = Date.now()), 1000);
  render(<Chip cases={cases} now={now} texts={texts} onOpen={onOpen} />, mount);
  return {
    cases,
    destroy() {
      win.clearInterval(timer);
      render(null, mount);
      host.remove();
    },
  };
}
