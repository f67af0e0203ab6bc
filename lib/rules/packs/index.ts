import type { PlatformId } from '../../domain/platform';
import { parseRulePack, type RulePack } from '../schema';
import douyinPack from './douyin.json';
import jdPack from './jd.json';
import kuaishouPack from './kuaishou.json';
import pddPack from './pdd.json';
import taobaoPack from './taobao.json';

/** Raw pack files by platform; validated on first use so a broken file is reported, not crashed on. */
const RAW_PACKS: Partial<Record<PlatformId, unknown>> = { pdd: pddPack, taobao: taobaoPack, douyin: douyinPack, kuaishou: kuaishouPack, jd: jdPack };

export type PackResult = { ok: true; pack: RulePack } | { ok: false; error: string };

const cache = new Map<PlatformId, PackResult>();

export function loadRulePack(platform: PlatformId): PackResult {
  const cached = cache.get(platform);
  if (cached) return cached;
  const raw = RAW_PACKS[platform];
  let result: PackResult;
  if (raw === undefined) result = { ok: false, error: `no rule pack for ${platform}` };
  else {
    try {
      result = { ok: true, pack: parseRulePack(raw) };
    } catch (error) {
      result = { ok: false, error: (error as Error).message };
    }
  }
  cache.set(platform, result);
  return result;
}
