import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Minimal permissions: alarms (the one deadline wake-up), notifications (warnings), storage (the
// pre-send guard setting, read by content scripts; the side panel's case), sidePanel (the case
// checklist; WXT adds it for the sidepanel entrypoint). No host permissions: content scripts inject by
// their match patterns and nothing is ever fetched.
export default defineConfig({
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['alarms', 'notifications', 'storage'],
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    // Firefox (MV3) needs an add-on id, and asks extensions to declare that they collect no data.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'kefu-guard@kefu-guard.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  // No modulepreload polyfill: it fetch()es chunks, and extension pages allow no connections at all.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
});
