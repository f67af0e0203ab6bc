import { z } from 'zod';
import data from './templates.json';
import { ReplyTemplate } from './schema';

let shipped: ReplyTemplate[] | null = null;

/** The shipped library, validated once on first use (a broken file fails loudly in tests, not silently in use). */
export function shippedTemplates(): ReplyTemplate[] {
  return (shipped ??= z.strictObject({ $comment: z.string(), templates: z.array(ReplyTemplate) }).parse(data).templates);
}
