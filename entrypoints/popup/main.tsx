/**
 * The toolbar popup: wires PopupApp (components/popup) to the browser. It reads the activity database
 * itself and sends every change to the background through the page protocol.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';
import type { PopupDeps } from '@/components/popup/popup-deps';
import type { PopupMessageKey } from '@/components/popup/popup-messages';
import '@/components/popup/popup.css';
import { saveFile } from '@/components/shared/save-file';
import { ActivityDatabase } from '@/lib/activity/activity-db';
import { sendPageMessage } from '@/lib/messaging/page-protocol';
import { sendMessage } from '@/lib/messaging/protocol';
import { builtinBrandNames } from '@/lib/rules';
import { loadSettings } from '@/lib/settings/settings';
import { uiLanguageOf } from '@/lib/ui-language';

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

async function currentListing() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  // Throws when the tab has no content script (not Taobao, or loaded before the extension).
  return sendMessage('currentListing', undefined, tab.id);
}

async function start(): Promise<void> {
  const uiLanguage = uiLanguageOf(browser.i18n.getUILanguage());
  const t = (key: PopupMessageKey, substitutions?: string[]) => browser.i18n.getMessage(key as never, substitutions);
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
