// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { douyinAdapter, douyinAftersaleRoots, readDouyinAfterSale } from '@/lib/adapters/douyin';
import { AfterSaleSnapshot } from '@/lib/domain/aftersale';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:05:00');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const list = (name: string) => readDouyinAfterSale(fixtureDocument('douyin', name), NOW, 'aftersale-list');

describe('readDouyinAfterSale over aftersale-list.html', () => {
  const result = list('aftersale-list.html');

  it('reads every case with ids, kinds, stages and amounts, healthy', () => {
    expect(result.health).toEqual(HEALTHY);
    expect(result.cases.map((c) => [c.caseId, c.orderId, c.kind, c.kindText, c.stageText, c.stage, c.amountFen])).toEqual([
      ['7470000000000000001', '6931234567890000001', 'refund_only', '仅退款 已发货', '待商家处理', 'seller_review', 6500],
      ['7470000000000000002', '6931234567890000002', 'return_refund', '退货退款', '待买家退货', 'buyer_return_shipment', 12850],
      ['7470000000000000003', '6931234567890000003', 'return_refund', '退货退款', '退货待商家收货', 'seller_confirm_receipt', 128000],
      ['7470000000000000004', '6931234567890000004', 'exchange', '换货', '待商家收货', 'seller_inspect', null],
      ['7470000000000000005', '6931234567890000005', 'refund_only', '仅退款', '退款成功', 'closed', 1990],
      ['7470000000000000006', '6931234567890000006', 'refund_only', '仅退款', '待商家处理', 'seller_review', 4200],
    ]);
  });

  it('reads when each case was filed', () => {
    expect(result.cases.map((c) => c.appliedAt)).toEqual([
      shanghai('2026-11-24T10:04:00'),
      shanghai('2026-11-23T20:15:30'),
      shanghai('2026-11-20T09:00:00'),
      shanghai('2026-11-21T14:20:00'),
      shanghai('2026-11-22T08:00:00'),
      shanghai('2026-11-22T09:30:00'),
    ]);
  });

  it('turns the page countdowns into deadlines, overdue ones into the past', () => {
    expect(result.cases.map((c) => [c.deadlineText, c.pageDeadline])).toEqual([
      ['剩余1天23时59分', NOW + DAY + 23 * HOUR + 59 * 60_000],
      ['剩余6天12时', NOW + 6 * DAY + 12 * HOUR],
      ['剩余2天3时5分', NOW + 2 * DAY + 3 * HOUR + 5 * 60_000],
      ['剩余1天', NOW + DAY], // split over two spans
      [null, null],
      ['已超时 2小时', NOW - 2 * HOUR],
    ]);
  });

  it('reads what the platform does at the deadline', () => {
    expect(result.cases.map((c) => [c.autoAction, c.autoActionText])).toEqual([
      ['auto_refund', '超时未处理，系统将自动同意退款'],
      ['auto_close', '超时未填写退货物流，系统将自动关闭售后'],
      ['auto_confirm', '超时未处理，系统将自动确认收货并退款'],
      [null, null],
      [null, null],
      ['auto_refund', '系统将自动同意退款'],
    ]);
  });

  it('produces cases that pass the snapshot schema, and is what the adapter reads', () => {
    const snapshot = {
      platform: 'douyin',
      shop: 'default',
      url: 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list',
      capturedAt: NOW,
      pageKind: 'aftersale-list',
      ...result,
    };
    expect(AfterSaleSnapshot.safeParse(snapshot).success).toBe(true);
    expect(douyinAdapter.aftersale!.read(fixtureDocument('douyin', 'aftersale-list.html'), NOW, 'aftersale-list')).toEqual(result);
  });
});

