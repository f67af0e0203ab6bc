// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jdAftersaleRoots, readJdAfterSale } from '@/lib/adapters/jd';
import { AfterSaleSnapshot } from '@/lib/domain/aftersale';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:00:00');
const H = 3_600_000;
const D = 24 * H;
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

describe('readJdAfterSale over aftersale-list.html', () => {
  const read = readJdAfterSale(fixtureDocument('jd', 'aftersale-list.html'), NOW, 'aftersale-list');

  it('reads every service order with a healthy report', () => {
    expect(read.cases.map((c) => c.caseId)).toEqual(['4048292768', '4048292769', '4048292770', '4048292771']);
    expect(read.health).toEqual(HEALTHY);
  });

  it('reads a return under review with the countdown and its automatic approval', () => {
    expect(read.cases[0]).toEqual({
      caseId: '4048292768',
      orderId: '3557439004118866',
      kind: 'return_refund',
      kindText: '退货退款',
      stageText: '审核中',
      stage: 'seller_review',
      amountFen: 5990,
      appliedAt: shanghai('2026-11-23T09:12:00'),
      deadlineText: '剩余 1天3小时',
      pageDeadline: NOW + D + 3 * H,
      autoAction: 'auto_approve',
      autoActionText: '超时系统将自动审核通过',
    });
  });

  it('maps statuses by kind: an approved exchange waits for the buyer, a refund in progress has no clock, "完 成" is closed', () => {
    expect(read.cases.slice(1).map((c) => [c.kind, c.kindText, c.stageText, c.stage, c.amountFen, c.pageDeadline, c.autoAction])).toEqual([
      ['exchange', '换货', '商家同意', 'buyer_return_shipment', null, null, null],
      ['refund_only', '仅退款', '退款中', null, 1900, null, null],
      ['repair', '维修', '完 成', 'closed', 0, null, null],
    ]);
    expect(read.cases[3]!.appliedAt).toBe(shanghai('2026-11-02T11:11:11'));
  });

  it('produces cases that pass the snapshot schema, and watches the table body', () => {
    const snapshot = { platform: 'jd', shop: 'default', url: 'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/list?tabCode=all', capturedAt: NOW, pageKind: 'aftersale-list', ...read };
    expect(AfterSaleSnapshot.safeParse(snapshot).success).toBe(true);
    const doc = fixtureDocument('jd', 'aftersale-list.html');
    expect(jdAftersaleRoots(doc)).toEqual([doc.querySelector('.jd-table__body tbody')]);
  });
});

describe('readJdAfterSale over aftersale-detail.html', () => {
  it('reads the labelled pairs and the countdown sentence', () => {
    const read = readJdAfterSale(fixtureDocument('jd', 'aftersale-detail.html'), NOW, 'aftersale-detail');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      {
        caseId: '4048292768',
        orderId: '3557439004118866',
        kind: 'return_refund',
        kindText: '退货退款',
        stageText: '待收货',
        stage: 'seller_confirm_receipt',
        amountFen: 5990,
        appliedAt: shanghai('2026-11-17T10:00:00'),
        deadlineText: '剩余 6天23小时',
        pageDeadline: NOW + 6 * D + 23 * H,
        autoAction: 'auto_confirm',
        autoActionText: '超时系统将自动确认收货并退款',
      },
    ]);
  });

  it('takes the service-order id from the page address when the label shows none', () => {
    const doc = fixtureDocument('jd', 'aftersale-detail.html');
    doc.querySelector('.afs-info dd')!.textContent = '—';
    Object.defineProperty(doc, 'URL', { value: 'https://shop.jd.com/jdm/trade/after-sale/independent-after-sale/detail?afsServiceId=4048299999' });
    expect(readJdAfterSale(doc, NOW, 'aftersale-detail').cases[0]?.caseId).toBe('4048299999');
  });
});

describe('readJdAfterSale on unusual pages', () => {
  it('treats an empty list as healthy', () => {
    expect(readJdAfterSale(fixtureDocument('jd', 'aftersale-list-empty.html'), NOW, 'aftersale-list')).toEqual({ cases: [], health: HEALTHY });
  });

  it('names unknown kinds, statuses, amounts and times, and still reads the cases', () => {
    const read = readJdAfterSale(fixtureDocument('jd', 'aftersale-list-unknown.html'), NOW, 'aftersale-list');
    expect(read.cases.map((c) => [c.caseId, c.kind, c.kindText, c.stage, c.stageText, c.amountFen, c.appliedAt])).toEqual([
      ['4048300001', null, '价保', null, '待客服二次核实', null, null],
      ['4048300002', 'repair', '维修', 'closed', '完 成', null, null],
    ]);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['case.amount', 'case.appliedAt', 'case.kind', 'case.stage'] });
  });

  it('falls back to generic table rows when the kit renames its classes, skipping the header row', () => {
    const read = readJdAfterSale(fixtureDocument('jd', 'aftersale-list-renamed.html'), NOW, 'aftersale-list');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toHaveLength(1);
    expect(read.cases[0]).toMatchObject({ caseId: '4048292768', orderId: '3557439004118866', kind: 'return_refund', stage: 'seller_review', amountFen: 5990 });
  });

  it('reports the rows as missing when the table is gone', () => {
    const doc = fixtureDocument('jd', 'aftersale-list.html');
    doc.querySelector('.jd-table')!.remove();
    expect(readJdAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: ['row'], unparsedFields: [] } });
  });

  it('reports the detail labels as missing when the info block is gone', () => {
    const doc = fixtureDocument('jd', 'aftersale-detail.html');
    doc.querySelector('.afs-info')!.remove();
    expect(readJdAfterSale(doc, NOW, 'aftersale-detail')).toEqual({ cases: [], health: { missingSelectors: ['labels.caseId'], unparsedFields: [] } });
  });

  it('never throws on an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readJdAfterSale(empty, NOW, 'aftersale-list').health.missingSelectors).toEqual(['row']);
    expect(readJdAfterSale(empty, NOW, 'aftersale-detail').health.missingSelectors).toEqual(['labels.caseId']);
  });

  it('reads a 2,000-row list', () => {
    const doc = fixtureDocument('jd', 'aftersale-list-empty.html');
    doc.querySelector('.jd-table__empty-block')!.remove();
    doc.querySelector('.jd-table__body tbody')!.innerHTML = Array.from({ length: 2000 }, (_, i) =>
      `<tr class="jd-table__row"><td><div>服务单号：${5000000000 + i}</div><div>订单号：${3557439000000000 + i}</div></td>` +
      `<td>${i % 2 ? '退货退款' : '仅退款'}</td><td><span>${i % 2 ? '审核中' : '退款成功'}</span></td><td>¥${i}.09</td></tr>`).join('');
    const read = readJdAfterSale(doc, NOW, 'aftersale-list');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toHaveLength(2000);
    expect(read.cases.filter((c) => c.kind === 'return_refund' && c.stage === 'seller_review')).toHaveLength(1000);
    expect(read.cases[1998]).toMatchObject({ caseId: '5000001998', orderId: '3557439000001998', kind: 'refund_only', stage: 'closed', amountFen: 199_809 });
  });
});
