/**
 * The service worker owns everything stateful: the rules in force, the activity database and the
 * notice database with its in-memory index. It only wires lib/background to the browser. Listeners
 * are registered synchronously at start, as MV3 requires for a worker woken by an event.
 */
import { browser, type Browser } from 'wxt/browser';
import { ActivityDatabase } from '@/lib/activity/activity-db';
import { untrust } from '@/lib/activity/trust';
import { parseBackup, restoreBackupInto } from '@/lib/backup/backup';
import { clearActivity, deleteHistory, deleteReports, setReportStatus } from '@/lib/background/activity-changes';
import { BackgroundService } from '@/lib/background/background-service';
import { NoticeService } from '@/lib/background/notice-service';
import { RulePackService } from '@/lib/background/rule-pack-service';
import { onPageMessage, pathProblemsFailure, sendPageMessage, type PageProtocolMap } from '@/lib/messaging/page-protocol';
import { checkPageRequest, isExtensionPage, InvalidPageRequestError, type CheckedPageRequest } from '@/lib/messaging/page-schemas';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { NoticeDatabase } from '@/lib/notices/notice-db';
import { TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { uiLanguageOf } from '@/lib/ui-language';

const REPORT_MENU = 'report-listing';
const REPORT_COMMAND = 'report-listing';
const REFRESH_ALARM = 'refresh-subscriptions';
/** Subscriptions are refreshed four times a day; a notice list changes weekly at most. */
const REFRESH_MINUTES = 6 * 60;
/** Reports from the badge may carry a screenshot once brand staff grant this in the options. */
const SCREENSHOT_PERMISSION = { origins: ['<all_urls>'] };

export default defineBackground(() => {
  let settings: Promise<Settings> = loadSettings();
  const packs = new RulePackService({ settings: () => settings, fetch: (url, init) => fetch(url, init), now: () => Date.now() });
  watchSettings((next) => {
    settings = Promise.resolve(next);
    void packs.reload();
  });

  const activity = new ActivityDatabase();
  const notices = new NoticeService({
    db: new NoticeDatabase(),
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    clock: () => performance.now(),
    // Only extension pages listen; when none is open the message has nowhere to go, which is fine.
    progress: (progress) => void sendPageMessage('noticeImportProgress', progress).catch(() => undefined),
  });

  const service = new BackgroundService({
    activity,
    rules: () => packs.rules,
    ready: async () => {
      await Promise.all([packs.ready, notices.ready]);
    },
    noticeHits: notices.hitsFor,
    settings: () => settings,
    now: () => Date.now(),
    uiLanguage: () => uiLanguageOf(browser.i18n.getUILanguage()),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
  });

  // Content scripts (Taobao and Tmall pages; BackgroundService checks the sender).
  onMessage('assessListings', ({ data, sender }) => service.assess(data.listings, sender.url));
  onMessage('trustListing', ({ data, sender }) => service.trust(data.kind, data.listing, sender.url));
  onMessage('reportListing', async ({ data, sender }) => {
    const granted = await browser.permissions.contains(SCREENSHOT_PERMISSION).catch(() => false);
    return service.report(data, sender.url, granted ? (sender.tab?.windowId ?? null) : null);
  });

  // Extension pages (popup, options): only from our own origin, each payload checked against its
  // schema (page-schemas.ts) before the handler sees it.
  const origin = browser.runtime.getURL('/');
  function fromPage<K extends keyof PageProtocolMap>(
    name: K,
    handle: (data: CheckedPageRequest<K>) => Promise<ReturnType<PageProtocolMap[K]>> | ReturnType<PageProtocolMap[K]>,
  ): void {
    onPageMessage(name, (message) => {
      if (!isExtensionPage(message.sender.url, origin)) throw new InvalidPageRequestError(`${name} is only taken from the extension's own pages`);
      return handle(checkPageRequest(name, message.data));
    });
  }
  // These change trusted or reported behind the service's back: it reloads them on the next batch.
  fromPage('untrust', async (data) => {
    await untrust(activity, data.key);
    service.marks.forget();
  });
  fromPage('trustHistoryItem', ({ itemId, kind }) => service.trustFromHistory(itemId, kind));
  fromPage('deleteHistory', async (data) => ({ deleted: await deleteHistory(activity, data.itemIds) }));
  fromPage('setReportStatus', async ({ ids, status }) => ({ updated: await setReportStatus(activity, ids, status) }));
  fromPage('deleteReports', async (data) => {
    const deleted = await deleteReports(activity, data.ids);
    service.marks.forget();
    return { deleted };
  });
  fromPage('clearData', async ({ kinds }) => {
    await clearActivity(activity, kinds);
    service.marks.forget();
    if (kinds.includes('settings')) await saveSettings(DEFAULT_SETTINGS);
  });
  fromPage('restoreBackup', async (data) => {
    const parsed = parseBackup(data.json);
    if (!parsed.ok) return pathProblemsFailure(`the backup has ${parsed.problems.length} problem(s); nothing was restored`, parsed.problems);
    const counts = await restoreBackupInto(activity, parsed.backup);
    service.marks.forget();
    await saveSettings(parsed.backup.settings);
    return { ok: true, counts };
  });
  fromPage('noticeFileChunk', ({ importId, index, base64 }) => {
    notices.receiveChunk(importId, index, base64);
  });
  fromPage('importNoticeFile', ({ importId, fileName, base64 }) => notices.importFile(importId, fileName, base64));
  fromPage('subscribeNoticeFeed', async ({ importId, url }) => {
    const answer = await notices.subscribe(importId, url);
    await scheduleRefresh();
    return answer;
  });
  fromPage('removeNoticeFeed', (data) => notices.remove(data.feedKey));
  fromPage('refreshNoticeFeeds', () => notices.refreshAll());
  fromPage('noticeStatus', async () => {
    await notices.ready;
    return notices.timings();
  });
  fromPage('measureNoticeLookup', async ({ listings, runs }) => {
    await notices.ready;
    return { timings: notices.timings(), lookup: notices.measureLookup(service.checkedListings(listings), runs) };
  });
  fromPage('importRulePack', ({ fileName, text }) => packs.importFile(fileName, text));
  fromPage('subscribeRulePack', (data) => packs.subscribe(data.url));
  fromPage('removeRulePack', (data) => packs.remove(data.id));
  fromPage('listRulePacks', () => packs.list());

  // The context menu and the shortcut grant activeTab, so these reports can carry a screenshot.
  async function reportFromTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
    if (tab?.id === undefined) return;
    const evidence = await sendMessage('listingForReport', undefined, tab.id);
    if (!evidence) return;
    // The page copies the complaint while it still has focus, before the IPP tab opens.
    await service.report(evidence, tab.url, tab.windowId ?? null, (answer) =>
      sendMessage('reportRecorded', { itemId: evidence.listing.itemId, complaint: answer.complaint }, tab.id),
    );
  }

  // The alarm survives the worker stopping; it is created once and kept (creating it again would
  // push the next refresh back every time the worker starts).
  async function scheduleRefresh(): Promise<void> {
    if (await browser.alarms.get(REFRESH_ALARM)) return;
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: REFRESH_MINUTES, periodInMinutes: REFRESH_MINUTES });
  }
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void notices.refreshAll();
    void packs.refreshAll();
  });

  browser.runtime.onInstalled.addListener(() => {
    void scheduleRefresh();
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
