import { deadlineDifference, type PageDeadline } from './countdown';
import { clockSeconds, type AftersaleRule, type StageDuration } from './schema';
import { localMidnight } from './window';

const DAY = 86_400_000;

/** When a stage that started at `startedAt` runs out, by the duration's own semantics (Asia/Shanghai days). */
export function stageDueAt(duration: StageDuration, startedAt: number, utcOffsetMinutes: number): number {
  const midnight = localMidnight(startedAt, utcOffsetMinutes);
  switch (duration.type) {
    case 'elapsed':
      return startedAt + duration.ms;
    case 'natural-days':
      // The start day is day 1: "3个自然日" from Monday 15:00 ends Wednesday 24:00.
      return midnight + duration.days * DAY;
    case 'from-next-midnight':
      return midnight + DAY + duration.ms;
    case 'cutoff': {
      const secondsIntoDay = (startedAt - midnight) / 1000;
      return secondsIntoDay < clockSeconds(duration.cutoff)
        ? midnight + clockSeconds(duration.before, true) * 1000
        : midnight + DAY + clockSeconds(duration.after, true) * 1000;
    }
  }
}

export interface CaseEvents {
  /** When tracking showed the returned parcel signed for (PDD cuts what is left to 24 h). */
  returnSignedAt?: number | null;
}

export interface StageDeadline {
  ruleDueAt: number;
  /** The console's own countdown, when shown: it wins. */
  pageDueAt: number | null;
  dueAt: number;
  differenceMs: number | null;
  disagrees: boolean;
  shortened: boolean;
}

/** The deadline of one after-sales stage: rule-computed, page-read, and which one is in force. */
export function aftersaleDeadline(
  rule: AftersaleRule,
  startedAt: number,
  utcOffsetMinutes: number,
  events: CaseEvents = {},
  page: PageDeadline | null = null,
): StageDeadline {
  let ruleDueAt = stageDueAt(rule.duration, startedAt, utcOffsetMinutes);
  let shortened = false;
  if (rule.shortenOn?.event === 'return_signed' && events.returnSignedAt != null) {
    const cut = events.returnSignedAt + rule.shortenOn.remainingMs;
    if (cut < ruleDueAt) {
      ruleDueAt = cut;
      shortened = true;
    }
  }
  const compared = deadlineDifference(page?.at ?? null, ruleDueAt);
  return {
    ruleDueAt,
    pageDueAt: page?.at ?? null,
    dueAt: page?.at ?? ruleDueAt,
    differenceMs: compared.differenceMs,
    disagrees: compared.disagrees,
    shortened,
  };
}
