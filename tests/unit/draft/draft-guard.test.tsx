// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachDraftGuard, type DraftFinding, type DraftGuardOptions, type DraftTexts } from '@/components/draft/draft-guard';

const TEXTS: DraftTexts = {
  title: (n) => `${n} 处问题`,
  category: (id) => id,
  suggest: '建议：',
  apply: '改写',
  applied: '已改写',
  undo: '撤销',
  hide: '收起',
  confirmTitle: '确认发送？',
  confirmBack: '返回修改',
  confirmSend: '仍要发送',
  passed: '已确认',
};
const REWRITE = '有任何问题您直接在平台找我就可以';

/** A stand-in for the compliance check: '加我V信 abc_123' (or '加我微信…') is a block finding. */
function fakeCheck(text: string): DraftFinding[] {
  const found: DraftFinding[] = [];
  for (const m of text.matchAll(/加我(?:V信|微信) ?[a-z0-9_]*/g))
    found.push({ category: 'contact_off_platform', severity: 'block', start: m.index, end: m.index + m[0].length, reason: '不得发布站外联系方式', rewrite: REWRITE });
  return found;
}

const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 20));
};
const shadow = () => document.querySelector('kefu-guard-draft')!.shadowRoot!;
const byTestId = (id: string) => shadow().querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** happy-dom does no layout: every glyph is a 14×20 box on one line at y=100. */
function fakeLayout(editor: HTMLElement) {
  editor.getBoundingClientRect = () => new DOMRect(20, 90, 400, 60);
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const width = (this.endOffset - this.startOffset) * 14;
    return [new DOMRect(24 + this.startOffset * 14, 100, width, 20)] as unknown as DOMRectList;
  });
}

/** The page's own send handlers (what Quill's Enter binding / the 发送 button would do). */
function pageSends(editor: HTMLElement, button: HTMLElement) {
  const sent: string[] = [];
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      sent.push(editor.textContent ?? '');
    }
  });
  button.addEventListener('click', () => sent.push(editor.textContent ?? ''));
  return sent;
}

function options(extra: Partial<DraftGuardOptions> = {}): DraftGuardOptions {
  return { check: fakeCheck, texts: TEXTS, guardEnabled: () => true, findSendButton: () => document.querySelector('.send'), ...extra };
}

let detach: (() => void) | null = null;
beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  detach?.();
  detach = null;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function kuaishou(html: string) {
  document.body.innerHTML = `<div class="editor"><div class="ql-container"><div class="ql-editor" contenteditable="true">${html}</div></div><button class="ant-btn ant-btn-primary send" type="button"><span>发送</span></button></div>`;
  return { editor: document.querySelector<HTMLElement>('.ql-editor')!, button: document.querySelector<HTMLElement>('.send')! };
}

/** The agent typing: the browser edits the DOM, then fires input. */
function type(editor: HTMLElement, html: string) {
  editor.innerHTML = html;
  editor.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
}

