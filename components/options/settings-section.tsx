import { useSignal, type Signal } from '@preact/signals';
import { PLATFORM_IDS } from '@/lib/domain/platform';
import type { FieldError, Settings } from '@/lib/settings/schema';
import { FieldMessage, readReply, Section, StatusLine, type OptionTexts, type SaveStatus, type Send } from './common';

const MINUTE = 60_000;

/** Platforms and shop names, alerts and off hours, the pre-send guard, retention: one settings value, saved together. */
export function SettingsSection({ settings, texts, send }: { settings: Signal<Settings>; texts: OptionTexts; send: Send }) {
  const { t } = texts;
  const draft = useSignal<Settings>(settings.value);
  const seen = useSignal<Settings>(settings.value);
  const dirty = useSignal(false);
  const errors = useSignal<FieldError[]>([]);
  const status = useSignal<SaveStatus>(null);
  // A value stored elsewhere (an import, another options tab) replaces the form unless it has unsaved edits.
  if (settings.value !== seen.value) {
    seen.value = settings.value;
    if (!dirty.value) draft.value = settings.value;
  }
  const edit = (change: (s: Settings) => Settings) => {
    dirty.value = true;
    draft.value = change(structuredClone(draft.value));
  };
  const s = draft.value;

  const save = async () => {
    const reply = readReply(await send({ type: 'settings/set', settings: draft.value }));
    errors.value = reply.ok ? [] : reply.fields;
    if (reply.ok) dirty.value = false;
    status.value = reply.ok ? { tone: 'ok', text: t('optSaved') } : { tone: 'error', text: t('optNotSaved', [reply.error]) };
  };

  return (
    <>
      <Section id="platforms" title={t('optPlatforms')}>
        <table>
          <tbody>
            {PLATFORM_IDS.map((id) => (
              <tr key={id}>
                <td>
                  <label>
                    <input type="checkbox" data-testid={`enabled-${id}`} checked={s.platforms[id].enabled} onChange={(e) => edit((x) => ((x.platforms[id].enabled = e.currentTarget.checked), x))} />
                    {t(`platform_${id}`)}
                  </label>
                </td>
                <td>
                  <label>
                    {t('optShopName')}
                    <input type="text" maxLength={64} placeholder={t('defaultShop')} value={s.platforms[id].shopName} onInput={(e) => edit((x) => ((x.platforms[id].shopName = e.currentTarget.value), x))} />
                  </label>
                  <FieldMessage errors={errors.value} path={`platforms.${id}.shopName`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="alerts" title={t('optAlerts')}>
        <label>
          <input type="checkbox" data-testid="off-hours-enabled" checked={s.offHours.enabled} onChange={(e) => edit((x) => ((x.offHours.enabled = e.currentTarget.checked), x))} />
          {t('optOffHours')}
        </label>
        <div class="row">
          <label>
            {t('optFrom')}
            <input type="text" data-testid="off-hours-from" value={s.offHours.from} onInput={(e) => edit((x) => ((x.offHours.from = e.currentTarget.value), x))} />
          </label>
          <FieldMessage errors={errors.value} path="offHours.from" />
          <label>
            {t('optTo')}
            <input type="text" data-testid="off-hours-to" value={s.offHours.to} onInput={(e) => edit((x) => ((x.offHours.to = e.currentTarget.value), x))} />
          </label>
          <FieldMessage errors={errors.value} path="offHours.to" />
          <label>
            {t('optUrgentWithin')}
            <input type="number" min={1} value={s.offHours.urgentWithinMs / MINUTE} onInput={(e) => edit((x) => ((x.offHours.urgentWithinMs = Number(e.currentTarget.value) * MINUTE), x))} />
          </label>
          <FieldMessage errors={errors.value} path="offHours.urgentWithinMs" />
        </div>
        <label>
          <input type="checkbox" checked={s.sound} onChange={(e) => edit((x) => ((x.sound = e.currentTarget.checked), x))} />
          {t('optSound')}
        </label>
        <label>
          <input type="checkbox" data-testid="pre-send-guard" checked={s.preSendGuard} onChange={(e) => edit((x) => ((x.preSendGuard = e.currentTarget.checked), x))} />
          {t('optPreSendGuard')}
        </label>
        <div class="row">
          <label>
            {t('optHandoverHours')}
            <input type="number" min={1} max={72} value={s.handoverHours} onInput={(e) => edit((x) => ((x.handoverHours = Number(e.currentTarget.value)), x))} />
          </label>
          <FieldMessage errors={errors.value} path="handoverHours" />
          <label>
            {t('optRetention')}
            <input type="number" min={1} max={365} data-testid="retention-days" value={s.retentionDays} onInput={(e) => edit((x) => ((x.retentionDays = Number(e.currentTarget.value)), x))} />
          </label>
          <FieldMessage errors={errors.value} path="retentionDays" />
        </div>
        <button type="button" data-testid="save-settings" onClick={() => void save().catch((e: unknown) => (status.value = { tone: 'error', text: String(e) }))}>
          {t('optSave')}
        </button>
        <StatusLine status={status.value} />
      </Section>
    </>
  );
}
