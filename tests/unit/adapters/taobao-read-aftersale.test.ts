// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTaobaoAfterSale, taobaoAfterSaleRoots } from '@/lib/adapters/taobao';
import { AfterSaleSnapshot } from '@/lib/domain/aftersale';
import { fixture, fixtureDocument, shanghai } from '../helpers';

const NOW = shanghai('2026-11-24T10:01:30');
const HEALTHY = { missingSelectors: [], unparsedFields: [] };
const list = (name: string) => readTaobaoAfterSale(fixtureDocument('taobao', name), NOW, 'aftersale-list');

const PENDING_585 = {
  caseId: '199391870665303585',
  orderId: '3116348570228308535',
  kind: 'refund_only',
  kindText: '仅退款',
  stageText: '退款待处理',
  stage: 'seller_review',
  amountFen: 5990,
};

describe('readTaobaoAfterSale on the refund2 seller list (embedded disputeData)', () => {
  const read = list('aftersale-list.html');

  it('reads every case with ids, kinds, stages, amounts and page deadlines', () => {
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      {
        ...PENDING_585,
        appliedAt: shanghai('2026-11-23T09:30:00'),
        deadlineText: '剩余1天23时29分，超时将自动退款',
        pageDeadline: shanghai('2026-11-26T09:30:30'),
        autoAction: 'auto_refund',
        autoActionText: '超时将自动退款',
      },
      {
        caseId: '199391870665303586',
        orderId: '3108703107564928464',
        kind: 'return_refund',
        kindText: '退货退款',
        stageText: '待买家发货',
        stage: 'buyer_return_shipment',
        amountFen: 12800,
        appliedAt: shanghai('2026-11-20T16:00:00'),
        deadlineText: '剩余6天5时',
        pageDeadline: shanghai('2026-11-30T15:01:30'),
        autoAction: null,
        autoActionText: null,
      },
      {
        caseId: '199391870665303587',
        orderId: '1715025318535390464',
        kind: 'refund_only',
        kindText: '仅退款',
        stageText: '退款成功',
        stage: 'closed',
        amountFen: 990,
        appliedAt: shanghai('2026-11-18T08:00:00'),
        deadlineText: null,
        pageDeadline: null,
        autoAction: null,
        autoActionText: null,
      },
    ]);
  });

  it('produces cases that pass the message schema', () => {
    const snapshot = { platform: 'taobao', shop: 'default', url: 'https://refund2.taobao.com/dispute/sellerDisputeList.htm', capturedAt: NOW, pageKind: 'aftersale-list', ...read };
    expect(AfterSaleSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('treats an empty list as healthy', () => {
    expect(list('aftersale-list-empty.html')).toEqual({ cases: [], health: HEALTHY });
  });

  it('keeps the readable cases of unknown content and names the rest', () => {
    const unknown = list('aftersale-list-unknown.html');
    expect(unknown.cases).toEqual([
      expect.objectContaining({ caseId: '199391870665309999', orderId: '3095816438420127207', kind: null, kindText: '价保', stage: null, stageText: '退款中止', amountFen: null, appliedAt: null, deadlineText: '剩余 约2日', pageDeadline: null }),
      expect.objectContaining({ caseId: '199391870665308888', orderId: null, kind: 'return_refund', stage: 'seller_confirm_receipt', amountFen: 3500, appliedAt: shanghai('2026-11-22T12:00:00'), deadlineText: null }),
    ]);
    expect(unknown.health).toEqual({
      missingSelectors: [],
      unparsedFields: ['case.amount', 'case.appliedAt', 'case.caseId', 'case.deadline', 'case.kind', 'case.orderId', 'case.stage'],
    });
  });

  it('the embedded data removed: disputeData missing', () => {
    const doc = fixtureDocument('taobao', 'aftersale-list.html');
    for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: ['disputeData'], unparsedFields: [] } });
  });

  it('the embedded data cut short: disputeData unparsed', () => {
    const doc = new DOMParser().parseFromString(fixture('taobao', 'aftersale-list.html').replace(/"hierarchy".*;/, ''), 'text/html');
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: [], unparsedFields: ['disputeData'] } });
  });

  it('reads a 2,000-case list', () => {
    const data: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) {
      const id = `3000000000${String(i).padStart(8, '0')}`;
      data[`sellerGridHeaderContainer_${id}`] = { fields: { numbers: [{ title: '退款编号', value: id }, {}, { title: '订单编号', value: `4${id}` }] } };
      data[`disputeBody_${id}`] = {
        bizName: 'disputeBody',
        id: `${id}@disputeBody`,
        fields: { options: ['仅退款', '￥1.00', '2026-11-23 09:30:00', '', i % 2 ? '剩余2天' : '', '', '退款待处理'].map((name) => ({ title: { name } })) },
      };
    }
    const doc = new DOMParser().parseFromString(`<html><head><script>var disputeData = ${JSON.stringify({ data })};</script></head><body></body></html>`, 'text/html');
    const big = readTaobaoAfterSale(doc, NOW, 'aftersale-list');
    expect(big.health).toEqual(HEALTHY);
    expect(big.cases).toHaveLength(2000);
    expect(big.cases.filter((c) => c.pageDeadline === NOW + 2 * 86_400_000)).toHaveLength(1000);
    expect(big.cases[1999]).toMatchObject({ caseId: '300000000000001999', orderId: '4300000000000001999', stage: 'seller_review' });
  });

  it('names the rendered rows as the observer root', () => {
    expect(taobaoAfterSaleRoots(fixtureDocument('taobao', 'aftersale-list.html')).map((r) => r.className)).toEqual(['disputelist-sellerGrid']);
  });
});

