import type { AftersaleUpdateReply, ChatUpdateReply, ChipDeadline, DraftCheckReply, TabCases } from './protocol';

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