describe('draft guard on a contenteditable (Quill) editor', () => {
  it('underlines the finding in our own shadow root from Range rects, and never touches the host editor', async () => {
    const { editor } = kuaishou('<p>亲，加我V信 abc_123 给您优惠</p><p>第二行</p>');
    fakeLayout(editor);
    const before = editor.outerHTML;
    const watcher = new MutationObserver(() => undefined);
    watcher.observe(editor.parentElement!, { subtree: true, childList: true, attributes: true, characterData: true });
    const guard = attachDraftGuard(editor, options());
    detach = guard.detach;
    await settle();
    window.dispatchEvent(new Event('resize'));
    editor.dispatchEvent(new Event('scroll'));
    await settle();

    const marks = shadow().querySelectorAll<HTMLElement>('.hit.block');
    expect(marks.length).toBe(1);
    expect(marks[0]!.dataset.category).toBe('contact_off_platform');
    // "加我V信 abc_123" is offsets 2..14 of the text node: the rect Range.getClientRects gave, relative to the clip box.
    expect(marks[0]!.style.left).toBe(`${24 + 2 * 14 - 20}px`);
    expect(marks[0]!.style.width).toBe(`${12 * 14}px`);
    expect(marks[0]!.style.top).toBe(`${100 - 90}px`);
    expect(byTestId('draft-card')!.textContent).toContain('不得发布站外联系方式');

    expect(watcher.takeRecords()).toEqual([]);
    watcher.disconnect();
    expect(editor.outerHTML).toBe(before);
    expect(editor.querySelector('*:not(p)')).toBeNull();
  });

  it('re-checks and re-lays the underlines as the agent types', async () => {
    const { editor } = kuaishou('<p><br></p>');
    fakeLayout(editor);
    const guard = attachDraftGuard(editor, options());
    detach = guard.detach;
    await settle();
    expect(shadow().querySelectorAll('.hit').length).toBe(0);
    type(editor, '<p>好的</p><p>加我微信 ab12</p>');
    await settle();
    const marks = shadow().querySelectorAll<HTMLElement>('.hit.block');
    expect(marks.length).toBe(1);
    expect(marks[0]!.style.width).toBe(`${9 * 14}px`);
    type(editor, '<p>好的</p>');
    await settle();
    expect(shadow().querySelectorAll('.hit').length).toBe(0);
  });

  it('while a newer draft is being checked, an underline stays only where its text is unchanged', async () => {
    const { editor } = kuaishou('<p>加我微信 ab12</p>');
    fakeLayout(editor);
    let answer: ((found: DraftFinding[]) => void) | null = null;
    let first = true;
    const check = (text: string) => {
      if (first) return ((first = false), fakeCheck(text));
      return new Promise<DraftFinding[]>((resolve) => (answer = resolve)); // the worker is slow
    };
    const guard = attachDraftGuard(editor, options({ check }));
    detach = guard.detach;
    await settle();
    expect(shadow().querySelectorAll('.hit.block').length).toBe(1);
    type(editor, '<p>加我微信 ab12，谢谢</p>'); // typed after it
    await settle();
    expect(shadow().querySelectorAll('.hit.block').length).toBe(1);
    type(editor, '<p>您好加我微信 ab12，谢谢</p>'); // typed before it: the old offsets point elsewhere
    await settle();
    expect(shadow().querySelectorAll('.hit.block').length).toBe(0);
    answer!(fakeCheck('您好加我微信 ab12，谢谢'));
    await settle();
    expect(shadow().querySelectorAll('.hit.block').length).toBe(1);
  });

  it('apply rewrite replaces only the flagged span through input events, and undo puts it back', async () => {
    const { editor } = kuaishou('<p>亲，加我V信 abc_123 给您优惠</p>');
    fakeLayout(editor);
    const events: string[] = [];
    editor.addEventListener('beforeinput', (e) => events.push(`beforeinput:${(e as InputEvent).inputType}`));
    editor.addEventListener('input', (e) => events.push(`input:${(e as InputEvent).inputType}`));
    const actions: string[] = [];
    const guard = attachDraftGuard(editor, options({ onAction: (a) => actions.push(a) }));
    detach = guard.detach;
    await settle();

    byTestId('draft-apply')!.click();
    await settle();
    expect(guard.editor.text()).toBe(`亲，${REWRITE} 给您优惠`);
    expect(editor.innerHTML).toBe(`<p>亲，${REWRITE} 给您优惠</p>`);
    expect(events).toEqual(['beforeinput:insertText', 'input:insertText']);
    expect(shadow().querySelectorAll('.hit').length).toBe(0);

    byTestId('draft-undo')!.click();
    await settle();
    expect(guard.editor.text()).toBe('亲，加我V信 abc_123 给您优惠');
    expect(events.length).toBe(4);
    expect(actions).toEqual(['rewrite-applied', 'rewrite-undone']);
    expect(shadow().querySelectorAll('.hit.block').length).toBe(1);
  });

  it('pre-send: Enter (without Shift) and the send button ask first and send nothing; after confirming, the agent sends', async () => {
    const { editor, button } = kuaishou('<p>亲，加我V信 abc_123</p>');
    fakeLayout(editor);
    const sent = pageSends(editor, button);
    const actions: string[] = [];
    const guard = attachDraftGuard(editor, options({ onAction: (a) => actions.push(a) }));
    detach = guard.detach;
    await settle();

    const enter = (init: KeyboardEventInit = {}) => editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
    expect(enter({ shiftKey: true })).toBe(true); // Shift+Enter is a new line: not ours
    await settle();
    expect(byTestId('draft-confirm')).toBeNull();
    expect(sent).toEqual([]);

    expect(enter()).toBe(false);
    await settle();
    expect(byTestId('draft-confirm')).not.toBeNull();
    expect(sent).toEqual([]);
    byTestId('draft-confirm')!.querySelectorAll('button')[1]!.click(); // 返回修改
    await settle();
    expect(byTestId('draft-confirm')).toBeNull();

    button.querySelector('span')!.click();
    await settle();
    expect(byTestId('draft-confirm')).not.toBeNull();
    expect(sent).toEqual([]);
    byTestId('draft-confirm')!.querySelectorAll('button')[0]!.click(); // 仍要发送
    await settle();
    expect(byTestId('draft-passed')).not.toBeNull();
    expect(sent).toEqual([]); // we never send
    enter();
    expect(sent).toEqual(['亲，加我V信 abc_123']); // the agent does
    expect(actions).toEqual(['guard-cancelled', 'guard-confirmed']);
  });

  it('lets a clean draft, IME composition and keys outside the editor through', async () => {
    const { editor, button } = kuaishou('<p>好的，马上为您发货</p>');
    fakeLayout(editor);
    const sent = pageSends(editor, button);
    const guard = attachDraftGuard(editor, options());
    detach = guard.detach;
    await settle();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(sent).toEqual(['好的，马上为您发货']);
    type(editor, '<p>加我微信 x1</p>');
    await settle();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true }));
    expect(sent.length).toBe(2);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(byTestId('draft-confirm')).toBeNull();
  });

  it('detach removes our overlay and listeners', async () => {
    const { editor, button } = kuaishou('<p>加我微信 a1</p>');
    fakeLayout(editor);
    const sent = pageSends(editor, button);
    const guard = attachDraftGuard(editor, options());
    await settle();
    guard.detach();
    expect(document.querySelector('kefu-guard-draft')).toBeNull();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(sent).toEqual(['加我微信 a1']);
  });
});

