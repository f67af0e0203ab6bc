// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostEditor, insertAtCaret, layoutOf, offsetAt, pointAt, setHostValue, type HostEditor } from '@/components/draft/host-input';

/** A Quill-shaped editor (Kuaishou): `<div class="ql-editor"><p>…</p></div>`. */
function quill(html: string): HTMLElement {
  document.body.innerHTML = `<div class="ql-container"><div class="ql-editor" contenteditable="true">${html}</div></div>`;
  return document.querySelector<HTMLElement>('.ql-editor')!;
}
/** JD 咚咚's bare contenteditable. */
function jd(html: string): HTMLElement {
  document.body.innerHTML = `<div class="pell-editor-wrapper"><div class="EditorContent " contenteditable="true">${html}</div></div>`;
  return document.querySelector<HTMLElement>('.EditorContent')!;
}
const ce = (el: HTMLElement, track = false) => createHostEditor(el, { track }) as HostEditor;

/** Input-ish events the page would see on the editor. */
function recordEvents(el: HTMLElement) {
  const events: { type: string; inputType: string; data: string | null; cancelable: boolean }[] = [];
  for (const type of ['beforeinput', 'input'])
    el.addEventListener(type, (e) => {
      const ie = e as InputEvent;
      events.push({ type, inputType: ie.inputType, data: ie.data, cancelable: ie.cancelable });
    });
  return events;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  delete (document as { execCommand?: unknown }).execCommand;
});

describe('plain text of a contenteditable editor', () => {
  it('reads Quill markup as typed: one line per <p>, the empty-line <br> adds nothing, no trailing newline', () => {
    expect(ce(quill('<p><br></p>')).text()).toBe(''); // Quill's empty editor (its getText() is "\n")
    expect(ce(quill('<p>亲，加我微信</p>')).text()).toBe('亲，加我微信');
    expect(ce(quill('<p>亲，加我微信</p><p><br></p>')).text()).toBe('亲，加我微信\n'); // Quill: "亲，加我微信\n\n"
    expect(ce(quill('<p>a</p><p><br></p><p>b</p>')).text()).toBe('a\n\nb');
    expect(ce(quill('<p><br></p><p>b</p>')).text()).toBe('\nb');
    expect(ce(quill('<p>加<strong>我</strong><em>微<u>信</u></em></p>')).text()).toBe('加我微信');
    expect(ce(quill('<ol><li>一</li><li>二</li></ol>')).text()).toBe('一\n二');
  });

  it("skips Quill's caret placeholder and source indentation, and reads U+00A0 as the space the agent typed", () => {
    expect(ce(quill('<p>ab<span class="ql-cursor">\ufeff</span>c</p>')).text()).toBe('abc');
    expect(ce(quill('\n  <p>a</p>\n  <p>b</p>\n')).text()).toBe('a\nb');
    expect(ce(quill('<p>a\u00a0 b\u00a0</p>')).text()).toBe('a  b ');
    expect(ce(quill('<p>zero\u200bwidth</p>')).text()).toBe('zero\u200bwidth'); // an evasion trick stays visible to the check
  });

  it("reads JD's bare editor: <br> lines, Chrome's trailing placeholder <br>, <div> paragraphs", () => {
    expect(ce(jd('<br>')).text()).toBe('');
    expect(ce(jd('abc<br>def')).text()).toBe('abc\ndef');
    expect(ce(jd('abc<br>def<br>')).text()).toBe('abc\ndef');
    expect(ce(jd('abc<br><br>')).text()).toBe('abc\n');
    expect(ce(jd('abc<div>def</div><div><br></div>')).text()).toBe('abc\ndef\n');
    expect(ce(jd('<div>abc</div>def')).text()).toBe('abc\ndef');
    expect(ce(jd('a<img alt="[微笑]" src="data:,">b')).text()).toBe('ab');
  });

  it('finds the editing host when given a node inside it, and refuses other elements', () => {
    const el = quill('<p>ab</p>');
    expect(createHostEditor(el.querySelector('p')!)?.element).toBe(el);
    expect(createHostEditor(document.querySelector('.ql-container')!)).toBeNull();
  });
});

const SAMPLES: [string, () => HTMLElement][] = [
  ['Quill lines with CJK, emoji and formatting', () => quill('<p>亲😀，加<strong>我V</strong>信</p><p><br></p><p>👍🏽 abc_123</p><p>好的</p>')],
  ['JD <br> lines and a <div> paragraph', () => jd('加我😀<br>微信<b>号</b><br><br>𠮷x<div>尾巴</div>')],
  ['an empty Quill editor', () => quill('<p><br></p>')],
];

