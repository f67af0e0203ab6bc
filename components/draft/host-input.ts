/**
 * The page's own draft box, behind one small interface: a <textarea>/<input>, or a contenteditable
 * rich editor (Quill's `.ql-editor` on Kuaishou, JD 咚咚's `.EditorContent`).
 *
 * Reading never changes the page. Writing happens only here, and only on the agent's click (apply a
 * rewrite, insert a template, undo either), through the editor's own input path so the page's
 * framework sees it exactly as if the agent had typed:
 * - textarea/input: the native value setter plus a bubbling `input` event (Vue v-model on PDD);
 * - contenteditable: the range is selected and announced with a cancelable `beforeinput` (inputType
 *   insertText, data, target range) — a page that edits its own model there (Quill 2 on a replaced
 *   selection) does so and cancels, and we stop. Otherwise `document.execCommand('insertText')`, the
 *   browser's own editing command, edits at the selection and fires a trusted `input`; Quill (1 and 2)
 *   picks the DOM change up through its MutationObserver. (Chromium fires no `beforeinput` for
 *   execCommand, hence ours.) Where that command is missing or does nothing (happy-dom), the text is
 *   spliced into the DOM and an `input` event is dispatched.
 *
 * Offsets are UTF-16 code units into the plain text, as `String.prototype.slice` counts them, so a
 * compliance finding's [start, end) maps straight onto the editor.
 */

/** A position in the DOM, as a Range boundary point. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** What an edit did: `path` is how the text got in (or why it did not). */
export interface EditResult {
  /** The editor now holds exactly the intended text. */
  ok: boolean;
  /** The editor's text changed at all (it may differ from the intent if the page rewrote it). */
  changed: boolean;
  /** `value`: textarea setter; `execCommand`: the browser's insertText; `events`: DOM splice + input (no execCommand); `page`: the page took (or refused) our beforeinput; `none`: nothing to do. */
  path: 'value' | 'execCommand' | 'events' | 'page' | 'none';
  before: string;
  after: string;
}

export interface HostEditor {
  readonly element: HTMLElement;
  readonly kind: 'textarea' | 'contenteditable';
  /** The draft as the agent typed it (contenteditable: lines joined by '\n', no trailing newline). */
  text(): string;
  /** The agent's selection in plain-text offsets, or null when it is not in this editor. */
  selection(): { start: number; end: number } | null;
  /** Focus the editor and select [start, end) (a caret when end is omitted). */
  setSelection(start: number, end?: number): void;
  /** Replace [start, end) of the text with `text` through the editor's input path; the caret ends at `caret`. */
  replaceRange(start: number, end: number, text: string, caret?: number): EditResult;
  /** Make the whole text `target` (used by undo); contenteditable replaces only the span that differs. */
  setText(target: string, caret?: number): EditResult;
  /** Insert at the agent's caret (replacing a selection); returns how to undo, or null when nothing changed. */
  insertAtCaret(text: string): { undo(): boolean } | null;
  /** Viewport rectangles of the glyphs in [start, end) (contenteditable; a textarea has no DOM text: []). */
  rangeRects(start: number, end: number): DOMRect[];
  /** Stop following the agent's caret. */
  dispose(): void;
}

/**
 * Writing into a textarea: the native value setter plus a bubbling `input` event, so the page's
 * framework (Vue v-model on PDD) sees the change exactly as if the agent had typed it.
 */
export function setHostValue(input: HTMLTextAreaElement | HTMLInputElement, value: string, caret: number): void {
  const proto = Object.getPrototypeOf(input) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.setSelectionRange(caret, caret);
  input.focus();
}

class TextareaHost implements HostEditor {
  readonly kind = 'textarea' as const;
  constructor(readonly element: HTMLTextAreaElement | HTMLInputElement) {}

  text(): string {
    return this.element.value;
  }

  selection() {
    const start = this.element.selectionStart;
    if (start === null) return null;
    return { start, end: this.element.selectionEnd ?? start };
  }

