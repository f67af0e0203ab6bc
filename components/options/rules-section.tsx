import { useSignal, type ReadonlySignal } from '@preact/signals';
import { PLATFORM_IDS, type PlatformId } from '@/lib/domain/platform';
import { explainPack } from '@/lib/rules/explain';
import type { RuleOverrides } from '@/lib/rules/overrides';
import { loadRulePack } from '@/lib/rules/packs';
import type { StoredOverrides } from '@/lib/rules/provider';
import type { AnyRule, RulePack } from '@/lib/rules/schema';
import { DurationInput, FieldProblems, fieldId, invalidProps, OtherProblems, readReply, Section, StatusLine, useDraft, type OptionTexts, type SaveStatus, type Send } from './common';
import { ladderWords } from './durations';
import type { Problem } from './problems';
import { checkOverride, editableRules, effectivePack, formToPatch, overrideProblems, ruleToForm } from './rules-model';

/**
 * 规则（含提醒阶梯）: the rules each platform is tracked by, as this shop runs them (shipped pack +
 * overrides). Each live rule's time limit and warning ladder are edited in agent units and saved on
 * their own (one override per rule, all or nothing); the readable table below follows the overrides.
 */
export function RulesSection({ overrides, texts, send }: { overrides: ReadonlySignal<StoredOverrides>; texts: OptionTexts; send: Send }) {
  const { t } = texts;
  const platform = useSignal<PlatformId>('pdd');
  const shipped = loadRulePack(platform.value);
  const selector = (
    <div class="field">
      <label for="rules-platform">{t('optPlatform')}</label>
      <select id="rules-platform" data-testid="rules-platform" value={platform.value} onChange={(e) => (platform.value = e.currentTarget.value as PlatformId)}>
        {PLATFORM_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`platform_${id}`)}
          </option>
        ))}
      </select>
    </div>
  );
  if (!shipped.ok)
    return (
      <Section id="rules" title={t('optRules')}>
        {selector}
        <p class="status error">{shipped.error}</p>
      </Section>
    );
  const mine: RuleOverrides = overrides.value[platform.value] ?? {};
  const { pack, rejected } = effectivePack(shipped.pack, mine);
  return (
    <Section id="rules" title={t('optRules')} intro={t('optRulesIntro')}>
      {selector}
      {rejected.length > 0 && (
        <p class="warning" role="alert">
          {t('optOverridesIgnored', [rejected.join('; ')])}
        </p>
      )}
      <h3>{t('optLadders')}</h3>
      <p class="hint" id="ladder-hint">
        {t('optLadderHint')}
      </p>
      <div class="rule-editors">
        {editableRules(pack).map((rule) => (
          <RuleEditor
            key={`${platform.value}:${rule.id}`}
            platform={platform.value}
            shippedPack={shipped.pack}
            effective={rule}
            overrides={mine}
            texts={texts}
            send={send}
          />
        ))}
      </div>
      <RulesTable pack={pack} adjusted={Object.keys(mine)} texts={texts} />
    </Section>
  );
}

const PLACED = ['limit', 'remaining', 'ladder'];

