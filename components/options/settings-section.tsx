import type { ComponentChildren } from 'preact';
import { useSignal, type ReadonlySignal } from '@preact/signals';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import type { Settings } from '@/lib/settings/schema';
import { DurationInput, FieldProblems, fieldId, invalidProps, OtherProblems, readReply, Section, StatusLine, useDraft, type OptionTexts, type SaveStatus, type Send } from './common';
import { problemsFromFields, type Problem } from './problems';
import { sectionCandidate, sectionSlice, settingsToForm, URGENT_UNITS, type SettingsForm, type SettingsSectionId } from './settings-model';

interface SectionProps {
  settings: ReadonlySignal<Settings>;
  texts: OptionTexts;
  send: Send;
}

/**
 * One settings section's edit: its own draft over the stored value, saved on its 保存 button as one
 * whole settings value (stored value + this section's fields) after the same schema check the
 * background runs; field problems from either side are shown next to the field.
 */
function useSettingsSection(section: SettingsSectionId, { settings, texts, send }: SectionProps) {
  const { t } = texts;
  const stored = settings.value;
  const draft = useDraft(settingsToForm(stored), (a, b) => JSON.stringify(sectionSlice(a, section)) === JSON.stringify(sectionSlice(b, section)));
  const problems = useSignal<Problem[]>([]);
  const status = useSignal<SaveStatus>(null);
  const busy = useSignal(false);

  const edit = (change: (form: SettingsForm) => void) => {
    draft.edit(change);
    status.value = null;
  };
  const save = async () => {
    if (busy.peek()) return;
    const candidate = sectionCandidate(settings.peek(), draft.form, section);
    if (!candidate.ok) {
      problems.value = candidate.problems;
      status.value = { tone: 'error', text: t('optFixFields', [String(candidate.problems.length)]) };
      return;
    }
    busy.value = true;
    status.value = { tone: 'busy', text: t('optSaving') };
    try {
      const reply = readReply(await send({ type: 'settings/set', settings: candidate.settings }));
      if (reply.ok) {
        problems.value = [];
        draft.keep(settingsToForm(candidate.settings));
        status.value = { tone: 'ok', text: t('optSaved') };
      } else {
        problems.value = problemsFromFields(reply.fields);
        status.value = { tone: 'error', text: t('optNotSaved', [reply.error]) };
      }
    } catch (error) {
      status.value = { tone: 'error', text: t('optNotSaved', [String(error)]) };
    } finally {
      busy.value = false;
    }
  };
  return { form: draft.form, dirty: draft.dirty, problems: problems.value, status: status.value, busy: busy.value, edit, save };
}

type SectionState = ReturnType<typeof useSettingsSection>;

/** The section's fields in a form: Enter in a field or the 保存 button saves; the browser's own validation is off (ours names the field). */
function SectionForm({ section, state, texts, placed, children }: { section: SettingsSectionId; state: SectionState; texts: OptionTexts; placed: string[]; children: ComponentChildren }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void state.save();
      }}
    >
      {children}
      <OtherProblems problems={state.problems} placed={placed} texts={texts} />
      <div class="actions">
        <button type="submit" data-testid={`save-${section}`} disabled={state.busy}>
          {texts.t('optSave')}
        </button>
        <StatusLine status={state.status} dirty={state.dirty} texts={texts} testid={`status-${section}`} />
      </div>
    </form>
  );
}

