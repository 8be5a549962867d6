import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { TAOBAO_HOST_PATTERNS } from './lib/page/hosts';
import { IPP_HOST_PATTERN } from './lib/page/ipp-url';
import { PHOTO_CDN_MATCHES } from './lib/photos/photo-url';

// The manifest is generated: WXT writes one for Chrome MV3 and one for Firefox (MV2 by default in WXT
// 0.20; we ask for MV3 on both so the two builds share one permission model).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    // prefresh (HMR) and the devtools bridge are for `wxt dev` only; the store build stays lean.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Only Taobao's and Tmall's hosts: the content script needs nothing else, and no <all_urls>. And
    // their image CDNs, which the pages already load: the background downloads a listing's main photo
    // from there to hash it (reused photos, lib/photos); it fetches nothing else. And the IP protection
    // platform, only so that its open tab's URL is visible and a report reuses that tab
    // (lib/background/site-tab.ts): nothing is injected there or fetched from it.
    host_permissions: [...TAOBAO_HOST_PATTERNS, ...PHOTO_CDN_MATCHES, IPP_HOST_PATTERN],
    // storage: settings; contextMenus + activeTab: a report from the context menu or the shortcut may
    // take a screenshot (captureVisibleTab needs activeTab or <all_urls>, and we want no <all_urls>).
    // alarms: notice-feed subscriptions refresh on a schedule that survives the worker stopping.
    permissions: ['storage', 'contextMenus', 'activeTab', 'alarms'],
    // Granted once by brand staff in the options page, so a report from the badge can carry a
    // screenshot too (captureVisibleTab without activeTab needs it). Never asked for by default.
    optional_host_permissions: ['<all_urls>'],
    commands: {
      'report-listing': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandReportListing__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterfeit-radar@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
