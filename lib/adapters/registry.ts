import { douyinAdapter } from './douyin';
import { jdAdapter } from './jd';
import { kuaishouAdapter } from './kuaishou';
import { pddAdapter } from './pinduoduo';
import type { ConsoleAdapter } from './registry-types';
import { taobaoAdapter } from './taobao';

/** Every console adapter, one per platform id. Content scripts import only their own adapter. */
export const ADAPTERS: readonly ConsoleAdapter[] = [pddAdapter, taobaoAdapter, douyinAdapter, kuaishouAdapter, jdAdapter];

/** The adapter whose detector accepts this URL, and the page kind it sees. */
export function adapterFor(url: string): { adapter: ConsoleAdapter; kind: NonNullable<ReturnType<ConsoleAdapter['detect']>> } | null {
  for (const adapter of ADAPTERS) {
    const kind = adapter.detect(url);
    if (kind) return { adapter, kind };
  }
  return null;
}
