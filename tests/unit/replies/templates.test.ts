import { describe, expect, it } from 'vitest';
import { checkMessage } from '@/lib/compliance';
import { canInsert, fillTemplate, formatFen } from '@/lib/replies/fill';
import { shippedTemplates } from '@/lib/replies/library';
import { ReplyTemplate, UserTemplates } from '@/lib/replies/schema';
import { searchTemplates } from '@/lib/replies/search';
import { SCENARIOS } from '@/lib/aftersale/checklist';

/** Realistic page context: what the readers give (order ids, amounts in fen) and what an agent types. */
const CONTEXT = {
  buyerNick: '李*四',
  orderId: '261120-111111111111111',
  amount: 6500,
  deadline: '明天18:00',
  returnWindow: '7天',
  product: '加绒卫衣',
  alternative: '同系列的灰色款',
  reason: '商品吊牌已拆且有明显穿着痕迹',
};

describe('shipped reply templates', () => {
  const templates = shippedTemplates();

  it('cover every scenario with at least two templates', () => {
    for (const scenario of SCENARIOS) expect(templates.filter((t) => t.scenario === scenario).length, scenario).toBeGreaterThanOrEqual(2);
  });

  for (const template of shippedTemplates())
    it(`${template.id} passes the compliance check on every platform it targets, filled and with fallbacks`, () => {
      for (const context of [CONTEXT, {}]) {
        const { text } = fillTemplate(template, context);
        for (const platform of template.platforms) {
          const findings = checkMessage(text, { platform });
          expect(findings.map((f) => `${f.category}/${f.severity}: ${text.slice(f.start, f.end)}`), `${platform}: ${text}`).toEqual([]);
        }
      }
    });
});

describe('filling templates', () => {
  const template = ReplyTemplate.parse({
    id: 'user.refund.amount',
    scenario: 'refund_progress',
    text: '{buyerNick}您的退款{amount}已处理，订单{orderId}。',
    gloss: '',
    variables: { buyerNick: { required: false, fallback: '亲' }, amount: { required: true }, orderId: { required: true } },
    platforms: ['pdd'],
  });

  it('fills from page context; amounts in fen show as yuan', () => {
    expect(fillTemplate(template, { buyerNick: '王*五', amount: 128050, orderId: '261118-2' })).toEqual({ text: '王*五您的退款¥1280.50已处理，订单261118-2。', missing: [] });
    expect(formatFen(990)).toBe('¥9.90');
  });

  it('a missing optional variable takes its fallback; a missing required one blocks insertion and stays visible', () => {
    const filled = fillTemplate(template, { orderId: '  ' });
    expect(filled).toEqual({ text: '亲您的退款{amount}已处理，订单{orderId}。', missing: ['amount', 'orderId'] });
    expect(canInsert(filled)).toBe(false);
    expect(canInsert(fillTemplate(template, { amount: 1, orderId: 'x' }))).toBe(true);
  });

  it('values are plain text: markup stays literal, control and bidi characters go, long values are cut', () => {
    const { text } = fillTemplate(template, { buyerNick: '<script>alert(1)</script>\u202e\u200b', amount: 1, orderId: 'x'.repeat(100) });
    expect(text.startsWith('<script>alert(1)</script>您的退款')).toBe(true);
    expect(text).not.toMatch(/[\u202e\u200b]/);
    expect(text).toContain(`订单${'x'.repeat(60)}。`);
  });

  it('rejects a template using an undeclared variable, and user templates must be prefixed user.', () => {
    expect(ReplyTemplate.safeParse({ ...template, text: '{secret}' }).success).toBe(false);
    expect(UserTemplates.safeParse([template]).success).toBe(true);
    expect(UserTemplates.safeParse([{ ...template, id: 'refund.amount' }]).success).toBe(false);
  });
});

describe('searching templates', () => {
  it('matches every word against id, scenario, text and gloss, ignoring width and case', () => {
    const all = shippedTemplates();
    expect(searchTemplates(all, '尺码').map((t) => t.scenario)).toContain('size_advice');
    expect(searchTemplates(all, 'REFUND 退款').every((t) => t.scenario === 'refund_progress' || /退款/.test(t.text))).toBe(true);
    expect(searchTemplates(all, '维修 上门').map((t) => t.id)).toEqual(['repair_timeline.visit']);
    expect(searchTemplates(all, '')).toHaveLength(all.length);
  });
});
