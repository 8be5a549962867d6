/**
 * The toolbar popup: wires PopupApp (components/popup) to the browser. It reads the activity database
 * itself and sends every change to the background through the page protocol.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';
import type { ActivePage, PopupDeps } from '@/components/popup/popup-deps';
import type { PopupMessageKey } from '@/components/popup/popup-messages';
import { countingTranslate } from '@/components/shared/counting-translate';
import '@/components/popup/popup.css';
import { saveFile } from '@/components/shared/save-file';
import { ActivityDatabase } from '@/lib/activity/activity-db';
import { sendPageMessage } from '@/lib/messaging/page-protocol';
import { sendMessage } from '@/lib/messaging/protocol';
import { builtinBrandNames } from '@/lib/rules';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings/settings';
import { uiLanguageOfCatalogue } from '@/lib/ui-language';

/** Brand id → [English name, Chinese name], from the built-in packs. */
function builtinNames(): Map<string, string[]> {
  return new Map([...builtinBrandNames()].map(([id, names]) => [id, [names.en, names.zh_CN]]));
}

/** The built-in names plus imported packs', when the background answers (it may not, or slowly). */
async function allBrandNames(): Promise<Map<string, string[]> | null> {
  try {
    const names = builtinNames();
    for (const brand of (await sendPageMessage('listRulePacks', undefined)).brands) names.set(brand.id, [brand.name.en, brand.name.zh_CN]);
    return names;
  } catch {
    return null;
  }
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// Each throws when the tab has no content script (not Taobao, or loaded before the extension).
async function currentListing() {
  const tabId = await activeTabId();
  return tabId === null ? null : sendMessage('currentListing', undefined, tabId);
}

const activePage: ActivePage = {
  summary: async () => {
    const tabId = await activeTabId();
    return tabId === null ? null : sendMessage('pageSummary', undefined, tabId);
  },
  reveal: async (itemId) => {
    const tabId = await activeTabId();
    return tabId !== null && sendMessage('revealListing', { itemId }, tabId);
  },
  layoutSnapshot: async () => {
    const tabId = await activeTabId();
    if (tabId === null) throw new Error('no active tab');
    return sendMessage('layoutSnapshot', undefined, tabId);
  },
  // Settings are the user's own choice, saved where the options page saves them; each tab watches them.
  setPaused: async (site, paused) => {
    const { pausedSites } = await loadSettings();
    const others = pausedSites.filter((s) => s !== site);
    await saveSettings({ pausedSites: (paused ? [...others, site] : others) as Settings['pausedSites'] });
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
};

async function start(): Promise<void> {
  const uiLanguage = uiLanguageOfCatalogue(browser.i18n.getMessage('uiLanguage'));
  const t = countingTranslate<PopupMessageKey>((key, substitutions) => browser.i18n.getMessage(key as never, substitutions), uiLanguage);
  document.documentElement.lang = uiLanguage === 'zh_CN' ? 'zh-CN' : 'en';
  document.title = t('popupTitle');
  const settings = await loadSettings();
  const root = document.getElementById('app');
  if (!root) return;
  const deps: PopupDeps = {
    // Read-only here: results are used as they are, not deep-cloned per live query (with 10,000
    // history records the default 'cloned' cache cost about a second).
    db: new ActivityDatabase({ cache: 'immutable' }),
    send: (type, data) => sendPageMessage(type, data as never) as never,
    t,
    uiLanguage,
    role: settings.role,
    brandNames: builtinNames(),
    currentListing,
    page: activePage,
    copyText: (text) => navigator.clipboard.writeText(text),
    saveFile: (name, data) => saveFile(document, name, data),
    now: () => Date.now(),
  };
  // The popup shows at once; imported packs' brand names join the search when the background answers.
  render(<PopupApp deps={deps} />, root);
  const names = await allBrandNames();
  if (names) render(<PopupApp deps={{ ...deps, brandNames: names }} />, root);
}

void start();
