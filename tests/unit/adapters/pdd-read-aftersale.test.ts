// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pddAftersaleRoots, readPddAfterSale } from '@/lib/adapters/pinduoduo';
import { AfterSaleSnapshot } from '@/lib/domain/aftersale';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:00:00');
const S = 1000;
const H = 3600 * S;
const D = 24 * H;
const HEALTHY = { missingSelectors: [], unparsedFields: [] };

describe('readPddAfterSale over aftersale-list.html', () => {
  const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-list.html'), NOW, 'aftersale-list');

  it('reads every row, in page order, with a healthy report', () => {
    expect(read.cases.map((c) => c.caseId)).toEqual(['23111111111111', '23222222222222', '23333333333333', '23444444444444']);
    expect(read.health).toEqual(HEALTHY);
  });

  it('reads a case awaiting review with its countdown and automatic refund', () => {
    expect(read.cases[0]).toEqual({
      caseId: '23111111111111',
      orderId: '261120-111111111111111',
      kind: 'return_refund',
      kindText: '退货退款',
      stageText: '待商家处理',
      stage: 'seller_review',
      amountFen: 6500,
      appliedAt: shanghai('2026-11-22T07:00:00'),
      deadlineText: '1天2时3分30秒',
      pageDeadline: NOW + D + 2 * H + 3 * 60 * S + 30 * S,
      autoAction: 'auto_refund',
      autoActionText: '未处理，系统将自动退款',
    });
  });

  it('reads a return awaiting receipt, a case id from the detail link, and a finished case', () => {
    expect(read.cases[1]).toMatchObject({
      orderId: '261118-222222222222222',
      stageText: '退货退款，待商家确认收货',
      stage: 'seller_confirm_receipt',
      amountFen: 128_050,
      appliedAt: shanghai('2026-11-18T21:15:09'),
      pageDeadline: NOW + 6 * D + 2 * H + 3 * 60 * S + 30 * S,
      autoActionText: '物流无退回轨迹，系统将自动退款',
    });
    expect(read.cases[2]).toMatchObject({ caseId: '23333333333333', kind: 'refund_only', kindText: '仅退款', amountFen: 990, pageDeadline: NOW + 20 * H + 5 * 60 * S });
    expect(read.cases[3]).toMatchObject({
      kind: 'refund_only',
      stage: 'closed',
      stageText: '商家同意退款，本单退款成功',
      amountFen: 3000,
      deadlineText: null,
      pageDeadline: null,
      autoAction: null,
      autoActionText: null,
    });
  });

  it('produces cases that pass the snapshot schema', () => {
    const snapshot = { platform: 'pdd', shop: 'default', url: 'https://mms.pinduoduo.com/aftersales/aftersale_list', capturedAt: NOW, pageKind: 'aftersale-list', ...read };
    expect(AfterSaleSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('watches the rows\' container', () => {
    const doc = fixtureDocument('pinduoduo', 'aftersale-list.html');
    expect(pddAftersaleRoots(doc)).toEqual([doc.querySelector('.after-sales-table_table_wrap__1xYz2')]);
  });
});

describe('readPddAfterSale over aftersale-detail.html', () => {
  it('reads the labelled pairs, the countdown sentence and ignores the navigation', () => {
    const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-detail.html'), NOW, 'aftersale-detail');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      {
        caseId: '23111111111111',
        orderId: '261120-111111111111111',
        kind: 'return_refund',
        kindText: '退货退款',
        stageText: '待商家处理',
        stage: 'seller_review',
        amountFen: 6500,
        appliedAt: shanghai('2026-11-22T10:00:00'),
        deadlineText: '1天23时59分',
        pageDeadline: NOW + D + 23 * H + 59 * 60 * S,
        autoAction: 'auto_refund',
        autoActionText: '超时未处理，系统将自动退款',
      },
    ]);
  });

  it('takes the case id from the page address when the label shows none', () => {
    const doc = fixtureDocument('pinduoduo', 'aftersale-detail.html');
    doc.querySelector('.detail-info > div > div:nth-child(2)')!.textContent = '—';
    Object.defineProperty(doc, 'URL', { value: 'https://mms.pinduoduo.com/aftersales-ssr/detail?id=23999999999999&orderSn=261120-111111111111111' });
    expect(readPddAfterSale(doc, NOW, 'aftersale-detail').cases[0]?.caseId).toBe('23999999999999');
  });
});

