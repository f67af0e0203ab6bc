import type { AlarmPort, NotifierPort } from '@/lib/tracker/ports';

export const NEXT_WARNING_ALARM = 'kefu-guard-next-warning';

export const chromeAlarms: AlarmPort = {
  async arm(when) {
    // One named alarm: creating it again replaces the previous one.
    await browser.alarms.create(NEXT_WARNING_ALARM, { when: Math.max(when, Date.now() + 50) });
  },
  async disarm() {
    await browser.alarms.clear(NEXT_WARNING_ALARM);
  },
};

/** `sound`: the agent opted in to hearing warnings (options); silent otherwise. */
export const chromeNotifier = (sound: () => boolean): NotifierPort => ({
  async show(id, title, message) {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: 2,
      // Chrome only: Firefox has neither option (its notifications stay until dismissed and follow the system sound).
      ...(import.meta.env.FIREFOX ? {} : { requireInteraction: true, silent: !sound() }),
    });
  },
  async clear(id) {
    await browser.notifications.clear(id);
  },
  async badge(text, color, title) {
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color });
    await browser.action.setTitle({ title });
  },
});
