import { afterEach, describe, expect, it } from 'vitest';
import { readDashboardData, rulesWithOverrides } from '@/components/dashboard/data';
import { historyRows, shopResolver } from '@/lib/metrics/history';
import { OVERRIDES_KEY } from '@/lib/rules/provider';
import { KefuDB } from '@/lib/store/db';
import * as seed from './seed';

let db: KefuDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('dashboard data', () => {
  it('reads clocks, fired warnings, cases, shops and overrides from the store', async () => {
    db = new KefuDB(`dash-${Math.random()}`);
    await db.deadlines.bulkPut(seed.deadlines);
    await db.warnings.bulkPut(seed.warnings);
    await db.cases.bulkPut(seed.cases);
    const conv = (platform: 'pdd' | 'kuaishou', shop: string, key: string) => ({
      id: `${platform}:${shop}:${key}`, platform, shop, key, nick: '', preview: '', lastSpeaker: null, lastBuyerMessageAt: null, waitingText: null, tabId: null, url: '', visible: true, firstSeenAt: 0, lastSeenAt: 0,
    });
    await db.conversations.bulkPut([conv('pdd', '旗舰店', 'b1'), conv('pdd', '旗舰店', 'b2'), conv('kuaishou', seed.KS_SHOP, 'b9')]);
    await db.settings.put({ key: OVERRIDES_KEY, value: { pdd: { [seed.VALID]: { threshold: { value: 0.9, comparison: '>=', minSample: null, period: 'day' } } } }, updatedAt: 0 });

    const data = await readDashboardData(db);
    expect(data.deadlines).toHaveLength(seed.deadlines.length);
    expect(data.warnings.every((w) => w.state === 'fired')).toBe(true);
    expect(data.warnings).toHaveLength(seed.warnings.length - 1);
    expect(data.shops).toEqual([
      ['kuaishou', seed.KS_SHOP],
      ['pdd', '旗舰店'],
    ]);

    // The stored override's pass line is the one compared with.
    const rows = historyRows(data, rulesWithOverrides(data.overrides), seed.NOW, shopResolver(data.shops));
    expect(rows.find((r) => r.day === '2026-11-24' && r.shop === '旗舰店' && r.metric === seed.VALID)).toMatchObject({ passLine: { value: 0.9 }, missesLeft: 0 });
    expect(rows.find((r) => r.metric === seed.KS_RULE)?.shop).toBe(seed.KS_SHOP);
  });

  it('a corrupted override value is ignored, like the worker does', async () => {
    db = new KefuDB(`dash-${Math.random()}`);
    await db.settings.put({ key: OVERRIDES_KEY, value: 'nonsense', updatedAt: 0 });
    const data = await readDashboardData(db);
    expect(data.overrides).toEqual({});
    const pack = rulesWithOverrides(data.overrides)('pdd');
    expect(pack.ok && pack.pack.replyRules.find((r) => r.id === seed.VALID)?.threshold?.value).toBe(0.5);
  });
});
