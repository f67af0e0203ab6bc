import { z } from 'zod';
import { PLATFORM_IDS } from '../domain/platform';
import { SCENARIOS } from '../aftersale/checklist';

/** Values a template may ask for; filled from the page (buyer nick, order, case) or typed by the agent. */
export const VARIABLES = ['buyerNick', 'orderId', 'amount', 'deadline', 'returnWindow', 'product', 'alternative', 'reason'] as const;
export type VariableName = (typeof VARIABLES)[number];

const VariableSpec = z.strictObject({ required: z.boolean(), fallback: z.string().max(40).optional() });

export const ReplyTemplate = z
  .strictObject({
    id: z.string().regex(/^(user\.)?[a-z_]+\.[a-z0-9_]+$/),
    scenario: z.enum(SCENARIOS),
    text: z.string().min(1).max(500),
    gloss: z.string().max(500),
    variables: z.partialRecord(z.enum(VARIABLES), VariableSpec),
    platforms: z.array(z.enum(PLATFORM_IDS)).min(1),
  })
  .superRefine((t, ctx) => {
    const used = [...t.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const name of used)
      if (!(name in t.variables)) ctx.addIssue({ code: 'custom', path: ['text'], message: `{${name}} is not a declared variable` });
    for (const name of Object.keys(t.variables)) if (!used.includes(name)) ctx.addIssue({ code: 'custom', path: ['variables', name], message: 'declared but not used in the text' });
  });
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

/** A shop's own templates (options page), stored under the settings key 'userTemplates'. */
export const USER_TEMPLATES_KEY = 'userTemplates';
export const UserTemplates = z.array(ReplyTemplate.refine((t) => t.id.startsWith('user.'), { message: "user template ids start with 'user.'", path: ['id'] })).max(500);