describe('readDouyinAfterSale over aftersale-detail.html', () => {
  const result = readDouyinAfterSale(fixtureDocument('douyin', 'aftersale-detail.html'), NOW, 'aftersale-detail');

  it('reads the one case from its label/value blocks and the status card, not the logistics timeline', () => {
    expect(result.health).toEqual(HEALTHY);
    expect(result.cases).toEqual([
      {
        caseId: '7470000000000000101',
        orderId: '6931234567890000101',
        kind: 'return_refund',
        kindText: '退货退款',
        stageText: '退货待商家收货',
        stage: 'seller_confirm_receipt',
        amountFen: 6500,
        appliedAt: shanghai('2026-11-22T18:30:00'),
        deadlineText: '剩余1天12时30分',
        pageDeadline: NOW + DAY + 12 * HOUR + 30 * 60_000,
        autoAction: 'auto_confirm',
        autoActionText: '逾期未处理，系统将自动确认收货并退款',
      },
    ]);
  });

  it('survives a rotated CSS-module hash on the field blocks', () => {
    const doc = fixtureDocument('douyin', 'aftersale-detail.html');
    for (const el of Array.from(doc.querySelectorAll('[class*="item-wrapper"]'))) el.className = 'index_item-wrapper__Zq81';
    expect(readDouyinAfterSale(doc, NOW, 'aftersale-detail')).toEqual(result);
  });

  it('reports the field blocks when their class is renamed beyond the prefix', () => {
    const doc = fixtureDocument('douyin', 'aftersale-detail.html');
    for (const el of Array.from(doc.querySelectorAll('[class*="item-wrapper"]'))) el.className = 'index_field__Zq81';
    expect(readDouyinAfterSale(doc, NOW, 'aftersale-detail')).toEqual({
      cases: [],
      health: { missingSelectors: ['detailField'], unparsedFields: [] },
    });
  });

  it('falls back to the aftersale_id in the page address when the block is missing', () => {
    const doc = fixtureDocument('douyin', 'aftersale-detail.html');
    doc.querySelector('[class*="item-wrapper"]')!.remove(); // 售后编号
    expect(readDouyinAfterSale(doc, NOW, 'aftersale-detail').health.unparsedFields).toEqual(['case.id']);
    const located = new DOMParser().parseFromString(doc.documentElement.outerHTML, 'text/html');
    Object.defineProperty(located, 'URL', {
      value: 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/detail-v3?aftersale_id=7470000000000000101',
    });
    expect(readDouyinAfterSale(located, NOW, 'aftersale-detail').cases[0]?.caseId).toBe('7470000000000000101');
  });
});

describe('readDouyinAfterSale on unusual pages', () => {
  it('treats an empty list as healthy', () => {
    expect(list('aftersale-list-empty.html')).toEqual({ cases: [], health: HEALTHY });
  });

  it('reports unknown kinds and statuses, a missing case id, an unreadable amount and countdown', () => {
    const result = list('aftersale-list-unknown.html');
    expect(result.cases.map((c) => [c.caseId, c.kind, c.kindText, c.stage, c.stageText, c.amountFen, c.deadlineText, c.pageDeadline])).toEqual([
      ['7470000000000000101', null, '价保', null, '待商家上传凭证', 500, null, null],
      ['7470000000000000103', 'refund_only', '仅退款', 'seller_review', '待商家处理', null, '剩余 --天--时', null],
    ]);
    expect(result.health).toEqual({
      missingSelectors: [],
      unparsedFields: ['case.amount', 'case.deadline', 'case.id', 'case.kind', 'case.stage'],
    });
  });

  it('reads a 2,000-case list', () => {
    const doc = fixtureDocument('douyin', 'aftersale-list-empty.html');
    const statuses = ['待商家处理', '待买家退货', '退货待商家收货', '退款成功'];
    doc.querySelector('.auxo-table-tbody')!.innerHTML = Array.from({ length: 2000 }, (_, i) => {
      const id = String(7480000000000000000n + BigInt(i));
      return (
        `<tr class="auxo-table-row" data-row-key="parent-${id}"><td colspan="6"><span>售后编号：${id}</span> <span>订单编号：69${i}0000000</span></td></tr>` +
        `<tr class="auxo-table-row" data-row-key="child-${id}"><td>商品${i}</td><td>${i % 2 ? '退货退款' : '仅退款'}</td><td>¥${i}.50</td>` +
        `<td><div>${statuses[i % 4]}</div>${i % 4 === 3 ? '' : `<div>剩余${(i % 5) + 1}天</div>`}</td><td>—</td><td><a>查看详情</a></td></tr>`
      );
    }).join('');
    const result = readDouyinAfterSale(doc, NOW, 'aftersale-list');
    expect(result.health).toEqual(HEALTHY);
    expect(result.cases).toHaveLength(2000);
    expect(result.cases.filter((c) => c.stage === 'closed')).toHaveLength(500);
    expect(result.cases.filter((c) => c.pageDeadline !== null)).toHaveLength(1500);
    expect(result.cases[1999]).toMatchObject({ caseId: '7480000000000001999', kind: 'return_refund', amountFen: 199950, stage: 'closed' });
    expect(result.cases[2]).toMatchObject({ stage: 'seller_confirm_receipt', pageDeadline: NOW + 3 * DAY });
  });
});

