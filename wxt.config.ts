import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Minimal permissions: alarms (the one deadline wake-up) and notifications (warnings).
// Host access only for the consoles we read; no other origin is ever contacted.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['alarms', 'notifications'],
    host_permissions: ['https://mms.pinduoduo.com/*'],
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
