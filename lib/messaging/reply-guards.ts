import type { AftersaleUpdateReply, ChatUpdateReply, ChipDeadline, DraftCheckReply, SuggestReply, Suggestion, TabCases } from './protocol';

/**
 * Checks for the background's replies as they arrive in a content script. Every message *into*
 * the background is parsed with the zod schemas in protocol.ts; here, zod's runtime would cost
 * each content script about 6 KB gzip (measured: pdd.js 29.8 → 23.5 KB), so these small guards
 * check the same shapes by hand. A reply that fails is treated like a failed delivery.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function failure(raw: Record<string, unknown>): { ok: false; error: string } | null {
  return raw.ok === false && typeof raw.error === 'string' ? { ok: false, error: raw.error } : null;
}

function isChipDeadline(v: unknown): v is ChipDeadline {
  return isObject(v) && typeof v.key === 'string' && typeof v.ruleId === 'string' && typeof v.label === 'string' && typeof v.dueAt === 'number' && Number.isFinite(v.dueAt);
}

export function parseChatUpdateReply(raw: unknown): ChatUpdateReply {
  if (isObject(raw)) {
    const failed = failure(raw);
    if (failed) return failed;
    if (raw.ok === true && typeof raw.degraded === 'boolean' && Array.isArray(raw.deadlines) && raw.deadlines.every(isChipDeadline))
      return { ok: true, degraded: raw.degraded, deadlines: raw.deadlines };
  }
  throw new Error('malformed reply to chat/update');
}

function isTabCases(v: unknown): v is TabCases {
  if (!isObject(v) || typeof v.open !== 'number') return false;
  const n = v.nearest;
  return n === null || (isObject(n) && typeof n.id === 'string' && typeof n.caseId === 'string' && (n.dueAt === null || (typeof n.dueAt === 'number' && Number.isFinite(n.dueAt))));
}

export function parseAftersaleUpdateReply(raw: unknown): AftersaleUpdateReply {
  if (isObject(raw)) {
    const failed = failure(raw);
    if (failed) return failed;
    if (raw.ok === true && typeof raw.degraded === 'boolean' && isTabCases(raw.cases)) return { ok: true, degraded: raw.degraded, cases: raw.cases };
  }
  throw new Error('malformed reply to aftersale/update');
}

type DraftFinding = Extract<DraftCheckReply, { ok: true }>['findings'][number];

function isDraftFinding(v: unknown): v is DraftFinding {
  return (
    isObject(v) &&
    typeof v.category === 'string' &&
    (v.severity === 'block' || v.severity === 'warn') &&
    typeof v.start === 'number' &&
    typeof v.end === 'number' &&
    typeof v.reason === 'string' &&
    typeof v.rewrite === 'string'
  );
}

export function parseDraftCheckReply(raw: unknown): DraftCheckReply {
  if (isObject(raw)) {
    const failed = failure(raw);
    if (failed) return failed;
    if (raw.ok === true && Array.isArray(raw.findings) && raw.findings.every(isDraftFinding))
      return { ok: true, findings: raw.findings.map(({ category, severity, start, end, reason, rewrite }) => ({ category, severity, start, end, reason, rewrite })) };
  }
  throw new Error('malformed reply to draft/check');
}

function isSuggestion(v: unknown): v is Suggestion {
  return isObject(v) && typeof v.templateId === 'string' && typeof v.scenario === 'string' && typeof v.text === 'string' && Array.isArray(v.missing) && v.missing.every((m) => typeof m === 'string');
}

export function parseSuggestReply(raw: unknown): SuggestReply {
  if (isObject(raw)) {
    const failed = failure(raw);
    if (failed) return failed;
    if (raw.ok === true && Array.isArray(raw.suggestions) && raw.suggestions.every(isSuggestion))
      return { ok: true, suggestions: raw.suggestions.map(({ templateId, scenario, text, missing }) => ({ templateId, scenario, text, missing })) };
  }
  throw new Error('malformed reply to reply/suggest');
}

/** A popup's request to insert a reply, checked by hand like the replies above. */
export function parseInsertReply(raw: unknown): { text: string; templateId: string } | null {
  return isObject(raw) && raw.type === 'reply/insert' && typeof raw.text === 'string' && raw.text.length > 0 && raw.text.length <= 1000 && typeof raw.templateId === 'string'
    ? { text: raw.text, templateId: raw.templateId }
    : null;
}