  setSelection(start: number, end = start) {
    this.element.focus();
    this.element.setSelectionRange(start, end);
  }

  replaceRange(start: number, end: number, text: string, caret = start + text.length): EditResult {
    const before = this.element.value;
    const after = before.slice(0, start) + text + before.slice(end);
    setHostValue(this.element, after, caret);
    return { ok: this.element.value === after, changed: this.element.value !== before, path: 'value', before, after: this.element.value };
  }

  setText(target: string, caret = target.length): EditResult {
    const before = this.element.value;
    setHostValue(this.element, target, caret);
    return { ok: this.element.value === target, changed: this.element.value !== before, path: 'value', before, after: this.element.value };
  }

  insertAtCaret(text: string) {
    const input = this.element;
    const before = input.value;
    const start = input.selectionStart ?? before.length;
    const end = input.selectionEnd ?? start;
    setHostValue(input, before.slice(0, start) + text + before.slice(end), start + text.length);
    return {
      undo: () => {
        setHostValue(input, before, start);
        return true;
      },
    };
  }

  rangeRects(): DOMRect[] {
    return [];
  }

  dispose() {}
}

// ---------------------------------------------------------------------------------------------
// contenteditable: plain text ↔ DOM

/** Elements that start and end a line (by tag: no layout needed, the same in every engine). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
/** Never text the agent typed. `.ql-cursor` is Quill's caret placeholder (a U+FEFF in a span). */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Content with no text that still occupies its line. */
const OBJECT_TAGS = new Set(['IMG', 'VIDEO', 'CANVAS', 'IFRAME', 'INPUT', 'svg']);

type Token =
  | { t: 'text'; node: Text }
  | { t: 'br'; node: Element }
  | { t: 'object'; node: Element }
  | { t: 'open' }
  | { t: 'close' };

/** A stretch of the plain text and where it lives in the DOM. */
export type Segment =
  | { kind: 'text'; start: number; length: number; node: Text }
  /** A `<br>` that ends a line: '\n'. */
  | { kind: 'br'; start: number; length: 1; node: Element }
  /** The '\n' between two blocks: `before` ends the earlier line, `after` starts the next. */
  | { kind: 'break'; start: number; length: 1; before: DomPoint; after: DomPoint }
  /** No text, but a line exists here (`<p><br></p>`, an image). */
  | { kind: 'empty'; start: number; length: 0; at: DomPoint };

export interface TextLayout {
  text: string;
  segments: Segment[];
}

const before = (node: Node): DomPoint => ({ node: node.parentNode!, offset: indexOf(node) });
const after = (node: Node): DomPoint => ({ node: node.parentNode!, offset: indexOf(node) + 1 });
function indexOf(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

function isFormattingWhitespace(node: Text): boolean {
  // Source indentation between blocks ("\n    "), never typed: an editor types '\n' as <br> or a new block.
  if (!/^[ \t\r\n]*$/.test(node.data) || !/[\r\n]/.test(node.data)) return false;
  for (let p = node.parentElement; p; p = p.parentElement) if (p.tagName === 'PRE') return false;
  return true;
}

function tokens(root: Element): Token[] {
  const out: Token[] = [];
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child as Text;
        if (text.data.length > 0 && !isFormattingWhitespace(text)) out.push({ t: 'text', node: text });
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName;
        if (SKIPPED_TAGS.has(tag) || el.classList.contains('ql-cursor')) continue;
        if (tag === 'BR') out.push({ t: 'br', node: el });
        else if (OBJECT_TAGS.has(tag)) out.push({ t: 'object', node: el });
        else if (BLOCK_TAGS.has(tag)) {
          out.push({ t: 'open' });
          walk(el);
          out.push({ t: 'close' });
        } else walk(el);
      }
    }
  };
  walk(root);
  return out;
}