describe('draft guard on JD 咚咚’s bare contenteditable', () => {
  it('underlines, rewrites and guards Enter the same way', async () => {
    document.body.innerHTML =
      '<div class="EditorWrapper"><div class="pell-editor-wrapper"><div class="EditorContent " contenteditable="true">您好<br>加我微信 jd001</div></div><div class="SendButtonGroup"><span class="send-button send">发送</span></div></div>';
    const editor = document.querySelector<HTMLElement>('.EditorContent')!;
    fakeLayout(editor);
    const sent = pageSends(editor, document.querySelector<HTMLElement>('.send-button')!);
    const guard = attachDraftGuard(editor, options());
    detach = guard.detach;
    await settle();
    expect(guard.editor.text()).toBe('您好\n加我微信 jd001');
    expect(shadow().querySelectorAll('.hit.block').length).toBe(1);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(byTestId('draft-confirm')).not.toBeNull();
    expect(sent).toEqual([]);
    byTestId('draft-confirm')!.querySelectorAll('button')[1]!.click();
    byTestId('draft-apply')!.click();
    await settle();
    expect(guard.editor.text()).toBe(`您好\n${REWRITE}`);
    expect(editor.innerHTML).toBe(`您好<br>${REWRITE}`);
  });
});

describe('draft guard on a textarea (unchanged path)', () => {
  it('mirror underline, rewrite via the value setter with the caret after it, undo to the end', async () => {
    document.body.innerHTML = '<textarea id="replyTextarea"></textarea><button class="send">发送</button>';
    const area = document.querySelector('textarea')!;
    area.getBoundingClientRect = () => new DOMRect(0, 500, 300, 80);
    area.value = '亲，加我V信 abc_123 给您优惠';
    const inputs: string[] = [];
    area.addEventListener('input', () => inputs.push(area.value));
    const guard = attachDraftGuard(area, options());
    detach = guard.detach;
    expect(guard.editor.kind).toBe('textarea');
    await settle();
    const hit = shadow().querySelector<HTMLElement>('.mirror .hit.block')!;
    expect(hit.textContent).toBe('加我V信 abc_123');
    byTestId('draft-apply')!.click();
    expect(area.value).toBe(`亲，${REWRITE} 给您优惠`);
    expect(area.selectionStart).toBe(2 + REWRITE.length);
    await settle();
    byTestId('draft-undo')!.click();
    expect(area.value).toBe('亲，加我V信 abc_123 给您优惠');
    expect(area.selectionStart).toBe(area.value.length);
    expect(inputs).toEqual([`亲，${REWRITE} 给您优惠`, '亲，加我V信 abc_123 给您优惠']);
  });
});
