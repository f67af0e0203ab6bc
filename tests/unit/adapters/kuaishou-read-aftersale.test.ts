// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { kuaishouAfterSaleRoots, readKuaishouAfterSale } from '@/lib/adapters/kuaishou';
import { AfterSaleSnapshot } from '@/lib/domain/aftersale';
import { fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };
const detail = (name: string) => readKuaishouAfterSale(fixtureDocument('kuaishou', name), NOW, 'aftersale-detail');

describe('readKuaishouAfterSale on the refund detail', () => {
  it('reads the OLD label/value pairs, the current step and the countdown (aftersale-detail.html)', () => {
    const read = detail('aftersale-detail.html');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      {
        caseId: '2100000123456789',
        orderId: '2412230000123456',
        kind: 'refund_only',
        kindText: '仅退款',
        stageText: '待商家处理',
        stage: 'seller_review',
        amountFen: 5990,
        appliedAt: shanghai('2026-11-23T10:02:00'),
        deadlineText: '剩余1天23时59分',
        pageDeadline: shanghai('2026-11-26T10:00:30'),
        autoAction: 'auto_approve',
        autoActionText: '系统将自动同意退款申请',
      },
    ]);
    const snapshot = { platform: 'kuaishou', shop: 'default', url: 'https://s.kwaixiaodian.com/zone/refund/detail', capturedAt: NOW, pageKind: 'aftersale-detail', ...read };
    expect(AfterSaleSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('still reads the pairs after the hashes rotate, with a colon countdown (aftersale-detail-renamed.html)', () => {
    const read = detail('aftersale-detail-renamed.html');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      expect.objectContaining({
        caseId: '2100000999999999',
        orderId: '2412230000999999',
        kind: 'return_refund',
        stageText: '待买家退货',
        stage: 'buyer_return_shipment',
        amountFen: 12800,
        appliedAt: null,
        deadlineText: '剩余 9天 12:30:05',
        pageDeadline: shanghai('2026-12-03T22:31:35'),
        autoAction: 'auto_close',
      }),
    ]);
  });

  it('reads a case of unknown kind and status by its ids and names what it could not read', () => {
    const read = detail('aftersale-detail-unknown.html');
    expect(read.cases).toEqual([
      expect.objectContaining({ caseId: '2100000555555555', orderId: '2412230000555555', kind: null, kindText: '价保退款', stage: null, stageText: '风控审核中', amountFen: null, deadlineText: '请尽快处理', pageDeadline: null }),
    ]);
    expect(read.health).toEqual({ missingSelectors: [], unparsedFields: ['case.amount', 'case.deadline', 'case.kind', 'case.stage'] });
  });

  it('gives a finished case no deadline', () => {
    const doc = fixtureDocument('kuaishou', 'aftersale-detail.html');
    doc.querySelector('.ant-steps-item-process .ant-steps-item-title')!.textContent = '退款成功';
    const read = readKuaishouAfterSale(doc, NOW, 'aftersale-detail');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases[0]).toMatchObject({ stage: 'closed', stageText: '退款成功', deadlineText: null, pageDeadline: null, autoAction: null });
  });

  it('reads an overdue countdown as a deadline already past', () => {
    const doc = fixtureDocument('kuaishou', 'aftersale-detail.html');
    doc.querySelector('[class^="countdown__"]')!.textContent = '已超时 2小时';
    expect(readKuaishouAfterSale(doc, NOW, 'aftersale-detail').cases[0]).toMatchObject({ deadlineText: '已超时 2小时', pageDeadline: NOW - 2 * 3_600_000 });
  });

  it('names the observer root once the fields are mounted', () => {
    expect(kuaishouAfterSaleRoots(fixtureDocument('kuaishou', 'aftersale-detail.html')).map((r) => r.tagName)).toEqual(['MAIN']);
    expect(kuaishouAfterSaleRoots(new DOMParser().parseFromString('<html><body></body></html>', 'text/html'))).toEqual([]);
  });
});

describe('readKuaishouAfterSale reports each missing part by name', () => {
  it('the field block removed: caseFields', () => {
    const doc = fixtureDocument('kuaishou', 'aftersale-detail.html');
    doc.querySelector('[class^="infoGrid__"]')!.remove();
    expect(readKuaishouAfterSale(doc, NOW, 'aftersale-detail')).toEqual({ cases: [], health: { missingSelectors: ['caseFields'], unparsedFields: [] } });
  });

  it('the 售后单号 pair removed: the case id', () => {
    const doc = fixtureDocument('kuaishou', 'aftersale-detail.html');
    doc.querySelectorAll('[class^="item__"]')[1]!.remove();
    expect(readKuaishouAfterSale(doc, NOW, 'aftersale-detail')).toEqual({ cases: [], health: { missingSelectors: [], unparsedFields: ['case.caseId'] } });
  });

  it('the steps removed and no status label: the stage', () => {
    const doc = fixtureDocument('kuaishou', 'aftersale-detail.html');
    doc.querySelector('.ant-steps')!.remove();
    const read = readKuaishouAfterSale(doc, NOW, 'aftersale-detail');
    expect(read.health.unparsedFields).toEqual(['case.stage']);
    expect(read.cases[0]).toMatchObject({ stage: null, stageText: '', pageDeadline: shanghai('2026-11-26T10:00:30') });
  });

  it('the list page: no list is evidenced, and the report says so', () => {
    const read = readKuaishouAfterSale(fixtureDocument('kuaishou', 'aftersale-detail.html'), NOW, 'aftersale-list');
    expect(read).toEqual({ cases: [], health: { missingSelectors: ['aftersaleList'], unparsedFields: [] } });
  });

  it('an empty document', () => {
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(readKuaishouAfterSale(empty, NOW, 'aftersale-detail').health).toEqual({ missingSelectors: ['caseFields'], unparsedFields: [] });
  });
});
