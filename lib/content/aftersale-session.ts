import { observe } from '../adapters/observe';
import type { AfterSaleRead, ConsoleAdapter } from '../adapters/registry-types';
import type { AfterSaleCase } from '../domain/aftersale';
import type { AftersaleUpdate } from '../messaging/protocol';
import { parseAftersaleUpdateReply } from '../messaging/reply-guards';
import type { Session, SessionEnv } from './context';
import { mountCaseChip } from '@/components/overlay/case-chip';

type AftersaleAdapter = NonNullable<ConsoleAdapter['aftersale']>;

interface CaseDelta {
  full: boolean;
  changed: AfterSaleCase[];
  health: AfterSaleRead['health'];
}

/** Cases that differ from the last read (a ticking countdown is a change); null when nothing did. */
export function diffCases(previous: AfterSaleRead | null, next: AfterSaleRead): CaseDelta | null {
  if (previous === null) return { full: true, changed: next.cases, health: next.health };
  const before = new Map(previous.cases.map((c) => [c.caseId, JSON.stringify(c)]));
  const changed = next.cases.filter((c) => before.get(c.caseId) !== JSON.stringify(c));
  if (changed.length === 0 && JSON.stringify(previous.health) === JSON.stringify(next.health)) return null;
  return { full: false, changed, health: next.health };
}

/** An after-sales list or detail page: report its cases to the background as they change. */
export function startAftersaleSession(
  adapter: ConsoleAdapter,
  aftersale: AftersaleAdapter,
  kind: 'aftersale-list' | 'aftersale-detail',
  env: SessionEnv,
): Session {
  const { doc, t } = env;
  const win = doc.defaultView!;
  const chip = mountCaseChip(
    doc,
    {
      tracked: (count) => t('caseChipTracked', [String(count)]),
      nearest: (caseId, clock) => t('caseChipNearest', [caseId, clock]),
      overdue: (caseId, clock) => t('caseChipOverdue', [caseId, clock]),
      open: t('caseOpenChecklist'),
    },
    (caseRecordId) => void env.send({ type: 'case/open-checklist', caseRecordId }).catch((error: unknown) => console.warn('[kefu-guard] checklist not opened', error)),
  );
  const send = (delta: CaseDelta) => {
    const update: AftersaleUpdate = {
      type: 'aftersale/update',
      full: delta.full,
      snapshot: { platform: adapter.id, shop: env.shop, url: win.location.href, capturedAt: Date.now(), pageKind: kind, cases: delta.changed, health: delta.health },
    };
    env
      .send(update)
      .then((raw) => {
        const reply = parseAftersaleUpdateReply(raw);
        if (!reply.ok) throw new Error(reply.error);
        chip.cases.value = reply.cases;
      })
      .catch((error: unknown) => {
        if (env.isInvalid()) return;
        console.warn('[kefu-guard] cases not delivered; will resend whole', error);
        win.setTimeout(() => observation.reset(), 2000);
      });
  };
  const observation = observe({
    doc,
    findRoots: aftersale.roots,
    read: () => aftersale.read(doc, Date.now(), kind),
    diff: diffCases,
    onChange: (change) => send(change as CaseDelta),
    onError: (error) => console.warn('[kefu-guard] read failed', error),
  });
  observation.flush();
  return {
    stop() {
      observation.stop();
      chip.destroy();
    },
  };
}
