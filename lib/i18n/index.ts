/** Locale of the UI texts; zh_CN first, en second. */
export type Locale = 'zh_CN' | 'en';

/** chrome.i18n-shaped lookup, injected so pure code runs in Node tests with the real catalogs. */
export type Translate = (key: string, substitutions?: string[]) => string;

export function localeOf(uiLanguage: string): Locale {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/** "2分30秒" / "2 min 30 s"; seconds are rounded down, hours shown from 60 minutes. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (locale === 'zh_CN') {
    if (h > 0) return `${h}小时${m}分`;
    if (m > 0) return s > 0 ? `${m}分${s}秒` : `${m}分钟`;
    return `${s}秒`;
  }
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** "02:30" / "1:02:30": compact countdown for chips and the popup. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A Translate over a messages.json catalog (for tests and Node tools). */
export function catalogTranslate(
  catalog: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
): Translate {
  return (key, subs = []) => {
    const entry = catalog[key];
    if (!entry) return key;
    // Named placeholders ($P1$) resolve to their content ("$1"), which takes substitution 1.
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}