describe('offsets ↔ DOM positions', () => {
  for (const [name, make] of SAMPLES) {
    it(`round-trips every offset, both affinities, and every range: ${name}`, () => {
      const root = make();
      const layout = layoutOf(root);
      const text = layout.text;
      for (let k = 0; k <= text.length; k++) {
        expect(offsetAt(root, layout, pointAt(root, layout, k, 'forward'))).toBe(k);
        expect(offsetAt(root, layout, pointAt(root, layout, k, 'backward'))).toBe(k);
      }
      const editor = ce(root) as HostEditor & { rangeFor(a: number, b: number): Range };
      for (let a = 0; a <= text.length; a++)
        for (let b = a; b <= text.length; b++) expect(editor.rangeFor(a, b).toString()).toBe(text.slice(a, b).replace(/\n/g, ''));
    });
  }

  it('counts UTF-16 code units like String.slice: an emoji is two, a skin-toned one four', () => {
    const root = quill('<p>😀a</p><p>👍🏽b</p>');
    const layout = layoutOf(root);
    expect(layout.text).toBe('😀a\n👍🏽b');
    const [p1, p2] = Array.from(root.children);
    expect(pointAt(root, layout, 2)).toEqual({ node: p1!.firstChild, offset: 2 });
    expect(pointAt(root, layout, 4)).toEqual({ node: p2!.firstChild, offset: 0 });
    expect(pointAt(root, layout, 8)).toEqual({ node: p2!.firstChild, offset: 4 });
  });

  it('maps element-level positions (what a browser reports on an empty line or after a node) to offsets', () => {
    const root = quill('<p>ab</p><p><br></p><p>cd</p>');
    const layout = layoutOf(root); // "ab\n\ncd"
    const [p1, p2, p3] = Array.from(root.children) as HTMLElement[];
    expect(offsetAt(root, layout, { node: p1!, offset: 1 })).toBe(2); // after "ab"
    expect(offsetAt(root, layout, { node: p2!, offset: 0 })).toBe(3); // the empty line
    expect(offsetAt(root, layout, { node: p3!, offset: 0 })).toBe(4);
    expect(offsetAt(root, layout, { node: root, offset: 0 })).toBe(0);
    expect(offsetAt(root, layout, { node: root, offset: 3 })).toBe(6);
    expect(offsetAt(root, layout, { node: document.body, offset: 0 })).toBeNull();
    expect(pointAt(root, layout, 3)).toEqual({ node: p2, offset: 0 }); // the caret on the empty line sits before its <br>
  });

  it('gets and sets the caret and selection in plain-text offsets', () => {
    const root = quill('<p>加我😀</p><p>微信</p>');
    const editor = ce(root);
    editor.setSelection(4, 7);
    expect(document.activeElement).toBe(root);
    expect(document.getSelection()!.toString()).toBe('微信'); // "\n微信": the line break is no character of the DOM
    expect(editor.selection()).toEqual({ start: 4, end: 7 });
    editor.setSelection(2);
    expect(editor.selection()).toEqual({ start: 2, end: 2 });
    document.getSelection()!.removeAllRanges();
    expect(editor.selection()).toBeNull();
  });
});

