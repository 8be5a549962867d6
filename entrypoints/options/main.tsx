/** The options page: binds components/options to the browser. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/options/options.css';
import { OptionsApp } from '@/components/options/options-app';
import type { OptionsDeps } from '@/components/options/options-deps';
import type { OptionsMessageKey, OptionsTranslate } from '@/components/options/options-messages';
import { countingTranslate } from '@/components/shared/counting-translate';
import { saveFile } from '@/components/shared/save-file';
import { ActivityDatabase } from '@/lib/activity/activity-db';
import { onPageMessage, sendPageMessage, type NoticeImportProgress } from '@/lib/messaging/page-protocol';
import { NoticeDatabase } from '@/lib/notices/notice-db';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/settings';
import { uiLanguageOfCatalogue } from '@/lib/ui-language';

const SCREENSHOT_PERMISSION = { origins: ['<all_urls>'] };

const language = uiLanguageOfCatalogue(browser.i18n.getMessage('uiLanguage'));
const t: OptionsTranslate = countingTranslate<OptionsMessageKey>((key, substitutions) => browser.i18n.getMessage(key, substitutions), language);
document.documentElement.lang = language === 'zh_CN' ? 'zh-CN' : 'en';
document.title = t('optionsPageTitle');

// One listener per message type is allowed in a page, so progress goes out to subscribers from here.
const progressListeners = new Set<(progress: NoticeImportProgress) => void>();
onPageMessage('noticeImportProgress', ({ data }) => {
  for (const listener of progressListeners) listener(data);
});

const deps: OptionsDeps = {
  t,
  language,
  send: (type, ...data) => (sendPageMessage as (type: string, data: unknown) => Promise<never>)(type, data[0]),
  onImportProgress: (listener) => {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  },
  // Read-only here (the background writes): live query results are used as they are, not cloned.
  notices: new NoticeDatabase({ cache: 'immutable' }),
  activity: new ActivityDatabase({ cache: 'immutable' }),
  settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
  screenshotPermission: {
    contains: () => browser.permissions.contains(SCREENSHOT_PERMISSION),
    request: () => browser.permissions.request(SCREENSHOT_PERMISSION),
    remove: () => browser.permissions.remove(SCREENSHOT_PERMISSION),
  },
  // The site's origin only, under the optional <all_urls> grant; a refusal is not an error.
  requestSiteAccess: (url) => browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }).catch(() => false),
  copyText: (text) => navigator.clipboard.writeText(text),
  saveFile: (fileName, text) => saveFile(document, fileName, new Blob([text], { type: 'application/json' })),
  newImportId: () => crypto.randomUUID(),
  now: () => Date.now(),
};

const root = document.getElementById('app');
if (root) render(<OptionsApp deps={deps} />, root);
