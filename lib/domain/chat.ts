import * as z from 'zod/mini';
import { PlatformId } from './platform';

/** Who wrote a message. `robot` = the platform's or shop's auto-reply bot. */
export const Speaker = z.enum(['buyer', 'agent', 'robot', 'system']);
export type Speaker = z.infer<typeof Speaker>;

export const ThreadMessage = z.object({
  at: z.number(),
  speaker: Speaker,
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

/** One conversation as the page shows it right now. Times are epoch ms (UTC). */
export const ConversationRow = z.object({
  /** Stable key: the buyer uid. Nicknames are masked and collide, so never key by nick. */
  key: z.string().check(z.minLength(1), z.maxLength(128)),
  nick: z.string().check(z.maxLength(128)),
  preview: z.string().check(z.maxLength(500)),
  /** Speaker of the newest message, when the page tells. */
  lastSpeaker: z.nullable(Speaker),
  lastBuyerMessageAt: z.nullable(z.number()),
  /** The page's own "waiting" indicator: true when shown, null when the page gives no signal. */
  waiting: z.nullable(z.boolean()),
  waitingText: z.nullable(z.string().check(z.maxLength(100))),
  /** Waiting time parsed from `waitingText`, when its format is understood. */
  waitingMs: z.nullable(z.number()),
  /** True for the conversation open in the thread pane. */
  open: z.boolean(),
  /** Tail of the open thread (oldest first); empty for rows known only from the list. */
  messages: z.array(ThreadMessage).check(z.maxLength(200)),
  /** When the session was handed from the bot to a human (Douyin), if the page shows it. */
  humanFrom: z.optional(z.nullable(z.number())),
});
export type ConversationRow = z.infer<typeof ConversationRow>;

/** Which parts of the page the adapter could not understand. Empty lists = healthy. */
export const AdapterHealth = z.object({
  missingSelectors: z.array(z.string()).check(z.maxLength(50)),
  unparsedFields: z.array(z.string()).check(z.maxLength(50)),
});
export type AdapterHealth = z.infer<typeof AdapterHealth>;

export const ChatSnapshot = z.object({
  platform: PlatformId,
  shop: z.string().check(z.minLength(1), z.maxLength(128)),
  url: z.string().check(z.maxLength(2048)),
  capturedAt: z.number(),
  conversations: z.array(ConversationRow).check(z.maxLength(5000)),
  health: AdapterHealth,
});
export type ChatSnapshot = z.infer<typeof ChatSnapshot>;

export function isHealthy(health: AdapterHealth): boolean {
  return health.missingSelectors.length === 0 && health.unparsedFields.length === 0;
}
