import { describe, expect, it } from 'vitest';
import { changedCategories, EMPTY_LEXICON, formToLexicon, lexiconCounts, lexiconToForm, termsOf } from '@/components/options/lexicon-model';
import { checkMessage } from '@/lib/compliance';

describe('shop lexicon form', () => {
  it('round-trips a stored lexicon', () => {
    const lexicon = { add: { contact_off_platform: ['私聊我', '小号'] }, remove: { absolute_claim: ['最好'] }, allow: { absolute_claim: ['最好的服务'] } };
    const form = lexiconToForm(lexicon);
    expect(form.add.contact_off_platform).toBe('私聊我\n小号');
    const back = formToLexicon(form);
    expect(back.ok && back.lexicon).toEqual(lexicon);
    expect(changedCategories(form)).toEqual(['contact_off_platform', 'absolute_claim']);
    expect(lexiconCounts(form, 'absolute_claim')).toEqual({ add: 0, remove: 1, allow: 1 });
  });

  it('one term per line, trimmed, blank lines dropped, each once; an emptied category disappears', () => {
    expect(termsOf(' 私聊我 \n\n小号\r\n私聊我\n')).toEqual(['私聊我', '小号']);
    const result = formToLexicon({ add: { contact_off_platform: '  \n ', abuse: '滚\n' }, remove: {}, allow: {} });
    expect(result.ok && result.lexicon).toEqual({ add: { abuse: ['滚'] }, remove: {}, allow: {} });
    expect(formToLexicon(lexiconToForm(EMPTY_LEXICON))).toMatchObject({ ok: true, lexicon: EMPTY_LEXICON });
  });

  it('a term over 50 characters is named with its list and category', () => {
    const long = '长'.repeat(51);
    const result = formToLexicon({ add: {}, remove: {}, allow: { tone: `好的\n${long}` } });
    expect(result).toEqual({ ok: false, problems: [{ path: 'allow.tone', kind: 'tooLong', bound: 50, item: long }] });
  });

  it('compiles what it validates, and the compiled lexicon is what the check then uses', () => {
    const result = formToLexicon({ add: { contact_off_platform: '私聊小号' }, remove: {}, allow: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(checkMessage('有事私聊小号', { platform: 'pdd' })).toEqual([]);
    expect(checkMessage('有事私聊小号', { platform: 'pdd', lexicon: result.compiled }).map((f) => f.category)).toEqual(['contact_off_platform']);
  });
});
