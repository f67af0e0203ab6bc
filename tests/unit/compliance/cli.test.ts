// scripts/check-messages.ts end to end: spawned once, JSON lines in and out.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run check:messages', () => {
  it('answers every non-blank line in order; a bad line gets an error and the rest still run', () => {
    const input = [
      JSON.stringify({ platform: 'pdd', text: '亲，加我V信 abc_123 给您优惠' }),
      '',
      '   ',
      '{not json',
      JSON.stringify({ platform: 'amazon', text: '你好' }),
      JSON.stringify({ platform: 'jd' }),
      JSON.stringify(['pdd', 'x']),
      JSON.stringify({ platform: 'jd', text: '您的订单 260909-672850297221479 已发货' }),
      JSON.stringify({ platform: 'kuaishou', text: '高仿，全网最低' }),
    ].join('\n');
    const run = spawnSync('npx', ['tsx', 'scripts/check-messages.ts'], { input, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(7);

    const first = lines[0].findings;
    expect(first).toHaveLength(1);
    expect(Object.keys(first[0]).sort()).toEqual(['category', 'end', 'reason', 'rewrite', 'severity', 'start']);
    expect(first[0]).toMatchObject({ category: 'contact_off_platform', severity: 'block', start: 2, end: 14 });
    expect(first[0].reason).toContain('拼多多客服管理规则2.2');

    expect(lines[1].error).toMatch(/invalid JSON/);
    expect(lines[2].error).toMatch(/unknown platform "amazon"/);
    expect(lines[3].error).toMatch(/text must be a string/);
    expect(lines[4].error).toMatch(/expected an object/);
    expect(lines[5]).toEqual({ findings: [] });
    expect(lines[6].findings.map((f: { category: string; severity: string }) => `${f.category}/${f.severity}`)).toEqual(['counterfeit/block', 'absolute_claim/warn']);
  }, 90_000);
});