describe('readPddAfterSale on unusual pages', () => {
  it('treats an empty list as healthy', () => {
    const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-list-empty.html'), NOW, 'aftersale-list');
    expect(read).toEqual({ cases: [], health: HEALTHY });
  });

  it('names unknown kinds, statuses, amounts and countdowns, and still reads the case', () => {
    const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-list-unknown.html'), NOW, 'aftersale-list');
    expect(read.cases).toHaveLength(1);
    expect(read.cases[0]).toMatchObject({
      caseId: '23555555555555',
      kind: null,
      kindText: '以旧换新',
      stage: null,
      stageText: '待平台复核',
      amountFen: null,
      deadlineText: '稍后',
      pageDeadline: null,
      appliedAt: shanghai('2026-11-20T08:00:00'),
    });
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['case.amount', 'case.deadline', 'case.kind', 'case.orderId', 'case.stage'] });
  });

  it('still finds rows after a CSS-module hash rotation (prefix fallback)', () => {
    const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-list-rehashed.html'), NOW, 'aftersale-list');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toHaveLength(1);
    expect(read.cases[0]).toMatchObject({ caseId: '23111111111111', orderId: '261120-111111111111111', stage: 'seller_review', amountFen: 6500 });
  });

  it('reads rows by their 订单号 labels when the row class is gone (status found in its own cell)', () => {
    const read = readPddAfterSale(fixtureDocument('pinduoduo', 'aftersale-list-relabelled.html'), NOW, 'aftersale-list');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases.map((c) => [c.caseId, c.orderId, c.stage, c.stageText, c.kind])).toEqual([
      ['23111111111111', '261120-111111111111111', 'seller_review', '待商家处理', null],
      ['23222222222222', '261118-222222222222222', 'seller_confirm_receipt', '退货退款，待商家确认收货', 'return_refund'],
    ]);
    expect(read.cases[0]).toMatchObject({ pageDeadline: NOW + D + 2 * H + 3 * 60 * S + 30 * S, autoAction: 'auto_refund' });
  });

  it('reports the rows as missing when the list container is gone', () => {
    const doc = fixtureDocument('pinduoduo', 'aftersale-list.html');
    doc.querySelector('.after-sales-table_table_wrap__1xYz2')!.remove();
    expect(readPddAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: ['row'], unparsedFields: [] } });
  });

  it('reports the detail labels as missing when the info block is gone', () => {
    const doc = fixtureDocument('pinduoduo', 'aftersale-detail.html');
    doc.querySelector('.detail-info')!.remove();
    expect(readPddAfterSale(doc, NOW, 'aftersale-detail')).toEqual({ cases: [], health: { missingSelectors: ['labels.caseId'], unparsedFields: [] } });
  });

  it('never throws on an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readPddAfterSale(empty, NOW, 'aftersale-list').health.missingSelectors).toEqual(['row']);
    expect(readPddAfterSale(empty, NOW, 'aftersale-detail').health.missingSelectors).toEqual(['labels.caseId']);
  });

  it('reads a 2,000-row list', () => {
    const doc = fixtureDocument('pinduoduo', 'aftersale-list-empty.html');
    const wrap = doc.querySelector('.after-sales-table_table_wrap__1xYz2')!;
    wrap.innerHTML = Array.from({ length: 2000 }, (_, i) => {
      const id = String(30000000000000 + i);
      const order = `261124-${String(100000000000000 + i)}`;
      return `<div class="after-sales-table_order_item__3QqLW"><div><span>订单号：</span><span class="table-item-header_sn__2gbGk">${order}</span>` +
        `<span>售后编号：${id}</span><span class="table-item-header_status__2hJk9">${i % 2 ? '待商家处理' : '退款成功'}</span></div>` +
        `<div>退款金额：¥${i}.50</div>${i % 2 ? '<div>（<span class="timer">2天</span>未处理，系统将自动退款）</div>' : ''}</div>`;
    }).join('');
    const read = readPddAfterSale(doc, NOW, 'aftersale-list');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toHaveLength(2000);
    expect(read.cases.filter((c) => c.stage === 'seller_review' && c.pageDeadline === NOW + 2 * D)).toHaveLength(1000);
    expect(read.cases[1999]).toMatchObject({ caseId: '30000000001999', orderId: '261124-100000000001999', amountFen: 199_950 });
  });
});
