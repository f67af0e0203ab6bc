/**
 * Writing into the page's own input happens only here, and only on the agent's click: the native
 * value setter plus a bubbling `input` event, so the page's framework (Vue v-model on PDD) sees
 * the change exactly as if the agent had typed it.
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

/**
 * Insert text at the agent's caret (replacing any selection), only ever on the agent's click, as an
 * input event the page's framework sees. Returns how to undo it, or null when the box is not there.
 */
export function insertAtCaret(input: Element, text: string): { undo(): void } | null {
  const win = input.ownerDocument.defaultView!;
  if (input instanceof win.HTMLTextAreaElement || input instanceof win.HTMLInputElement) {
    const before = input.value;
    const start = input.selectionStart ?? before.length;
    const end = input.selectionEnd ?? start;
    setHostValue(input, before.slice(0, start) + text + before.slice(end), start + text.length);
    return { undo: () => setHostValue(input, before, start) };
  }
  if (input instanceof win.HTMLElement && input.isContentEditable) {
    // Rich editors (Quill, Draft) follow the browser's own editing commands.
    input.focus();
    const doc = input.ownerDocument;
    const inserted = doc.execCommand('insertText', false, text);
    if (!inserted) return null;
    return { undo: () => void (input.focus(), doc.execCommand('undo')) };
  }
  return null;
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