function RuleEditor({ platform, shippedPack, effective, overrides, texts, send }: { platform: PlatformId; shippedPack: RulePack; effective: AnyRule; overrides: RuleOverrides; texts: OptionTexts; send: Send }) {
  const { t, locale } = texts;
  const shipped = [...shippedPack.replyRules, ...shippedPack.aftersaleRules].find((r) => r.id === effective.id) ?? effective;
  const override = overrides[effective.id];
  const scope = fieldId('rule', effective.id);
  const draft = useDraft(ruleToForm(effective));
  const problems = useSignal<Problem[]>([]);
  const status = useSignal<SaveStatus>(null);
  const busy = useSignal(false);
  const form = draft.form;

  const edit = (change: Parameters<typeof draft.edit>[0]) => {
    draft.edit(change);
    status.value = null;
  };
  const fail = (found: Problem[], text: string) => {
    problems.value = found;
    status.value = { tone: 'error', text };
  };
  const clear = async (text: string) => {
    const reply = readReply(await send({ type: 'settings/clear-rule-override', platform, ruleId: effective.id }));
    if (!reply.ok) return fail(overrideProblems(effective.id, reply.error), t('optNotSaved', [reply.error]));
    problems.value = [];
    draft.keep(ruleToForm(shipped));
    status.value = { tone: 'ok', text };
  };
  const save = async () => {
    const built = formToPatch(shipped, override, effective, form);
    if (!built.ok) return fail(built.problems, t('optFixFields', [String(built.problems.length)]));
    if (built.patch === null) {
      if (!override) {
        problems.value = [];
        status.value = { tone: 'ok', text: t('optUnchanged') };
        return;
      }
      return clear(t('optSaved'));
    }
    // The same check the background runs (lib/rules/overrides), before anything is sent.
    const local = checkOverride(shippedPack, overrides, effective.id, built.patch);
    if (local.length > 0) return fail(local, t('optFixFields', [String(local.length)]));
    const reply = readReply(await send({ type: 'settings/set-rule-override', platform, ruleId: effective.id, patch: built.patch }));
    if (!reply.ok) return fail(overrideProblems(effective.id, reply.error), t('optNotSaved', [reply.error]));
    const saved = effectivePack(shippedPack, { ...overrides, [effective.id]: built.patch }).pack;
    const rule = [...saved.replyRules, ...saved.aftersaleRules].find((r) => r.id === effective.id);
    problems.value = [];
    if (rule) draft.keep(ruleToForm(rule));
    status.value = { tone: 'ok', text: t('optSaved') };
  };
  const run = (job: () => Promise<void>) => {
    if (busy.peek()) return;
    busy.value = true;
    status.value = { tone: 'busy', text: t('optSaving') };
    job()
      .catch((error: unknown) => (status.value = { tone: 'error', text: t('optNotSaved', [String(error)]) }))
      .finally(() => (busy.value = false));
  };

  const label = effective.label[locale];
  return (
    <fieldset class="rule" data-testid="rule-editor" data-rule={effective.id}>
      <legend>
        {label}
        {override && <span class="badge">{t('optAdjusted')}</span>}
      </legend>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(save);
        }}
      >
        <div class="row">
          {form.limit.kind === 'duration' && (
            <div class="field">
              <DurationInput
                id={fieldId(scope, 'limit')}
                label={t('optLimit')}
                field={form.limit.field}
                texts={texts}
                testid="limit"
                invalid={invalidProps(problems.value, scope, 'limit')}
                onChange={(change) => edit((f) => f.limit.kind === 'duration' && (f.limit.field = { ...f.limit.field, ...change }))}
              />
              <FieldProblems problems={problems.value} scope={scope} path="limit" texts={texts} />
            </div>
          )}
          {form.limit.kind === 'days' && (
            <div class="field">
              <label for={fieldId(scope, 'limit')}>{t('optLimitDays')}</label>
              <input
                type="text"
                inputMode="numeric"
                size={4}
                id={fieldId(scope, 'limit')}
                data-testid="limit"
                value={form.limit.value}
                {...invalidProps(problems.value, scope, 'limit')}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  edit((f) => (f.limit = { kind: 'days', value }));
                }}
              />
              <FieldProblems problems={problems.value} scope={scope} path="limit" texts={texts} />
            </div>
          )}
          {form.limit.kind === 'fixed' && <p class="hint">{t('optLimitFixed')}</p>}
          {form.remaining && (
            <div class="field">
              <DurationInput
                id={fieldId(scope, 'remaining')}
                label={t('optRemaining')}
                field={form.remaining}
                texts={texts}
                testid="remaining"
                invalid={invalidProps(problems.value, scope, 'remaining')}
                onChange={(change) => edit((f) => f.remaining && (f.remaining = { ...f.remaining, ...change }))}
              />
              <FieldProblems problems={problems.value} scope={scope} path="remaining" texts={texts} />
            </div>
          )}
          <div class="field ladder">
            <label for={fieldId(scope, 'ladder')}>{t('optLadder')}</label>
            <input
              type="text"
              id={fieldId(scope, 'ladder')}
              data-testid="ladder"
              placeholder="24h, 4h, 1h, 15m"
              value={form.ladder}
              aria-describedby={problems.value.some((p) => p.path === 'ladder') ? `${fieldId(scope, 'ladder')}--error ladder-hint` : 'ladder-hint'}
              aria-invalid={problems.value.some((p) => p.path === 'ladder') || undefined}
              onInput={(e) => {
                const value = e.currentTarget.value;
                edit((f) => (f.ladder = value));
              }}
            />
            <FieldProblems problems={problems.value} scope={scope} path="ladder" texts={texts} />
          </div>
        </div>
        <OtherProblems problems={problems.value} placed={PLACED} texts={texts} />
        <div class="actions">
          <button type="submit" data-testid="save-rule" disabled={busy.value}>
            {t('optSave')}
          </button>
          {override && (
            <button type="button" data-testid="reset-rule" disabled={busy.value} onClick={() => run(() => clear(t('optReset')))}>
              {t('optResetButton')}
            </button>
          )}
          <StatusLine status={status.value} dirty={draft.dirty} texts={texts} testid="status-rule" />
        </div>
      </form>
    </fieldset>
  );
}

/** The pack as `npm run rules:explain` prints it, with each rule's warning ladder and the shop's adjustments marked. */
export function RulesTable({ pack, adjusted, texts }: { pack: RulePack; adjusted: readonly string[]; texts: OptionTexts }) {
  const { t, locale } = texts;
  const rules = new Map<string, AnyRule>([...pack.replyRules, ...pack.aftersaleRules].map((r) => [r.id, r]));
  return (
    <div class="table-wrap">
      <table class="explain" data-testid="rules-table">
        <caption>{t('optRulesTable', [t(`platform_${pack.platform}`)])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optRuleName')}</th>
            <th scope="col">{t('optRuleNumber')}</th>
            <th scope="col">{t('optRuleWindow')}</th>
            <th scope="col">{t('optRuleCounts')}</th>
            <th scope="col">{t('optRuleLadder')}</th>
            <th scope="col">{t('optRuleOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {explainPack(pack, locale).map((row) => {
            const rule = rules.get(row.id);
            return (
              <tr key={row.id} data-rule={row.id} class={adjusted.includes(row.id) ? 'adjusted' : undefined}>
                <th scope="row">
                  {row.label}
                  {adjusted.includes(row.id) && <span class="badge">{t('optAdjusted')}</span>}
                </th>
                <td>{row.number}</td>
                <td>{row.window}</td>
                <td>{row.counts}</td>
                <td data-testid="rule-ladder">{rule && rule.warnBeforeMs.length > 0 ? ladderWords(rule.warnBeforeMs, locale) : '—'}</td>
                <td>{row.outcome}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