/**
 * The editor's plain text and the map back to the DOM. Lines are blocks (`<p>`, `<div>`, `<li>`…)
 * and `<br>`s; a `<br>` that ends its block is the empty line's placeholder (Quill's `<p><br></p>`,
 * Chrome's trailing `<br>`) and adds no character. Quill's own `getText()` is this plus a final
 * '\n'; that newline was never typed, so it is not here. U+00A0 (what the browser puts in for a
 * typed space next to another space or a line end) reads as ' ', one for one.
 */
export function layoutOf(root: Element): TextLayout {
  const list = tokens(root);
  const segments: Segment[] = [];
  let text = '';
  let atLineStart = true;
  let needBreak = false;
  let last: DomPoint = { node: root, offset: 0 };
  const flush = (next: DomPoint) => {
    if (!needBreak) return;
    segments.push({ kind: 'break', start: text.length, length: 1, before: last, after: next });
    text += '\n';
    needBreak = false;
  };
  list.forEach((token, i) => {
    switch (token.t) {
      case 'text': {
        flush({ node: token.node, offset: 0 });
        segments.push({ kind: 'text', start: text.length, length: token.node.data.length, node: token.node });
        text += token.node.data.replace(/\u00a0/g, ' ');
        atLineStart = false;
        last = { node: token.node, offset: token.node.data.length };
        break;
      }
      case 'br': {
        const next = list[i + 1];
        const placeholder = !next || next.t === 'open' || next.t === 'close';
        flush(before(token.node));
        if (placeholder) {
          segments.push({ kind: 'empty', start: text.length, length: 0, at: before(token.node) });
          atLineStart = false;
          last = before(token.node);
        } else {
          segments.push({ kind: 'br', start: text.length, length: 1, node: token.node });
          text += '\n';
          atLineStart = true;
          last = after(token.node);
        }
        break;
      }
      case 'object': {
        flush(before(token.node));
        segments.push({ kind: 'empty', start: text.length, length: 0, at: after(token.node) });
        atLineStart = false;
        last = after(token.node);
        break;
      }
      case 'open':
      case 'close':
        if (!atLineStart) {
          needBreak = true;
          atLineStart = true;
        }
        break;
    }
  });
  return { text, segments };
}

/** A boundary point pushed down into the text node it touches, so equal places compare equal. */
function deepen(point: DomPoint): DomPoint {
  let { node, offset } = point;
  for (;;) {
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return { node, offset };
    const kids = node.childNodes;
    const next = kids[offset];
    if (next && (next.nodeType === 3 || (next.nodeType === 1 && next.firstChild && !SKIPPED_TAGS.has((next as Element).tagName)))) {
      node = next;
      offset = 0;
      continue;
    }
    const prev = offset > 0 ? kids[offset - 1] : undefined;
    if (!next && prev && (prev.nodeType === 3 || (prev.nodeType === 1 && prev.firstChild && !SKIPPED_TAGS.has((prev as Element).tagName)))) {
      node = prev;
      offset = prev.nodeType === 3 ? (prev as Text).data.length : prev.childNodes.length;
      continue;
    }
    return { node, offset };
  }
}

/**
 * The DOM point of a plain-text offset. `forward` is the point just before the character at
 * `offset` (a caret, a range's start); `backward` is the point just after the character before it
 * (a range's end). They differ only at line ends.
 */