describe('writing through the input path (happy-dom has no execCommand: the event fallback)', () => {
  it('replaceRange dispatches a cancelable beforeinput, splices the text, dispatches input, and leaves the caret after it', () => {
    const root = quill('<p>亲，加我V信 abc_123 给您优惠</p>');
    const events = recordEvents(root);
    const editor = ce(root);
    const result = editor.replaceRange(2, 14, '有问题您在平台内找我😀');
    expect(result).toMatchObject({ ok: true, changed: true, path: 'events', before: '亲，加我V信 abc_123 给您优惠', after: '亲，有问题您在平台内找我😀 给您优惠' });
    expect(editor.text()).toBe('亲，有问题您在平台内找我😀 给您优惠');
    expect(events).toEqual([
      { type: 'beforeinput', inputType: 'insertText', data: '有问题您在平台内找我😀', cancelable: true },
      { type: 'input', inputType: 'insertText', data: '有问题您在平台内找我😀', cancelable: false },
    ]);
    expect(editor.selection()).toEqual({ start: 14, end: 14 });
    expect(root.innerHTML).toBe('<p>亲，有问题您在平台内找我😀 给您优惠</p>'); // edited in place: no extra nodes
  });

  it('replaces a span that crosses lines and formatting, joining the lines', () => {
    const root = quill('<p>加我<strong>V</strong></p><p>信 abc</p><p>好</p>');
    const editor = ce(root);
    expect(editor.text()).toBe('加我V\n信 abc\n好');
    const result = editor.replaceRange(2, 5, '微');
    expect(result.ok).toBe(true);
    expect(editor.text()).toBe('加我微 abc\n好');
  });

  it('inserts into an empty Quill line and into JD\'s empty editor', () => {
    const q = quill('<p><br></p>');
    expect(ce(q).replaceRange(0, 0, '您好').ok).toBe(true);
    expect(ce(q).text()).toBe('您好');
    const j = jd('<br>');
    expect(ce(j).replaceRange(0, 0, '您好\n在的').ok).toBe(true);
    expect(ce(j).text()).toBe('您好\n在的');
  });

  it('lets a page that handles beforeinput itself (Quill 2) do the edit: no second insert, no input from us', () => {
    const root = quill('<p>加我微信</p>');
    root.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      root.firstElementChild!.textContent = '加我' + ((e as InputEvent).data ?? '');
    });
    const events = recordEvents(root);
    const result = ce(root).replaceRange(2, 4, '平台');
    expect(result).toMatchObject({ ok: true, path: 'page', after: '加我平台' });
    expect(events.map((e) => e.type)).toEqual(['beforeinput']);
  });

  it('a page that refuses the edit leaves the text alone and the result says so', () => {
    const root = quill('<p>加我微信</p>');
    root.addEventListener('beforeinput', (e) => e.preventDefault());
    expect(ce(root).replaceRange(2, 4, '平台')).toMatchObject({ ok: false, changed: false, path: 'page', after: '加我微信' });
  });

  it('deleting (empty replacement) goes out as deleteContentBackward, like execCommand(delete)', () => {
    const root = jd('加我微信');
    const events = recordEvents(root);
    expect(ce(root).replaceRange(2, 4, '').after).toBe('加我');
    expect(events.map((e) => `${e.type}:${e.inputType}`)).toEqual(['beforeinput:deleteContentBackward', 'input:deleteContentBackward']);
  });
});

describe('the browser path: beforeinput, then execCommand(insertText) (what Chromium runs)', () => {
  /** Chromium's insertText as the page sees it: the DOM edit at the selection and an input event — no beforeinput. */
  function chromiumLikeExecCommand(root: HTMLElement) {
    return vi.fn((command: string, _ui?: boolean, value?: string) => {
      if (command !== 'insertText' && command !== 'delete') return false;
      const range = document.getSelection()!.getRangeAt(0);
      const data = command === 'insertText' ? (value ?? '') : null;
      range.deleteContents();
      if (data) range.insertNode(document.createTextNode(data));
      root.dispatchEvent(new InputEvent('input', { inputType: command === 'insertText' ? 'insertText' : 'deleteContentBackward', data, bubbles: true }));
      return true;
    });
  }

  it('announces a beforeinput, selects the span and runs insertText once; the DOM fallback does not run', () => {
    const root = quill('<p>加我V信 abc</p>');
    const exec = chromiumLikeExecCommand(root);
    (document as { execCommand?: unknown }).execCommand = exec;
    const events = recordEvents(root);
    const result = ce(root).replaceRange(2, 4, '平台');
    expect(result).toMatchObject({ ok: true, path: 'execCommand', after: '加我平台 abc' });
    expect(exec).toHaveBeenCalledTimes(1);
    expect(exec).toHaveBeenCalledWith('insertText', false, '平台');
    expect(events.map((e) => e.type)).toEqual(['beforeinput', 'input']);
  });

  it('falls back to events when execCommand does nothing (returns false) or throws', () => {
    const root = quill('<p>加我微信</p>');
    (document as { execCommand?: unknown }).execCommand = vi.fn(() => false);
    expect(ce(root).replaceRange(2, 4, '平台')).toMatchObject({ ok: true, path: 'events' });
    (document as { execCommand?: unknown }).execCommand = vi.fn(() => {
      throw new Error('replaced by the page');
    });
    expect(ce(root).replaceRange(0, 2, '您')).toMatchObject({ ok: true, path: 'events', after: '您平台' });
  });

  it('never inserts twice when execCommand changed the text differently (a page reformatting it)', () => {
    const root = quill('<p>加我微信</p>');
    (document as { execCommand?: unknown }).execCommand = vi.fn(() => {
      root.firstElementChild!.textContent = 'something else';
      return true;
    });
    const events = recordEvents(root);
    expect(ce(root).replaceRange(2, 4, '平台')).toMatchObject({ ok: false, changed: true, path: 'execCommand', after: 'something else' });
    expect(events.map((e) => e.type)).toEqual(['beforeinput']);
  });

  it('does not run execCommand when the page took the beforeinput (Quill 2 replacing a selection)', () => {
    const root = quill('<p>加我微信</p>');
    const exec = chromiumLikeExecCommand(root);
    (document as { execCommand?: unknown }).execCommand = exec;
    root.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      root.firstElementChild!.textContent = '加我' + ((e as InputEvent).data ?? '');
    });
    expect(ce(root).replaceRange(2, 4, '平台')).toMatchObject({ ok: true, path: 'page', after: '加我平台' });
    expect(exec).not.toHaveBeenCalled();
  });
});

