/**
 * The service worker owns everything stateful: the compiled rules, the activity database and (with
 * the notices issue) the notice index. It only wires BackgroundService to the browser. Listeners are
 * registered synchronously at start, as MV3 requires for a worker woken by an event.
 */
import { browser, type Browser } from 'wxt/browser';
import { ActivityDatabase } from '@/lib/activity/activity-db';
import { BackgroundService } from '@/lib/background/background-service';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';
import { BUILTIN_PACK, compileRules } from '@/lib/rules';
import { loadSettings, watchSettings, type Settings } from '@/lib/settings/settings';

const REPORT_MENU = 'report-listing';
const REPORT_COMMAND = 'report-listing';

export default defineBackground(() => {
  // Compiling the built-in pack takes a few milliseconds: cheaper than persisting it across restarts.
  const rules = compileRules([BUILTIN_PACK]);
  let settings: Promise<Settings> = loadSettings();
  watchSettings((next) => {
    settings = Promise.resolve(next);
  });

  const service = new BackgroundService({
    activity: new ActivityDatabase(),
    rules,
    noticeHits: () => [],
    settings: () => settings,
    now: () => Date.now(),
    uiLanguage: () => (browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en'),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
  });

  onMessage('assessListings', ({ data, sender }) => service.assess(data.listings, sender.url));
  onMessage('trustListing', ({ data, sender }) => service.trust(data.kind, data.listing, sender.url));
  onMessage('reportListing', ({ data, sender }) => service.report(data, sender.url, null));

  // The context menu and the shortcut grant activeTab, so these reports can carry a screenshot.
  async function reportFromTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
    if (tab?.id === undefined) return;
    const evidence = await sendMessage('listingForReport', undefined, tab.id);
    if (!evidence) return;
    const answer = await service.report(evidence, tab.url, tab.windowId ?? null);
    await sendMessage('reportRecorded', { itemId: evidence.listing.itemId, complaint: answer.complaint }, tab.id);
  }

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: REPORT_MENU,
      title: browser.i18n.getMessage('menuReportListing'),
      contexts: ['page', 'link', 'image'],
      documentUrlPatterns: [...TAOBAO_HOST_PATTERNS],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === REPORT_MENU) void reportFromTab(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === REPORT_COMMAND) void reportFromTab(tab);
  });
});