export function pointAt(root: Element, layout: TextLayout, offset: number, affinity: 'forward' | 'backward' = 'forward'): DomPoint {
  const length = layout.text.length;
  const at = Math.max(0, Math.min(length, Math.trunc(offset)));
  if (affinity === 'forward' && at < length) {
    for (const s of layout.segments) {
      if (s.length === 0 || at < s.start || at >= s.start + s.length) continue;
      if (s.kind === 'text') return { node: s.node, offset: at - s.start };
      if (s.kind === 'br') return before(s.node);
      if (s.kind === 'break') return s.before;
    }
  }
  if (affinity === 'backward' && at > 0) {
    for (let i = layout.segments.length - 1; i >= 0; i--) {
      const s = layout.segments[i]!;
      if (s.length === 0 || at <= s.start || at > s.start + s.length) continue;
      if (s.kind === 'text') return { node: s.node, offset: at - s.start };
      if (s.kind === 'br') return after(s.node);
      if (s.kind === 'break') return s.after;
    }
  }
  if (length === 0) {
    const empty = layout.segments.find((s) => s.kind === 'empty');
    return empty && empty.kind === 'empty' ? empty.at : { node: root, offset: 0 };
  }
  return at === length ? pointAt(root, layout, at, 'backward') : pointAt(root, layout, at, 'forward');
}

/** The plain-text offset of a DOM point inside the editor, or null when it is outside. */
export function offsetAt(root: Element, layout: TextLayout, point: DomPoint): number | null {
  if (point.node !== root && !root.contains(point.node)) return null;
  const p = deepen(point);
  for (const s of layout.segments) if (s.kind === 'text' && s.node === p.node) return s.start + Math.min(p.offset, s.length);
  const doc = root.ownerDocument;
  const probe = doc.createRange();
  /** <0 when p is before q, 0 when equal, >0 after. */
  const compare = (q: DomPoint) => {
    probe.setStart(q.node, q.offset);
    probe.collapse(true);
    return probe.comparePoint(p.node, p.offset);
  };
  for (const s of layout.segments) {
    if (s.kind === 'empty') continue;
    const start = s.kind === 'text' ? { node: s.node, offset: 0 } : s.kind === 'br' ? before(s.node) : s.before;
    const end = s.kind === 'text' ? { node: s.node, offset: s.length } : s.kind === 'br' ? after(s.node) : s.after;
    if (compare(start) <= 0) return s.start;
    if (compare(end) < 0) return s.start; // between the end of a line and the next one's start: still on the first
  }
  return layout.text.length;
}

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

/** The closest block (or the editor itself) around a DOM node. */
function blockOf(root: Element, node: Node): Element {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName)) return n as Element;
  return root;
}

class ContentEditableHost implements HostEditor {
  readonly kind = 'contenteditable' as const;
  private readonly doc: Document;
  /** The agent's last selection in the editor, kept live by the DOM (a click on our card moves focus away). */
  private lastRange: Range | null = null;
  private readonly onSelectionChange = () => {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (this.element.contains(range.startContainer) && this.element.contains(range.endContainer)) this.lastRange = range.cloneRange();
  };

  constructor(
    readonly element: HTMLElement,
    private readonly tracked: boolean,
  ) {
    this.doc = element.ownerDocument;
    if (tracked) {
      this.doc.addEventListener('selectionchange', this.onSelectionChange);
      live.set(element, this);
    }
  }

  layout(): TextLayout {
    return layoutOf(this.element);
  }

  text(): string {
    return this.layout().text;
  }