describe('readTaobaoAfterSale on the 新版千牛 refund list (Fusion table)', () => {
  const expected = [
    expect.objectContaining({ ...PENDING_585, appliedAt: null, deadlineText: '剩余1天23时29分', pageDeadline: shanghai('2026-11-26T09:30:30'), autoAction: 'auto_refund', autoActionText: '超时将自动退款' }),
    expect.objectContaining({ caseId: '199391870665303589', orderId: '3107320382564310040', kind: 'exchange', stageText: '待卖家发货', stage: 'seller_ship_replacement', amountFen: 0, pageDeadline: shanghai('2026-11-27T10:01:30') }),
    expect.objectContaining({ caseId: '199391870665303590', orderId: '1759785853235178099', kind: 'return_refund', stage: 'closed', amountFen: 7550, deadlineText: null, pageDeadline: null }),
  ];

  it('reads the rows by their 订单号/退款编号 texts', () => {
    const read = list('aftersale-list-qianniu.html');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual(expected);
  });

  it('still reads them under a custom Fusion class prefix', () => {
    const read = list('aftersale-list-qianniu-renamed.html');
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual(expected);
  });

  it('goes by the URL when it has one: on refund2 only the embedded data counts', () => {
    const doc = fixtureDocument('taobao', 'aftersale-list-qianniu.html');
    Object.defineProperty(doc, 'URL', { value: 'https://refund2.taobao.com/dispute/sellerDisputeList.htm?type=1' });
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list').health).toEqual({ missingSelectors: ['disputeData'], unparsedFields: [] });
  });

  it('the table body removed: refundTable missing', () => {
    const doc = fixtureDocument('taobao', 'aftersale-list-qianniu.html');
    doc.querySelector('.next-table-body')!.remove();
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: { missingSelectors: ['refundTable'], unparsedFields: [] } });
  });

  it('an empty table is healthy; a row without 退款编号 is named', () => {
    const doc = fixtureDocument('taobao', 'aftersale-list-qianniu.html');
    const tbody = doc.querySelector('.next-table-body tbody')!;
    tbody.innerHTML = '';
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list')).toEqual({ cases: [], health: HEALTHY });
    tbody.innerHTML = '<tr class="next-table-row"><td class="next-table-cell">订单号：3116348570228308535</td></tr>';
    expect(readTaobaoAfterSale(doc, NOW, 'aftersale-list').health).toEqual({ missingSelectors: [], unparsedFields: ['case.caseId'] });
  });
});

describe('readTaobaoAfterSale on the refund2 detail', () => {
  const detail = (doc: Document) => readTaobaoAfterSale(doc, NOW, 'aftersale-detail');

  it('reads the label texts and the status panel', () => {
    const read = detail(fixtureDocument('taobao', 'aftersale-detail.html'));
    expect(read.health).toEqual(HEALTHY);
    expect(read.cases).toEqual([
      {
        ...PENDING_585,
        stageText: '请处理退款申请',
        appliedAt: shanghai('2026-11-23T09:30:00'),
        deadlineText: '还剩 1天23时59分',
        pageDeadline: shanghai('2026-11-26T10:00:30'),
        autoAction: 'auto_refund',
        autoActionText: '系统将自动退款给买家',
      },
    ]);
  });

  it('the status panel removed: statusPanel missing and the stage unknown', () => {
    const doc = fixtureDocument('taobao', 'aftersale-detail.html');
    doc.querySelector('.dispute-status-panel')!.remove();
    const read = detail(doc);
    expect(read.health).toEqual({ missingSelectors: ['statusPanel'], unparsedFields: ['case.stage'] });
    expect(read.cases[0]).toMatchObject({ caseId: PENDING_585.caseId, stage: null, pageDeadline: null });
  });

  it('the fields removed: caseFields missing; the case id still comes from the documented URL', () => {
    const doc = fixtureDocument('taobao', 'aftersale-detail.html');
    doc.querySelector('.dispute-info')!.remove();
    expect(detail(doc)).toEqual({ cases: [], health: { missingSelectors: ['caseFields'], unparsedFields: [] } });
    Object.defineProperty(doc, 'URL', { value: 'https://refund2.taobao.com/dispute/detail.htm?disputeId=199391870665303585' });
    const read = detail(doc);
    expect(read.cases).toEqual([expect.objectContaining({ caseId: '199391870665303585', orderId: null, stage: 'seller_review', amountFen: null })]);
    expect(read.health).toEqual({ missingSelectors: ['caseFields'], unparsedFields: ['case.amount', 'case.kind', 'case.orderId'] });
  });

  it('a finished case has no deadline; an unknown status is named', () => {
    const doc = fixtureDocument('taobao', 'aftersale-detail.html');
    const title = doc.querySelector('.status-title')!;
    title.textContent = '退款成功';
    expect(detail(doc).cases[0]).toMatchObject({ stage: 'closed', deadlineText: null, pageDeadline: null });
    title.textContent = '协商中';
    doc.querySelector('.status-countdown')!.remove();
    expect(detail(doc).health).toEqual({ missingSelectors: [], unparsedFields: ['case.stage'] });
  });
});
