import { render } from 'preact';
import { signal, type Signal } from '@preact/signals';
import type { ChipDeadline } from '@/lib/messaging/protocol';
import { formatClock } from '@/lib/i18n';
import { CHIP_CSS } from './chip-style';

export interface PlacedChip {
  deadline: ChipDeadline;
  top: number;
  left: number;
}

export interface ChipLayerState {
  chips: Signal<PlacedChip[]>;
  now: Signal<number>;
  degraded: Signal<boolean>;
}

export interface ChipTexts {
  overdue: (clock: string) => string;
  degraded: string;
}

/** Warn colour from this close to the deadline. */
const SOON_MS = 60_000;

function Chip({ chip, now, texts }: { chip: PlacedChip; now: number; texts: ChipTexts }) {
  const left = chip.deadline.dueAt - now;
  const tone = left <= 0 ? 'late' : left <= SOON_MS ? 'soon' : 'ok';
  return (
    <span
      class={`chip ${tone}`}
      data-key={chip.deadline.key}
      title={chip.deadline.label}
      style={{ top: `${chip.top}px`, left: `${chip.left}px` }}
    >
      {left <= 0 ? texts.overdue(formatClock(-left)) : formatClock(left)}
    </span>
  );
}

function Layer({ state, texts }: { state: ChipLayerState; texts: ChipTexts }) {
  const now = state.now.value;
  return (
    <>
      {state.degraded.value && <div class="degraded">{texts.degraded}</div>}
      {state.chips.value.map((chip) => (
        <Chip key={chip.deadline.key} chip={chip} now={now} texts={texts} />
      ))}
    </>
  );
}

/**
 * Mount the chip layer in its own shadow root on a host element of ours: the page's nodes and
 * text are never touched, and page CSS cannot leak in.
 */
export function mountChipLayer(doc: Document, texts: ChipTexts): { state: ChipLayerState; destroy(): void } {
  const host = doc.createElement('kefu-guard-overlay');
  host.setAttribute('style', 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CHIP_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  const state: ChipLayerState = { chips: signal([]), now: signal(Date.now()), degraded: signal(false) };
  render(<Layer state={state} texts={texts} />, mount);
  return {
    state,
    destroy() {
      render(null, mount);
      host.remove();
    },
  };
}
