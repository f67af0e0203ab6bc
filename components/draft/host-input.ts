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
