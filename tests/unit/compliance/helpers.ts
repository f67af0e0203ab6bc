import type { PlatformId } from '@/lib/domain/platform';
import { checkMessage, type Category, type CompiledLexicon } from '@/lib/compliance';

/** [category, the original text each finding points at], in finding order. */
export function spans(text: string, platform: PlatformId = 'pdd', lexicon?: CompiledLexicon): [Category, string][] {
  return checkMessage(text, { platform, lexicon }).map((f) => [f.category, text.slice(f.start, f.end)]);
}

/** The original text of each finding of one category. */
export function slices(text: string, category: Category, platform: PlatformId = 'pdd'): string[] {
  return spans(text, platform)
    .filter(([c]) => c === category)
    .map(([, s]) => s);
}
