import { describe, expect, it } from 'vitest';
import { csvCell, metricsCsv, toCsv } from '@/lib/metrics/csv';
import { historyRows, shopResolver } from '@/lib/metrics/history';
import { loadRulePack } from '@/lib/rules/packs';
import * as seed from './seed';

const BOM = '\uFEFF';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks; leaves plain and Chinese text alone', () => {
    expect(csvCell('旗舰店')).toBe('旗舰店');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('多行\n文本')).toBe('"多行\n文本"');
    expect(csvCell('回车\r\n换行')).toBe('"回车\r\n换行"');
    expect(csvCell('，全角逗号不用引号')).toBe('，全角逗号不用引号');
    expect(csvCell(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('never lets a spreadsheet read a text field as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-店')).toBe("'-店");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell(-1)).toBe('-1'); // numbers stay numbers
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(toCsv(['店铺', '备注'], [['a,b', '说"好"'], ['多行\n文本', null]])).toBe(`${BOM}店铺,备注\r\n"a,b","说""好"""\r\n"多行\n文本",\r\n`);
    const bytes = new TextEncoder().encode(toCsv(['日期'], []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // what a Blob of the string holds
  });

  it('the dashboard export: one record per day, platform, shop and metric; misses left only today', () => {
    const rows = historyRows({ deadlines: seed.deadlines, warnings: seed.warnings, cases: seed.cases }, loadRulePack, seed.NOW, shopResolver(seed.shops));
    const names = {
      header: ['日期', '平台', '店铺', '指标', '按时', '超时', '不计入', '进行中', '达标率', '及格线', '今天还可超时'],
      platform: (p: string) => ({ pdd: '拼多多', kuaishou: '快手小店' })[p] ?? p,
      shop: (s: string) => (s === 'default' ? '当前店铺' : s),
      metric: (r: { metric: string }) => ({ [seed.VALID]: '有效回复率（60分钟）', [seed.HUMAN]: '3分钟人工回复率', [seed.KS_RULE]: '商户客服3分钟回复率', aftersale: '售后按时处理', alerts: '提醒后及时处理' })[r.metric] ?? r.metric,
    };
    const csv = metricsCsv(rows, { period: '30d', platform: 'pdd', shop: 'all' }, seed.NOW, names);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith(`${BOM}日期,平台,店铺,指标,按时,超时,不计入,进行中,达标率,及格线,今天还可超时\r\n`)).toBe(true);
    expect(lines).toContain('2026-11-22,拼多多,旗舰店,有效回复率（60分钟）,3,1,0,0,0.7500,0.5000,');
    expect(lines).toContain('2026-11-24,拼多多,旗舰店,有效回复率（60分钟）,8,3,0,1,0.7273,0.5000,5');
    expect(lines).toContain('2026-11-24,拼多多,当前店铺,有效回复率（60分钟）,1,0,0,0,1.0000,0.5000,1');
    expect(lines).toContain('2026-11-24,拼多多,旗舰店,售后按时处理,0,1,0,0,0.0000,,');
    expect(lines).toContain('2026-11-24,拼多多,旗舰店,提醒后及时处理,1,3,0,1,0.2500,,');
    expect(csv).not.toContain('快手');
    expect(lines.at(-1)).toBe(''); // trailing CRLF

    const today = metricsCsv(rows, { period: 'today', platform: 'kuaishou', shop: 'all' }, seed.NOW, names);
    // The shop name holds a ':' but no comma: unquoted; today only.
    expect(today.slice(1).split('\r\n').slice(1, -1)).toEqual([
      '2026-11-24,快手小店,快手:一店,商户客服3分钟回复率,2,0,0,0,1.0000,0.7000,0',
      '2026-11-24,快手小店,快手:一店,售后按时处理,0,0,1,1,,,',
      '2026-11-24,快手小店,快手:一店,提醒后及时处理,0,0,1,1,,,',
    ]);
  });
});