describe('readDouyinAfterSale degraded health', () => {
  function without(css: string, name = 'aftersale-list.html') {
    const doc = fixtureDocument('douyin', name);
    for (const el of Array.from(doc.querySelectorAll(css))) el.remove();
    return readDouyinAfterSale(doc, NOW, 'aftersale-list');
  }

  it('reports the list root when #orderAppContainer is gone', () => {
    const doc = fixtureDocument('douyin', 'aftersale-list.html');
    doc.querySelector('#orderAppContainer')!.removeAttribute('id');
    const result = readDouyinAfterSale(doc, NOW, 'aftersale-list');
    expect(result.health.missingSelectors).toEqual(['listRoot']);
    expect(result.cases).toHaveLength(6); // the table is still read
  });

  it('reports the table body when the table is gone', () => {
    expect(without('.auxo-table')).toEqual({ cases: [], health: { missingSelectors: ['tableBody'], unparsedFields: [] } });
  });

  it('reports rows when the body holds rows no row selector matches', () => {
    const doc = fixtureDocument('douyin', 'aftersale-list.html');
    for (const tr of Array.from(doc.querySelectorAll('tr[data-row-key]'))) {
      tr.removeAttribute('data-row-key');
      tr.className = 'row-Zz0000';
    }
    expect(readDouyinAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: ['row'], unparsedFields: [] } });
  });

  it('reports the column header when it is gone, and still reads what the row text says', () => {
    const result = without('.auxo-table-thead');
    expect(result.health.missingSelectors).toEqual(['tableHeader']);
    expect(result.cases.map((c) => [c.caseId, c.kind, c.stage, c.amountFen])).toEqual([
      ['7470000000000000001', 'refund_only', 'seller_review', 6500],
      ['7470000000000000002', 'return_refund', 'buyer_return_shipment', 12850],
      ['7470000000000000003', 'return_refund', 'seller_confirm_receipt', 128000],
      ['7470000000000000004', 'exchange', 'seller_inspect', null],
      ['7470000000000000005', 'refund_only', 'closed', 1990],
      ['7470000000000000006', 'refund_only', 'seller_review', 4200],
    ]);
  });

  it('handles an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readDouyinAfterSale(empty, NOW, 'aftersale-list').health.missingSelectors).toEqual(['listRoot', 'tableBody']);
    expect(readDouyinAfterSale(empty, NOW, 'aftersale-detail').health.missingSelectors).toEqual(['detailField']);
  });

  it('watches the list container, or the detail page root', () => {
    expect(douyinAftersaleRoots(fixtureDocument('douyin', 'aftersale-list.html')).map((el) => el.id)).toEqual(['orderAppContainer']);
    expect(douyinAftersaleRoots(fixtureDocument('douyin', 'aftersale-detail.html')).map((el) => el.id)).toEqual(['orderAppContainer']);
  });
});
