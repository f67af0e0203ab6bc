import { render } from 'preact';
import { batch, signal } from '@preact/signals';
import { DRAFT_CSS } from './draft-style';
import { createHostEditor, MIRRORED_STYLES, type HostEditor } from './host-input';

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

/** One underline rectangle over a rich editor's glyphs, in viewport coordinates. */
interface Mark extends Box {
  category: string;
  severity: DraftFinding['severity'];
}

const CLIPS = /^(hidden|clip|scroll|auto|overlay)$/;

/** The part of a box its scrolling ancestors leave visible (a rich editor often scrolls inside a wrapper). */
function visibleBox(el: Element, win: Window): Box {
  const rect = el.getBoundingClientRect();
  let top = rect.top;
  let left = rect.left;
  let right = rect.right;
  let bottom = rect.bottom;
  for (let p = el.parentElement; p && p !== el.ownerDocument.body && p !== el.ownerDocument.documentElement; p = p.parentElement) {
    const style = win.getComputedStyle(p);
    if (!CLIPS.test(style.overflowX) && !CLIPS.test(style.overflowY)) continue;
    const r = p.getBoundingClientRect();
    top = Math.max(top, r.top);
    left = Math.max(left, r.left);
    right = Math.min(right, r.right);
    bottom = Math.min(bottom, r.bottom);
  }
  return { top, left, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/**
 * Live compliance check of the agent's draft. Underlines are drawn in our own shadow root over the
 * host's box — for a textarea a mirror with transparent text, for a contenteditable editor (Quill,
 * JD's) rectangles measured from DOM Ranges over the flagged text; the host's nodes, attributes and
 * text are never touched except by the agent's click on "apply rewrite" (undoable). Sending stays
 * the agent's: the guard only asks for confirmation, then lets the agent's next Enter or click through.
 */
export function attachDraftGuard(
  input: HTMLTextAreaElement | HTMLElement,
  options: DraftGuardOptions,
): { detach(): void; refresh(): void; editor: HostEditor } {
  const doc = input.ownerDocument;
  const win = doc.defaultView!;
  const made = createHostEditor(input, { track: true });
  if (!made) throw new Error('draft guard: not a text field or contenteditable editor');
  const editor: HostEditor = made;
  const rich = editor.kind === 'contenteditable';
  const target = editor.element;
  const host = doc.createElement('kefu-guard-draft');
  host.setAttribute('style', 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = DRAFT_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);

  const text = signal(editor.text());
  const findings = signal<DraftFinding[]>([]);
  const box = signal<Box>({ top: 0, left: 0, width: 0, height: 0 });
  const scrollTop = signal(0);
  const mirrorStyle = signal<Record<string, string>>({});
  /** Rich editors: the visible part of the editor and the underline rectangles inside it. */
  const clip = signal<Box>({ top: 0, left: 0, width: 0, height: 0 });
  const marks = signal<Mark[]>([]);
  const undo = signal<{ before: string; after: string } | null>(null);
  const hidden = signal(false);
  const confirming = signal(false);
  const passedOnce = signal(false);

  /** The host's text styles: read when the draft or the window changes, not on every position check. */
  function mirrorStyles() {
    if (rich) return;
    const computed = win.getComputedStyle(input);
    const styles: Record<string, string> = {};
    for (const key of MIRRORED_STYLES) styles[key] = computed[key];
    mirrorStyle.value = styles;
  }

  function measure() {
    const rect = target.getBoundingClientRect();
    if (!rich) {
      batch(() => {
        box.value = { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
        scrollTop.value = input.scrollTop;
      });
      return;
    }
    // Rich editor: rectangles of the flagged glyphs. While a newer draft is being checked, a finding
    // keeps its underline only if its text still sits at the same offsets (typing after it), so an
    // underline never lands on other words and does not flicker on every keystroke.
    const now = editor.text();
    const checked = text.value;
    const next: Mark[] = [];
    for (const f of findings.value) {
      if (now !== checked && now.slice(f.start, f.end) !== checked.slice(f.start, f.end)) continue;
      for (const r of editor.rangeRects(f.start, f.end)) next.push({ category: f.category, severity: f.severity, top: r.top, left: r.left, width: r.width, height: r.height });
    }
    batch(() => {
      box.value = { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
      clip.value = visibleBox(target, win);
      marks.value = next;
    });
  }
  // Scrolling and typing can come many times a frame: a rich editor's rectangles are re-laid once per frame.
  let measurePending = false;
  let stopped = false;
  function scheduleMeasure() {
    if (measurePending) return;
    measurePending = true;
    win.requestAnimationFrame(() => {
      measurePending = false;
      if (!stopped) measure();
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
    const value = editor.text();
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
        if (ticket === sequence && editor.text() === value) show(value, found);
      })
      .catch((error: unknown) => console.warn('[kefu-guard] draft check failed', error));
  }

  function applyRewrite(finding: DraftFinding) {
    const before = editor.text();
    if (before.slice(finding.start, finding.end) === '' && finding.start !== finding.end) return;
    // A textarea gets the new value through its setter; a rich editor the span through insertText.
    const result = editor.replaceRange(finding.start, finding.end, finding.rewrite, finding.start + finding.rewrite.length);
    if (rich && !result.changed) return;
    options.onAction?.('rewrite-applied', finding.category);
    undo.value = { before, after: result.after };
    hidden.value = false;
    refresh();
  }

  function undoRewrite() {
    const step = undo.value;
    if (!step || editor.text() !== step.after) return;
    editor.setText(step.before, step.before.length);
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
    if (editor.text() !== checkedText) refresh();
    return findings.value.some((f) => f.severity === 'block');
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    // A rich editor is guarded from the window's capture phase (its page may listen above it): only its own keys.
    if (rich && !(event.target instanceof win.Node && target.contains(event.target))) return;
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
  const onInput = () => {
    refresh();
    if (rich) scheduleMeasure();
  };
  const onScroll = () => (rich ? scheduleMeasure() : measure());
  const onResize = () => {
    mirrorStyles();
    if (rich) scheduleMeasure();
    else measure();
  };

  if (rich) {
    // Quill and the consoles bind Enter on the editor or above it; the window's capture phase comes first.
    win.addEventListener('keydown', onKeyDown, true);
    target.addEventListener('input', onInput);
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true }); // the editor, its wrapper or the page
  } else {
    target.addEventListener('keydown', onKeyDown, true); // target is the textarea itself
    target.addEventListener('input', onInput);
    target.addEventListener('scroll', onScroll, { passive: true });
  }
  doc.addEventListener('click', onClick, true);
  win.addEventListener('resize', onResize);
  const timer = win.setInterval(() => {
    if (editor.text() !== checkedText) refresh();
    else measure();
  }, 500);

  /** Rich editors: the underlines are rectangles over the host's own glyphs, clipped to what is visible. */
  function Marks() {
    const c = clip.value;
    if (c.width === 0 || c.height === 0) return null;
    return (
      <div class="mirror-clip" style={{ top: `${c.top}px`, left: `${c.left}px`, width: `${c.width}px`, height: `${c.height}px` }}>
        {marks.value.map((m, i) => (
          <div
            key={i}
            class={`hit mark ${m.severity}`}
            data-category={m.category}
            style={{ top: `${m.top - c.top}px`, left: `${m.left - c.left}px`, width: `${m.width}px`, height: `${m.height}px` }}
          />
        ))}
      </div>
    );
  }

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
                target.focus();
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
      {rich ? <Marks /> : <Mirror />}
      <Card />
      <Confirm />
      <Passed />
    </>,
    mount,
  );
  refresh();

  return {
    refresh,
    editor,
    detach() {
      stopped = true;
      if (rich) {
        win.removeEventListener('keydown', onKeyDown, true);
        target.removeEventListener('input', onInput);
        doc.removeEventListener('scroll', onScroll, { capture: true });
      } else {
        target.removeEventListener('keydown', onKeyDown, true);
        target.removeEventListener('input', onInput);
        target.removeEventListener('scroll', onScroll);
      }
      editor.dispose();
      doc.removeEventListener('click', onClick, true);
      win.removeEventListener('resize', onResize);
      win.clearInterval(timer);
      render(null, mount);
      host.remove();
    },
  };
}
