import { render } from 'preact';
import { batch, signal } from '@preact/signals';
import { DRAFT_CSS } from './draft-style';
import { MIRRORED_STYLES, setHostValue } from './host-input';

/** What the overlay needs of a compliance finding (offsets into the draft as typed). */
export interface DraftFinding {
  category: string;
  severity: 'block' | 'warn';
  start: number;
  end: number;
  reason: string;
  rewrite: string;
}

export interface DraftTexts {
  title: (count: number) => string;
  category: (id: string) => string;
  suggest: string;
  apply: string;
  applied: string;
  undo: string;
  hide: string;
  confirmTitle: string;
  confirmBack: string;
  confirmSend: string;
  passed: string;
}

export interface DraftGuardOptions {
  /** The compliance check (it runs in the background worker, so it may answer asynchronously). */
  check: (text: string) => DraftFinding[] | Promise<DraftFinding[]>;
  texts: DraftTexts;
  /** The pre-send confirmation (a setting, on by default). */
  guardEnabled: () => boolean;
  /** Finds the page's send button for the click guard (the page may re-render it). */
  findSendButton: () => Element | null;
  /** What the agent did through the guard, for the audit log. */
  onAction?: (action: 'rewrite-applied' | 'rewrite-undone' | 'guard-confirmed' | 'guard-cancelled', subject: string) => void;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Live compliance check of the agent's draft. Underlines are drawn in our own shadow root over the
 * host's textarea (a mirror with transparent text); the host's nodes and text are never touched
 * except by the agent's click on "apply rewrite" (undoable). Sending stays the agent's: the guard
 * only asks for confirmation, then lets the agent's next Enter or click through.
 */
export function attachDraftGuard(input: HTMLTextAreaElement, options: DraftGuardOptions): { detach(): void; refresh(): void } {
  const doc = input.ownerDocument;
  const win = doc.defaultView!;
  const host = doc.createElement('kefu-guard-draft');
  host.setAttribute('style', 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = DRAFT_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);

  const text = signal(input.value);
  const findings = signal<DraftFinding[]>([]);
  const box = signal<Box>({ top: 0, left: 0, width: 0, height: 0 });
  const scrollTop = signal(0);
  const mirrorStyle = signal<Record<string, string>>({});
  const undo = signal<{ before: string; after: string } | null>(null);
  const hidden = signal(false);
  const confirming = signal(false);
  const passedOnce = signal(false);

  /** The host's text styles: read when the draft or the window changes, not on every position check. */
  function mirrorStyles() {
    const computed = win.getComputedStyle(input);
    const styles: Record<string, string> = {};
    for (const key of MIRRORED_STYLES) styles[key] = computed[key];
    mirrorStyle.value = styles;
  }

  function measure() {
    const rect = input.getBoundingClientRect();
    batch(() => {
      box.value = { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
      scrollTop.value = input.scrollTop;
    });
  }

  /** The draft the current findings belong to; a newer draft is being checked when they differ. */
  let checkedText = '';
  let sequence = 0;

  function show(value: string, found: DraftFinding[]) {
    checkedText = value;
    batch(() => {
      text.value = value;
      findings.value = found;
    });
    mirrorStyles();
    measure();
  }

  function refresh() {
    const value = input.value;
    batch(() => {
      if (value !== text.value) passedOnce.value = false; // a changed draft is checked again before sending
      if (undo.value && undo.value.after !== value) undo.value = null;
    });
    if (value === checkedText && value === text.value) return measure();
    const ticket = ++sequence;
    Promise.resolve()
      .then(() => options.check(value))
      .then((found) => {
        // Only the newest draft's answer is drawn: the underlines always match the text under them.
        if (ticket === sequence && input.value === value) show(value, found);
      })
      .catch((error: unknown) => console.warn('[kefu-guard] draft check failed', error));
  }

  function applyRewrite(finding: DraftFinding) {
    const before = input.value;
    if (before.slice(finding.start, finding.end) === '' && finding.start !== finding.end) return;
    const after = before.slice(0, finding.start) + finding.rewrite + before.slice(finding.end);
    setHostValue(input, after, finding.start + finding.rewrite.length);
    options.onAction?.('rewrite-applied', finding.category);
    undo.value = { before, after };
    hidden.value = false;
    refresh();
  }

  function undoRewrite() {
    const step = undo.value;
    if (!step || input.value !== step.after) return;
    setHostValue(input, step.before, step.before.length);
    options.onAction?.('rewrite-undone', '');
    undo.value = null;
    refresh();
  }

  /**
   * True when sending must wait for the agent's confirmation. If the newest keystrokes are still
   * being checked (a few ms), the last answer decides: a draft that was blocked stays blocked.
   */
  function mustConfirm(): boolean {
    if (!options.guardEnabled() || passedOnce.value) return false;
    if (input.value !== checkedText) refresh();
    return findings.value.some((f) => f.severity === 'block');
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!mustConfirm()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    confirming.value = true;
  };
  const onClick = (event: MouseEvent) => {
    const send = options.findSendButton();
    if (!send || !(event.target instanceof win.Node) || !send.contains(event.target)) return;
    if (!mustConfirm()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    confirming.value = true;
  };
  const onInput = () => refresh();
  const onScroll = () => measure();
  const onResize = () => {
    mirrorStyles();
    measure();
  };

  input.addEventListener('keydown', onKeyDown, true);
  input.addEventListener('input', onInput);
  input.addEventListener('scroll', onScroll, { passive: true });
  doc.addEventListener('click', onClick, true);
  win.addEventListener('resize', onResize);
  const timer = win.setInterval(() => {
    if (input.value !== checkedText) refresh();
    else measure();
  }, 500);

  function Mirror() {
    const b = box.value;
    const value = text.value;
    const parts: preact.ComponentChildren[] = [];
    let at = 0;
    for (const f of findings.value) {
      if (f.start < at) continue;
      parts.push(value.slice(at, f.start));
      parts.push(
        <span class={`hit ${f.severity}`} data-category={f.category}>
          {value.slice(f.start, f.end)}
        </span>,
      );
      at = f.end;
    }
    parts.push(value.slice(at));
    return (
      <div class="mirror-clip" style={{ top: `${b.top}px`, left: `${b.left}px`, width: `${b.width}px`, height: `${b.height}px` }}>
        <div class="mirror" style={{ ...mirrorStyle.value, width: `${b.width}px`, transform: `translateY(${-scrollTop.value}px)`, borderColor: 'transparent' }}>
          {parts}
          {'\u200b'}
        </div>
      </div>
    );
  }

  function Card() {
    const list = findings.value;
    const b = box.value;
    if ((list.length === 0 && !undo.value) || b.width === 0) return null;
    const style = { left: `${b.left}px`, bottom: `${win.innerHeight - b.top + 6}px` };
    if (hidden.value)
      return (
        <div class="card" style={style}>
          <header>
            <button type="button" onClick={() => (hidden.value = false)}>{options.texts.title(list.length)}</button>
          </header>
        </div>
      );
    return (
      <div class="card" style={style} data-testid="draft-card">
        <header>
          <span>{options.texts.title(list.length)}</span>
          <button type="button" onClick={() => (hidden.value = true)}>{options.texts.hide}</button>
        </header>
        {undo.value && (
          <div class="undo">
            {options.texts.applied}
            <button type="button" data-testid="draft-undo" onClick={undoRewrite}>{options.texts.undo}</button>
          </div>
        )}
        {list.map((f) => (
          <div class={`finding ${f.severity}`} key={`${f.category}:${f.start}`}>
            <div>
              <span class="cat">{options.texts.category(f.category)}</span> <span class="quote">“{text.value.slice(f.start, f.end)}”</span>
            </div>
            <div>{f.reason}</div>
            <div class="rewrite">
              {options.texts.suggest}
              {f.rewrite}
            </div>
            <button type="button" data-testid="draft-apply" onClick={() => applyRewrite(f)}>{options.texts.apply}</button>
          </div>
        ))}
      </div>
    );
  }

  function Confirm() {
    if (!confirming.value) return null;
    const blocking = findings.value.filter((f) => f.severity === 'block');
    return (
      <div class="confirm" data-testid="draft-confirm">
        <div class="box" role="alertdialog">
          <h2>{options.texts.confirmTitle}</h2>
          <ul>
            {blocking.map((f) => (
              <li key={`${f.category}:${f.start}`}>
                {options.texts.category(f.category)}：“{text.value.slice(f.start, f.end)}”
              </li>
            ))}
          </ul>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                batch(() => {
                  confirming.value = false;
                  passedOnce.value = true;
                });
                options.onAction?.('guard-confirmed', blocking.map((f) => f.category).join(' '));
              }}
            >
              {options.texts.confirmSend}
            </button>
            <button
              type="button"
              onClick={() => {
                confirming.value = false;
                options.onAction?.('guard-cancelled', blocking.map((f) => f.category).join(' '));
                input.focus();
              }}
            >
              {options.texts.confirmBack}
            </button>
          </div>
        </div>
      </div>
    );
  }

  function Passed() {
    if (!passedOnce.value) return null;
    const b = box.value;
    return (
      <div class="passed" data-testid="draft-passed" style={{ left: `${b.left}px`, top: `${b.top + b.height + 4}px` }}>
        {options.texts.passed}
      </div>
    );
  }

  mirrorStyles();
  render(
    <>
      <Mirror />
      <Card />
      <Confirm />
      <Passed />
    </>,
    mount,
  );
  refresh();

  return {
    refresh,
    detach() {
      input.removeEventListener('keydown', onKeyDown, true);
      input.removeEventListener('input', onInput);
      input.removeEventListener('scroll', onScroll);
      doc.removeEventListener('click', onClick, true);
      win.removeEventListener('resize', onResize);
      win.clearInterval(timer);
      render(null, mount);
      host.remove();
    },
  };
}