/** 平台与店铺: which consoles are read, and how each console's shop is named in alerts and the popup. */
export function PlatformsSection(props: SectionProps) {
  const { texts } = props;
  const { t } = texts;
  const state = useSettingsSection('platforms', props);
  const scope = 'platforms';
  return (
    <Section id="platforms" title={t('optPlatforms')} intro={t('optPlatformsIntro')}>
      <SectionForm section="platforms" state={state} texts={texts} placed={PLATFORM_IDS.flatMap((id) => [`platforms.${id}.shopName`, `platforms.${id}.enabled`])}>
        <table class="platforms">
          <thead>
            <tr>
              <th scope="col">{t('optPlatform')}</th>
              <th scope="col">{t('optEnabled')}</th>
              <th scope="col">{t('optShopName')}</th>
            </tr>
          </thead>
          <tbody>
            {PLATFORM_IDS.map((id) => {
              const name = t(`platform_${id}`);
              const shopPath = `platforms.${id}.shopName`;
              return (
                <tr key={id}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      type="checkbox"
                      id={fieldId(scope, `platforms.${id}.enabled`)}
                      data-testid={`enabled-${id}`}
                      aria-label={t('optEnableFor', [name])}
                      checked={state.form.platforms[id].enabled}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        state.edit((f) => (f.platforms[id].enabled = checked));
                      }}
                    />
                    <FieldProblems problems={state.problems} scope={scope} path={`platforms.${id}.enabled`} texts={texts} />
                  </td>
                  <td>
                    <input
                      type="text"
                      id={fieldId(scope, shopPath)}
                      data-testid={`shop-${id}`}
                      aria-label={t('optShopNameFor', [name])}
                      placeholder={t('defaultShop')}
                      value={state.form.platforms[id].shopName}
                      {...invalidProps(state.problems, scope, shopPath)}
                      onInput={(e) => {
                        const value = e.currentTarget.value;
                        state.edit((f) => (f.platforms[id].shopName = value));
                      }}
                    />
                    <FieldProblems problems={state.problems} scope={scope} path={shopPath} texts={texts} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </SectionForm>
    </Section>
  );
}

/** 提醒与下班时间: holding non-urgent alerts in off hours, what counts as urgent, the sound, the handover look-ahead. */
export function AlertsSection(props: SectionProps) {
  const { texts } = props;
  const { t } = texts;
  const state = useSettingsSection('alerts', props);
  const scope = 'alerts';
  const f = state.form;
  const textField = (path: 'offHours.from' | 'offHours.to', label: string, testid: string) => (
    <div class="field">
      <label for={fieldId(scope, path)}>{label}</label>
      <input
        type="text"
        id={fieldId(scope, path)}
        data-testid={testid}
        inputMode="numeric"
        placeholder="HH:MM"
        size={6}
        value={path === 'offHours.from' ? f.offHours.from : f.offHours.to}
        {...invalidProps(state.problems, scope, path)}
        onInput={(e) => {
          const value = e.currentTarget.value;
          state.edit((x) => (path === 'offHours.from' ? (x.offHours.from = value) : (x.offHours.to = value)));
        }}
      />
      <FieldProblems problems={state.problems} scope={scope} path={path} texts={texts} />
    </div>
  );
  return (
    <Section id="alerts" title={t('optAlerts')} intro={t('optAlertsIntro')}>
      <SectionForm section="alerts" state={state} texts={texts} placed={['offHours.from', 'offHours.to', 'offHours.urgentWithinMs', 'handoverHours']}>
        <div class="field">
          <label>
            <input
              type="checkbox"
              data-testid="off-hours-enabled"
              checked={f.offHours.enabled}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                state.edit((x) => (x.offHours.enabled = checked));
              }}
            />
            {t('optOffHours')}
          </label>
        </div>
        <div class="row">
          {textField('offHours.from', t('optFrom'), 'off-hours-from')}
          {textField('offHours.to', t('optTo'), 'off-hours-to')}
        </div>
        <div class="field">
          <DurationInput
            id={fieldId(scope, 'offHours.urgentWithinMs')}
            label={t('optUrgentWithin')}
            field={f.offHours.urgentWithin}
            units={URGENT_UNITS}
            texts={texts}
            testid="urgent-within"
            invalid={invalidProps(state.problems, scope, 'offHours.urgentWithinMs')}
            onChange={(change) => state.edit((x) => (x.offHours.urgentWithin = { ...x.offHours.urgentWithin, ...change }))}
          />
          <FieldProblems problems={state.problems} scope={scope} path="offHours.urgentWithinMs" texts={texts} />
        </div>
        <div class="field">
          <label>
            <input
              type="checkbox"
              data-testid="sound"
              checked={f.sound}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                state.edit((x) => (x.sound = checked));
              }}
            />
            {t('optSound')}
          </label>
        </div>
        <div class="field">
          <label for={fieldId(scope, 'handoverHours')}>{t('optHandoverHours')}</label>
          <input
            type="number"
            id={fieldId(scope, 'handoverHours')}
            data-testid="handover-hours"
            min={1}
            max={72}
            step={1}
            value={f.handoverHours}
            {...invalidProps(state.problems, scope, 'handoverHours')}
            onInput={(e) => {
              const value = e.currentTarget.value;
              state.edit((x) => (x.handoverHours = value));
            }}
          />
          <FieldProblems problems={state.problems} scope={scope} path="handoverHours" texts={texts} />
        </div>
      </SectionForm>
    </Section>
  );
}

/** 发送前检查: ask before a draft with a blocking finding is sent (the content scripts follow it at once). */
export function GuardSection(props: SectionProps) {
  const { texts } = props;
  const { t } = texts;
  const state = useSettingsSection('guard', props);
  return (
    <Section id="guard" title={t('optGuard')} intro={t('optGuardIntro')}>
      <SectionForm section="guard" state={state} texts={texts} placed={[]}>
        <div class="field">
          <label>
            <input
              type="checkbox"
              data-testid="pre-send-guard"
              checked={state.form.preSendGuard}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                state.edit((x) => (x.preSendGuard = checked));
              }}
            />
            {t('optPreSendGuard')}
          </label>
        </div>
      </SectionForm>
    </Section>
  );
}

/** 数据保留: how long buyer data is kept (the background purges on start and every 6 h), then export/import below. */
export function RetentionSection(props: SectionProps & { children?: ComponentChildren }) {
  const { texts } = props;
  const { t } = texts;
  const state = useSettingsSection('retention', props);
  const scope = 'retention';
  return (
    <Section id="retention" title={t('optRetentionTitle')} intro={t('optRetentionIntro')}>
      <SectionForm section="retention" state={state} texts={texts} placed={['retentionDays']}>
        <div class="field">
          <label for={fieldId(scope, 'retentionDays')}>{t('optRetention')}</label>
          <input
            type="number"
            id={fieldId(scope, 'retentionDays')}
            data-testid="retention-days"
            min={1}
            max={365}
            step={1}
            value={state.form.retentionDays}
            {...invalidProps(state.problems, scope, 'retentionDays')}
            onInput={(e) => {
              const value = e.currentTarget.value;
              state.edit((x) => (x.retentionDays = value));
            }}
          />
          <FieldProblems problems={state.problems} scope={scope} path="retentionDays" texts={texts} />
        </div>
      </SectionForm>
      {props.children}
    </Section>
  );
}
