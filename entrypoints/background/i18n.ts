import type { Translate } from '@/lib/i18n';

export const catalogTranslateFromBrowser: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions) || key;
