import { useSignal, type Signal } from '@preact/signals';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { explainPack } from '@/lib/rules/explain';
import { applyOverrides, type RuleOverrides } from '@/lib/rules/overrides';
import { loadRulePack } from '@/lib/rules/packs';
import { formatLadder, parseLadder } from '@/lib/settings/ladder';
import { readReply, Section, StatusLine, type OptionTexts, type SaveStatus, type Send } from './common';

/**
 * The rules each platform is tracked by, as the shop runs them (shipped pack + overrides), with
 * each warning ladder editable and the readable rules table (`npm run rules:explain`).
 */
export function RulesSection({ overrides, texts, send }: { overrides: Signal<Partial<Record<PlatformId, RuleOverrides>>>; texts: OptionTexts; send: Send }) {
  const { t, locale } = texts;
  const platform = useSignal<PlatformId>('pdd');
  const drafts = useSignal<Record<string, string>>({});
  const status = useSignal<SaveStatus>(null);
  const base = loadRulePack(platform.value);
  if (!base.ok) return <Section id="rules" title={t('optRules')}><p class="status error">{base.error}</p></Section>;
  const { pack, rejected } = applyOverrides(base.pack, overrides.value[platform.value] ?? {});
  const ladders = [...pack.replyRules.filter((r) => r.tracked && r.measure === 'deadline'), ...pack.aftersaleRules.filter((r) => r.actor === 'seller')];

  const saveLadder = async (ruleId: string) => {
    const parsed = parseLadder(drafts.value[ruleId] ?? '');
    if (!parsed.ok) {
      status.value = { tone: 'error', text: `${ruleId}: ${parsed.error}` };
      return;
    }
    const reply = readReply(await send({ type: 'settings/set-rule-override', platform: platform.value, ruleId, patch: { warnBeforeMs: parsed.ms } }));
    status.value = reply.ok ? { tone: 'ok', text: t('optSaved') } : { tone: 'error', text: t('optNotSaved', [reply.error]) };
  };
  const reset = async (ruleId: string) => {
    const reply = readReply(await send({ type: 'settings/clear-rule-override', platform: platform.value, ruleId }));
    status.value = reply.ok ? { tone: 'ok', text: t('optReset') } : { tone: 'error', text: reply.error };
  };

  return (
    <Section id="rules" title={t('optRules')}>
      <label>
        {t('filterPlatform')}
        <select data-testid="rules-platform" value={platform.value} onChange={(e) => (platform.value = e.currentTarget.value as PlatformId)}>
          {PLATFORM_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`platform_${id}`)}
            </option>
          ))}
        </select>
      </label>
      {rejected.length > 0 && <p class="status error">{t('optOverridesIgnored', [rejected.join('; ')])}</p>}
      <h3>{t('optLadders')}</h3>
      <table class="ladders">
        <tbody>
          {ladders.map((rule) => (
            <tr key={rule.id} data-testid="ladder-row" data-rule={rule.id}>
              <td>{rule.label[locale]}</td>
              <td>
                <input
                  type="text"
                  aria-label={t('optLadderFor', [rule.label[locale]])}
                  value={drafts.value[rule.id] ?? formatLadder(rule.warnBeforeMs)}
                  onInput={(e) => (drafts.value = { ...drafts.value, [rule.id]: e.currentTarget.value })}
                />
              </td>
              <td>
                <button type="button" onClick={() => void saveLadder(rule.id)}>
                  {t('optSave')}
                </button>
                {overrides.value[platform.value]?.[rule.id] && (
                  <button type="button" onClick={() => void reset(rule.id)}>
                    {t('optResetButton')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusLine status={status.value} />
      <h3>{t('optRulesTable')}</h3>
      <table class="explain" data-testid="rules-table">
        <thead>
          <tr>
            <th>{t('optRuleName')}</th>
            <th>{t('optRuleNumber')}</th>
            <th>{t('optRuleWindow')}</th>
            <th>{t('optRuleOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {explainPack(pack, locale).map((row) => (
            <tr key={row.id} data-rule={row.id}>
              <td>{row.label}</td>
              <td>{row.number}</td>
              <td>{row.window}</td>
              <td>{row.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