describe('insertAtCaret and undo', () => {
  it('inserts at the caret (replacing a selection) and undo puts the previous text back the same way', () => {
    const root = quill('<p>您好，</p><p>祝您生活愉快</p>');
    const editor = ce(root);
    editor.setSelection(3);
    const events = recordEvents(root);
    const done = insertAtCaret(root, '已为您加急发货。')!;
    expect(editor.text()).toBe('您好，已为您加急发货。\n祝您生活愉快');
    expect(events.map((e) => e.type)).toEqual(['beforeinput', 'input']);
    expect(done.undo()).toBe(true);
    expect(editor.text()).toBe('您好，\n祝您生活愉快');
    expect(events.map((e) => `${e.type}:${e.inputType}`)).toEqual(['beforeinput:insertText', 'input:insertText', 'beforeinput:deleteContentBackward', 'input:deleteContentBackward']);
    expect(editor.selection()).toEqual({ start: 3, end: 3 });
  });

  it('undo restores a replaced selection, and refuses once the agent has typed since', () => {
    const root = jd('请加我微信');
    const editor = ce(root);
    editor.setSelection(3, 5);
    const done = insertAtCaret(root, '在平台联系')!;
    expect(editor.text()).toBe('请加我在平台联系');
    expect(done.undo()).toBe(true);
    expect(editor.text()).toBe('请加我微信');
    const again = insertAtCaret(root, '！')!;
    root.append(document.createTextNode('x')); // the agent typed on
    expect(again.undo()).toBe(false);
    expect(editor.text()).toBe('请加我微信！x');
  });

  it('without a caret in the editor inserts at the end; a guarded editor remembers the caret after focus left', () => {
    const root = quill('<p>ab</p><p>cd</p>');
    insertAtCaret(root, 'E');
    expect(ce(root).text()).toBe('ab\ncdE');
    const tracked = createHostEditor(root, { track: true })!;
    tracked.setSelection(1);
    document.dispatchEvent(new Event('selectionchange'));
    document.getSelection()!.removeAllRanges(); // the agent clicked our card
    insertAtCaret(root, 'X');
    expect(tracked.text()).toBe('aXb\ncdE');
    tracked.dispose();
    document.getSelection()!.removeAllRanges();
    insertAtCaret(root, 'Z');
    expect(tracked.text()).toBe('aXb\ncdEZ');
  });

  it('returns null when nothing could be inserted', () => {
    const root = quill('<p>ab</p>');
    root.addEventListener('beforeinput', (e) => e.preventDefault());
    expect(insertAtCaret(root, 'x')).toBeNull();
    expect(insertAtCaret(document.body, 'x')).toBeNull();
  });
});

describe('textarea hosts keep their path: value setter + input event', () => {
  it('insertAtCaret and undo', () => {
    document.body.innerHTML = '<textarea>您好世界</textarea>';
    const area = document.querySelector('textarea')!;
    area.setSelectionRange(2, 2);
    const seen: string[] = [];
    area.addEventListener('input', () => seen.push(area.value));
    const done = insertAtCaret(area, '，')!;
    expect(area.value).toBe('您好，世界');
    expect(area.selectionStart).toBe(3);
    done.undo();
    expect(area.value).toBe('您好世界');
    expect(area.selectionStart).toBe(2);
    expect(seen).toEqual(['您好，世界', '您好世界']);
  });

  it('replaceRange and setText are setHostValue', () => {
    document.body.innerHTML = '<textarea>加我微信</textarea>';
    const area = document.querySelector('textarea')!;
    const editor = createHostEditor(area)!;
    expect(editor.kind).toBe('textarea');
    expect(editor.replaceRange(2, 4, '平台')).toMatchObject({ ok: true, path: 'value', after: '加我平台' });
    expect(area.selectionStart).toBe(4);
    editor.setText('加我微信', 4);
    expect(area.value).toBe('加我微信');
    setHostValue(area, 'x', 1);
    expect(editor.text()).toBe('x');
    expect(editor.rangeRects(0, 1)).toEqual([]);
  });
});