  /** A DOM Range over [start, end) of the plain text. */
  rangeFor(start: number, end: number, layout = this.layout()): Range {
    const range = this.doc.createRange();
    const a = pointAt(this.element, layout, start, 'forward');
    const b = end > start ? pointAt(this.element, layout, end, 'backward') : a;
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  private offsetsOf(range: Range, layout = this.layout()) {
    const start = offsetAt(this.element, layout, { node: range.startContainer, offset: range.startOffset });
    const end = offsetAt(this.element, layout, { node: range.endContainer, offset: range.endOffset });
    if (start === null || end === null) return null;
    return { start: Math.min(start, end), end: Math.max(start, end) };
  }

  selection() {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    return this.offsetsOf(sel.getRangeAt(0));
  }

  setSelection(start: number, end = start) {
    if (this.doc.activeElement !== this.element) this.element.focus({ preventScroll: true });
    const sel = this.doc.getSelection();
    if (!sel) return;
    const range = this.rangeFor(start, end);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  replaceRange(start: number, end: number, text: string, caret = start + text.length): EditResult {
    const layout = this.layout();
    const before = layout.text;
    const from = Math.max(0, Math.min(before.length, start));
    const to = Math.max(from, Math.min(before.length, end));
    const expected = before.slice(0, from) + nbsp(text) + before.slice(to);
    const done = (path: EditResult['path']): EditResult => {
      const now = this.text();
      if (now === expected) this.setSelection(Math.min(caret, now.length));
      return { ok: now === expected, changed: now !== before, path, before, after: now };
    };
    if (before.slice(from, to) === nbsp(text)) return done('none');
    this.setSelection(from, to);
    const range = this.rangeFor(from, to);
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    const InputEventCtor = view?.InputEvent ?? InputEvent;
    const inputType = text === '' ? 'deleteContentBackward' : 'insertText';
    const data = text === '' ? null : text;

    // 1. Announce it as typing would: a cancelable beforeinput with the target range. A page that edits
    //    its own model on beforeinput (Quill 2 on a replaced selection, Lexical, Slate) does it and cancels.
    //    Chromium's execCommand fires no beforeinput of its own, so this is the only one the page sees.
    const init: InputEventInit = { inputType, data, bubbles: true, cancelable: true, composed: true };
    const StaticRangeCtor = view?.StaticRange;
    if (StaticRangeCtor) {
      try {
        init.targetRanges = [new StaticRangeCtor({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })];
      } catch {
        // no target ranges, then
      }
    }
    if (!this.element.dispatchEvent(new InputEventCtor('beforeinput', init))) return done('page');

    // 2. The browser's own editing command at the selection: a trusted `input` (inputType insertText),
    //    the native undo stack, Quill 1/2's MutationObserver.
    if (typeof this.doc.execCommand === 'function') {
      try {
        if (text === '') this.doc.execCommand('delete', false);
        else this.doc.execCommand('insertText', false, text);
      } catch {
        // A page may have replaced execCommand; fall through.
      }
      const now = this.text();
      if (now !== before) return done('execCommand'); // changed, as intended or not: never insert twice
    }

    // 3. No such command (or it did nothing): splice the DOM ourselves and say so with `input`.
    spliceRange(this.element, this.rangeFor(from, to), text);
    this.element.dispatchEvent(new InputEventCtor('input', { inputType, data, bubbles: true, composed: true }));
    return done('events');
  }

  setText(target: string, caret = target.length): EditResult {
    const now = this.text();
    let head = 0;
    const max = Math.min(now.length, target.length);
    while (head < max && now.charCodeAt(head) === target.charCodeAt(head)) head++;
    let tail = 0;
    while (tail < max - head && now.charCodeAt(now.length - 1 - tail) === target.charCodeAt(target.length - 1 - tail)) tail++;
    return this.replaceRange(head, now.length - tail, target.slice(head, target.length - tail), caret);
  }

  insertAtCaret(text: string) {
    const layout = this.layout();
    const tracked = this.lastRange && this.element.contains(this.lastRange.startContainer) ? this.offsetsOf(this.lastRange, layout) : null;
    const at = this.selection() ?? tracked ?? { start: layout.text.length, end: layout.text.length };
    const result = this.replaceRange(at.start, at.end, text);
    if (!result.changed) return null;
    return {
      /** Puts the previous text back, the same way, unless the agent has typed since. */
      undo: () => {
        if (this.text() !== result.after) return false;
        return this.setText(result.before, at.end).ok;
      },
    };
  }

  rangeRects(start: number, end: number): DOMRect[] {
    const rects: DOMRect[] = [];
    const range = this.doc.createRange();
    for (const s of this.layout().segments) {
      if (s.kind !== 'text') continue; // a newline has no glyph to underline
      const a = Math.max(start, s.start) - s.start;
      const b = Math.min(end, s.start + s.length) - s.start;
      if (a >= b) continue;
      range.setStart(s.node, a);
      range.setEnd(s.node, b);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0.5 && r.height > 0) rects.push(r);
    }
    return rects;
  }

  dispose() {
    if (!this.tracked) return;
    this.doc.removeEventListener('selectionchange', this.onSelectionChange);
    if (live.get(this.element) === this) live.delete(this.element);
    this.lastRange = null;
  }
}

/**
 * The fallback edit: delete the range (joining the two blocks when it spans lines), then put the
 * text in — into the text node at the caret when there is one, '\n' as `<br>`.
 */
function spliceRange(root: Element, range: Range, text: string): void {
  const doc = root.ownerDocument;
  const startBlock = blockOf(root, range.startContainer);
  const endBlock = blockOf(root, range.endContainer);
  // Where the text goes: a range collapses to a common ancestor after deleteContents, the start node survives.
  const { startContainer, startOffset } = range;
  range.deleteContents();
  if (startContainer.isConnected) range.setStart(startContainer, startOffset);
  if (startBlock !== endBlock && startBlock !== root && endBlock !== root && endBlock.isConnected && !endBlock.contains(startBlock)) {
    const trailing = startBlock.lastChild;
    if (trailing?.nodeName === 'BR' && endBlock.firstChild) trailing.remove();
    while (endBlock.firstChild) startBlock.append(endBlock.firstChild);
    endBlock.remove();
  } else if (startBlock === root && endBlock !== root && endBlock.isConnected) {
    // `ab<div>cd</div>` (Chrome's own paragraphs in a bare editor): the rest of the block joins the line.
    while (endBlock.firstChild) endBlock.before(endBlock.firstChild);
    endBlock.remove();
  }
  range.collapse(true);
  if (text === '') return;
  const pieces = text.split('\n');
  const container = range.startContainer;
  if (pieces.length === 1 && container.nodeType === 3) {
    (container as Text).insertData(range.startOffset, text);
    return;
  }
  const fragment = doc.createDocumentFragment();
  pieces.forEach((piece, i) => {
    if (i > 0) fragment.append(doc.createElement('br'));
    if (piece) fragment.append(doc.createTextNode(piece));
  });
  range.insertNode(fragment);
}

/** Editors the draft guard follows (their caret survives a click on our card). */
const live = new WeakMap<Element, ContentEditableHost>();

/** The element that owns the editing: the contenteditable root around `el`. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/**
 * The page's draft box as a HostEditor, or null when it is neither a text field nor contenteditable.
 * `track` follows the agent's caret until `dispose()` (the draft guard does; one-off inserts need not,
 * and `insertAtCaret` uses the tracked editor of a guarded box).
 */
export function createHostEditor(el: Element, options: { track?: boolean } = {}): HostEditor | null {
  const win = el.ownerDocument.defaultView;
  if (!win) return null;
  if (el instanceof win.HTMLTextAreaElement || el instanceof win.HTMLInputElement) return new TextareaHost(el);
  if (el instanceof win.HTMLElement && el.isContentEditable) {
    return new ContentEditableHost(editingHost(el), options.track === true);
  }
  return null;
}

/**
 * Insert text at the agent's caret (replacing any selection), only ever on the agent's click, as an
 * input event the page's framework sees. Returns how to undo it, or null when the box is not there
 * or nothing could be inserted.
 */
export function insertAtCaret(input: Element, text: string): { undo(): boolean } | null {
  const win = input.ownerDocument.defaultView;
  const guarded = win && input instanceof win.HTMLElement && input.isContentEditable ? live.get(editingHost(input)) : undefined;
  return (guarded ?? createHostEditor(input))?.insertAtCaret(text) ?? null;
}

/** Copy what decides where text wraps, so our underlines sit exactly under the host's glyphs. */
export const MIRRORED_STYLES = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'wordSpacing',
  'textIndent',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'tabSize',
] as const;
