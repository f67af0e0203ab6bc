import type { Locale } from '../i18n';
import type { AftersaleRule, Exemption, ReplyRule, RulePack, StageDuration } from './schema';

/** One readable line per rule: what the options page and `npm run rules:explain` show. */
export interface ExplainRow {
  id: string;
  kind: 'reply' | 'aftersale' | 'exemption';
  label: string;
  number: string;
  window: string;
  counts: string;
  outcome: string;
  sources: string;
  trust: string;
}

const zh = (locale: Locale) => locale === 'zh_CN';

function span(ms: number, locale: Locale): string {
  const units: [number, string, string][] = [
    [86_400_000, '天', ' d'],
    [3_600_000, '小时', ' h'],
    [60_000, '分钟', ' min'],
    [1_000, '秒', ' s'],
  ];
  // Up to three days reads better in hours ("48小时"), as the consoles write it.
  for (const [size, cn, en] of units) {
    if (size === 86_400_000 && ms <= 3 * size) continue;
    if (ms % size === 0) return `${ms / size}${zh(locale) ? cn : en}`;
  }
  return `${ms} ms`;
}

function duration(d: StageDuration, locale: Locale): string {
  switch (d.type) {
    case 'elapsed':
      return span(d.ms, locale);
    case 'natural-days':
      return zh(locale) ? `${d.days}个自然日` : `${d.days} natural days`;
    case 'from-next-midnight':
      return zh(locale) ? `次日0点起${span(d.ms, locale)}` : `${span(d.ms, locale)} from the next 00:00`;
    case 'cutoff':
      return zh(locale) ? `${d.cutoff}前提交当日${d.before}前，之后次日${d.after}前` : `before ${d.cutoff}: by ${d.before}; after: by ${d.after} next day`;
  }
}

const NOT_A_REPLY: Record<ReplyRule['notReplies'][number], [string, string]> = {
  robot: ['机器人', 'robot'],
  'auto-reply': ['自动回复', 'auto-reply'],
  card: ['卡片', 'cards'],
  coupon: ['优惠券', 'coupons'],
  'offline-message': ['离线留言', 'offline messages'],
  'system-welcome': ['系统欢迎语', 'system welcome'],
  'other-bot': ['非认证机器人', 'other bots'],
};

const OUTSIDE: Record<ReplyRule['outsideWindow'], [string, string]> = {
  'defer-start': ['窗口外消息从开窗起计', 'outside: clock starts at opening'],
  pause: ['只计窗口内时间', 'only window time counts'],
  'not-assessed': ['窗口外不考核', 'outside: not assessed'],
};

function threshold(rule: ReplyRule, locale: Locale): string {
  const t = rule.threshold;
  if (!t) return zh(locale) ? '未公布达标线' : 'no published pass line';
  const value = rule.measure === 'average' ? span(t.value, locale) : `${Math.round(t.value * 1000) / 10}%`;
  const sample = t.minSample ? (zh(locale) ? `（样本≥${t.minSample}）` : ` (n ≥ ${t.minSample})`) : '';
  return `${t.comparison} ${value}${sample}`;
}

function sourceList(keys: string[], pack: RulePack): string {
  return keys.map((key) => `${key} ${pack.sources[key]?.date ?? ''}`.trim()).join(', ');
}

function replyRow(rule: ReplyRule, pack: RulePack, locale: Locale): ExplainRow {
  const notReplies = rule.notReplies.map((n) => NOT_A_REPLY[n][zh(locale) ? 0 : 1]);
  const counts = zh(locale)
    ? `${rule.stopsNote.zh_CN}${notReplies.length ? `；不算回复：${notReplies.join('、')}` : ''}`
    : `${rule.stopsNote.en}${notReplies.length ? `; not a reply: ${notReplies.join(', ')}` : ''}`;
  const measure = rule.measure === 'deadline' ? span(rule.durationMs, locale) : rule.measure === 'average' ? (zh(locale) ? '平均值' : 'average') : zh(locale) ? '占比' : 'share';
  return {
    id: rule.id,
    kind: 'reply',
    label: rule.label[locale],
    number: `${measure} · ${threshold(rule, locale)}${rule.tracked ? '' : zh(locale) ? ' · 仅统计' : ' · metrics only'}`,
    window: `${rule.window.start}–${rule.window.end}, ${OUTSIDE[rule.outsideWindow][zh(locale) ? 0 : 1]}`,
    counts,
    outcome: rule.consequence[locale],
    sources: sourceList(rule.sources, pack),
    trust: rule.trust,
  };
}

function aftersaleRow(rule: AftersaleRule, pack: RulePack, locale: Locale): ExplainRow {
  const shorten = rule.shortenOn ? (zh(locale) ? `；签收后剩${span(rule.shortenOn.remainingMs, locale)}` : `; ${span(rule.shortenOn.remainingMs, locale)} left once signed`) : '';
  return {
    id: rule.id,
    kind: 'aftersale',
    label: rule.label[locale],
    number: `${duration(rule.duration, locale)}${shorten}`,
    window: zh(locale) ? '日历时间' : 'calendar time',
    counts: `${rule.startsNote[locale]} → ${rule.stopsNote[locale]}`,
    outcome: rule.onTimeoutText[locale],
    sources: sourceList(rule.sources, pack),
    trust: rule.trust,
  };
}

function exemptionRow(e: Exemption, pack: RulePack, locale: Locale): ExplainRow {
  return {
    id: e.id,
    kind: 'exemption',
    label: e.label[locale],
    number: e.effect === 'not-assessed' ? (zh(locale) ? '不考核' : 'not assessed') : zh(locale) ? '大促规则' : 'promotion rules',
    window: `${e.from} – ${e.to}`,
    counts: e.rules.join(', '),
    outcome: e.note[locale],
    sources: sourceList(e.sources, pack),
    trust: '',
  };
}

export function explainPack(pack: RulePack, locale: Locale): ExplainRow[] {
  return [
    ...pack.replyRules.map((r) => replyRow(r, pack, locale)),
    ...pack.aftersaleRules.map((r) => aftersaleRow(r, pack, locale)),
    ...pack.exemptions.map((e) => exemptionRow(e, pack, locale)),
  ];
}

const HEADERS: Record<Locale, string[]> = {
  zh_CN: ['规则', '名称', '数值', '计时窗口', '什么算数', '超时结果', '来源', '可信度'],
  en: ['rule', 'name', 'number', 'window', 'what counts', 'outcome', 'sources', 'trust'],
};

/** A Markdown table: readable in a terminal and renderable anywhere. */
export function renderExplain(rows: ExplainRow[], locale: Locale): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`| ${HEADERS[locale].join(' | ')} |`, `|${HEADERS[locale].map(() => ' --- ').join('|')}|`];
  for (const r of rows) lines.push(`| ${[r.id, r.label, r.number, r.window, r.counts, r.outcome, r.sources, r.trust].map(cell).join(' | ')} |`);
  return lines.join('\n');
}
