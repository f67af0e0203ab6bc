import type { z } from 'zod';
import type { Locale } from '@/lib/i18n';
import { spanText } from './durations';

/**
 * A field-level problem, kept structured until it is shown so it can be said in the UI's language.
 * `path` names the field the way the stored value does ("offHours.from", "platforms.jd.shopName",
 * "duration", "add.contact_off_platform"); `item` names the offending entry where there is one.
 */
export type Problem =
  | { path: string; kind: 'number' | 'positive' | 'required' | 'time' | 'platforms' | 'gone' | 'taken' | 'storedInvalid'; item?: string }
  | { path: string; kind: 'min' | 'max' | 'tooLong' | 'tooMany'; bound: number; ms?: boolean; item?: string }
  | { path: string; kind: 'ladder'; item: string; positive: boolean }
  | { path: string; kind: 'unknownVariable'; item: string }
  | { path: string; kind: 'compliance'; item: string; platform: string; message: string }
  | { path: string; kind: 'text'; message: string; item?: string };

export interface ProblemTexts {
  t: (key: string, subs?: string[]) => string;
  locale: Locale;
}

/** zod's issues → problems; a path ending in "Ms" is a duration and its bounds are said as one. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): Problem[] {
  return issues.map((issue): Problem => {
    const segments = issue.path.slice(prefix.length).map(String);
    const path = segments.join('.');
    const ms = /Ms$/.test(segments[segments.length - 1] ?? '');
    if (issue.code === 'invalid_type' && issue.expected === 'number') return { path, kind: 'number' };
    if (issue.code === 'too_small') {
      const bound = Number(issue.minimum);
      if (issue.origin === 'string' && bound <= 1) return { path, kind: 'required' };
      if (issue.origin === 'array' && bound <= 1) return { path, kind: path === 'platforms' ? 'platforms' : 'required' };
      if ((issue.origin === 'number' || issue.origin === 'int') && bound === 0 && issue.inclusive === false) return { path, kind: 'positive' };
      if (issue.origin === 'number' || issue.origin === 'int') return { path, kind: 'min', bound, ms };
    }
    if (issue.code === 'too_big') {
      const bound = Number(issue.maximum);
      if (issue.origin === 'string') return { path, kind: 'tooLong', bound };
      if (issue.origin === 'array') return { path, kind: 'tooMany', bound };
      if (issue.origin === 'number' || issue.origin === 'int') return { path, kind: 'max', bound, ms };
    }
    if (issue.code === 'invalid_format' && /(^|\.)(from|to)$/.test(path)) return { path, kind: 'time' };
    return { path, kind: 'text', message: issue.message };
  });
}

/** The background's `{path, message}` field errors, shown as it wrote them. */
export function problemsFromFields(fields: readonly { path: string; message: string }[]): Problem[] {
  return fields.map((f) => ({ path: f.path, kind: 'text', message: f.message }));
}

/** One problem in words. */
export function problemText(problem: Problem, { t, locale }: ProblemTexts): string {
  const item = problem.item ? t('optErrItem', [problem.item]) : '';
  const bound = (n: number, ms?: boolean) => (ms ? spanText(n, locale) : String(n));
  switch (problem.kind) {
    case 'number':
      return item + t('optErrNumber');
    case 'positive':
      return item + t('optErrPositive');
    case 'required':
      return item + t('optErrRequired');
    case 'time':
      return item + t('optErrTime');
    case 'platforms':
      return t('optErrPlatforms');
    case 'gone':
      return t('optErrTemplateGone');
    case 'taken':
      return t('optErrTemplateTaken', [problem.item ?? '']);
    case 'storedInvalid':
      return t('optErrStoredTemplates');
    case 'min':
      return item + t('optErrMin', [bound(problem.bound, problem.ms)]);
    case 'max':
      return item + t('optErrMax', [bound(problem.bound, problem.ms)]);
    case 'tooLong':
      return item + t('optErrTooLong', [String(problem.bound)]);
    case 'tooMany':
      return item + t('optErrTooMany', [String(problem.bound)]);
    case 'ladder':
      return problem.positive ? t('optErrLadderPositive', [problem.item]) : t('optErrLadder', [problem.item]);
    case 'unknownVariable':
      return t('optErrUnknownVariable', [problem.item]);
    case 'compliance':
      return t('optErrCompliance', [problem.platform, problem.message]);
    case 'text':
      return item + problem.message;
  }
}

/** Problems of one field (exact path). */
export const problemsAt = (problems: readonly Problem[], path: string) => problems.filter((p) => p.path === path);
