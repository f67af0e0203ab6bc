import * as z from 'zod/mini';

/** Platform ids used everywhere: rule packs, messages, stored rows, CLI input. */
export const PLATFORM_IDS = ['pdd', 'taobao', 'douyin', 'kuaishou', 'jd'] as const;
export const PlatformId = z.enum(PLATFORM_IDS);
export type PlatformId = z.infer<typeof PlatformId>;
