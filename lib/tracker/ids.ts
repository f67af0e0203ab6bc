import type { PlatformId } from '../domain/platform';

export const conversationId = (platform: PlatformId, shop: string, key: string) => `${platform}:${shop}:${key}`;
export const deadlineId = (conversation: string, ruleId: string, firstStart: number) => `${conversation}|${ruleId}|${firstStart}`;
export const warningId = (deadline: string, beforeMs: number) => `${deadline}|${beforeMs}`;
