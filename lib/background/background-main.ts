/**
 * The service worker's start: builds the services, registers every listener synchronously (as MV3
 * requires for a worker woken by an event), keeps the refresh alarm, and runs the change loop — after
 * anything that can alter a verdict or a badge, the open Taobao/Tmall tabs are told. The browser and
 * the two messengers are passed in, so tests run it on WXT's fake browser.
 */
import type { ExtensionMessenger } from '@webext-core/messaging';
import type { Browser, browser as browserApi } from 'wxt/browser';
import { ActivityDatabase } from '../activity/activity-db';
import { logUnloggedReports } from '../evidence/evidence-log';
import { onceValid } from '../messaging/checked-message';
import { pageFrameSchema } from '../messaging/page-frame-schema';
import type { PageProtocolMap, PageRequest } from '../messaging/page-protocol';
import { checkPageRequest, isExtensionPage, InvalidPageRequestError } from '../messaging/page-schemas';
import { pageStatusSchema } from '../messaging/page-status-schema';
import type { ChangeScope, PageStatus, ProtocolMap } from '../messaging/protocol';
import { NoticeDatabase } from '../notices/notice-db';
import { TAOBAO_HOST_PATTERNS, taobaoPageUrl } from '../page/hosts';
import { isItemId } from '../page/item-id';
import { taobaoReportUrl } from '../page/taobao-report-url';
import { loadSettings, saveSettings, watchSettings, type Role, type Settings } from '../settings/settings';
import { uiLanguageOfCatalogue } from '../ui-language';
import { BackgroundService } from './background-service';
import { historyVerdictChanges } from './history-verdict-changes';
import { NoticeService } from './notice-service';
import { pageHandlers, type PageHandler } from './page-handlers';
import { PhotoQueue } from '../photos/photo-queue';
import { photoHashes } from '../photos/photo-hash';
import { PhotoStore } from '../photos/photo-store';
import { fetchPhotoPixels } from './photo-pixels';
import { PhotoService } from './photo-service';
import { RulePackService } from './rule-pack-service';
import { openListingForCapture } from './listing-page-tab';
import { showSiteTab } from './site-tab';
import { TabAnnouncer } from './tab-announcer';
import { toolbarBadge } from './toolbar-badge';

export const REPORT_MENU = 'report-listing';
export const REPORT_COMMAND = 'report-listing';
export const REFRESH_ALARM = 'refresh-subscriptions';
/** Subscriptions are refreshed four times a day; a notice list changes weekly at most. */
export const REFRESH_MINUTES = 6 * 60;
/** Reports from the badge may carry a screenshot once brand staff grant this in the options. */
const SCREENSHOT_PERMISSION = { origins: ['<all_urls>'] };
/** How long a report waits for the page to hide our badges and say where the listing is. */
const FRAME_TIMEOUT_MS = 500;

/** `answer`, or null once `ms` have passed without it. */
function withTimeout<T>(answer: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    answer.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

export interface BackgroundEnv {
  browser: typeof browserApi;
  content: Pick<ExtensionMessenger<ProtocolMap>, 'onMessage' | 'sendMessage'>;
  pages: Pick<ExtensionMessenger<PageProtocolMap>, 'onMessage' | 'sendMessage'>;
  fetch: typeof fetch;
}

/** Which settings change verdicts; the others change only how badges look. */
function settingsChangeScope(before: Settings, after: Settings): ChangeScope | null {
  if (before.sensitivity !== after.sensitivity || before.mutedBrands.join('\n') !== after.mutedBrands.join('\n')) return 'verdicts';
  if (before.role !== after.role || before.showLowMarks !== after.showLowMarks) return 'display';
  return null;
}

export function startBackground({ browser, content, pages, fetch }: BackgroundEnv) {
  let settings: Promise<Settings> = loadSettings();
  const packs = new RulePackService({ settings: () => settings, fetch: (url, init) => fetch(url, init), now: () => Date.now() });
  const announcer = new TabAnnouncer({
    // Tab URLs are visible for the hosts we have access to, which are exactly Taobao's and Tmall's.
    openTabs: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id !== undefined && taobaoPageUrl(tab.url) !== null ? [tab.id] : [])),
    send: (tabId, scope) => content.sendMessage('pageChanged', { scope }, tabId),
  });
  watchSettings((next) => {
    const before = settings;
    settings = Promise.resolve(next);
    void (async () => {
      const previous = await before;
      if (previous.role !== next.role) await updateReportMenu(next.role);
      const scope = settingsChangeScope(previous, next);
      if (scope === 'verdicts') await packs.reload();
      if (scope) await announcer.announce(scope);
    })();
  });

  const activity = new ActivityDatabase();
  const notices = new NoticeService({
    db: new NoticeDatabase(),
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    clock: () => performance.now(),
    // Only extension pages listen; when none is open the message has nowhere to go, which is fine.
    progress: (progress) => void pages.sendMessage('noticeImportProgress', progress).catch(() => undefined),
    historyChanges: async (before, after) =>
      historyVerdictChanges(activity, packs.rules, (await settings).sensitivity, (listing) => before.hitsFor(listing), (listing) => after.hitsFor(listing)),
  });

  // Reused photos: hashed after each batch is answered, at the queue's pace (photo-queue.ts).
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const photoStore = new PhotoStore(activity);
  const photos = new PhotoService({
    store: photoStore,
    queue: new PhotoQueue({ hashImage: async (url) => photoHashes(await fetchPhotoPixels(fetch, url)), now: () => Date.now(), wait }),
    activity,
    noticeHits: notices.hitsFor,
    now: () => Date.now(),
    wait,
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
    uiLanguage: () => uiLanguageOfCatalogue(browser.i18n.getMessage('uiLanguage')),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    // Bounded: a page that never answers (a frozen script) costs the report its crop, not the screenshot.
    frameListing: async (tabId, itemId) => onceValid(pageFrameSchema, await withTimeout(content.sendMessage('frameForCapture', { itemId }, tabId), FRAME_TIMEOUT_MS)),
    unframe: (tabId) => void content.sendMessage('captureTaken', undefined, tabId).catch(() => undefined),
    showTab: (url) => showSiteTab(browser, url),
    screenshotAllowed: () => browser.permissions.contains(SCREENSHOT_PERMISSION).catch(() => false),
    openForCapture: (url, itemId) =>
      openListingForCapture({ tabs: browser.tabs, askListing: (tabId) => content.sendMessage('currentListing', undefined, tabId), wait, now: () => Date.now() }, url, itemId),
    onAssessed: (listings) => photos.note(listings),
  });

  // The alarm survives the worker stopping. It is ensured at every start, because browsers may drop
  // alarms on restart, but never re-created when it exists (that would push the next refresh back).
  async function ensureRefreshAlarm(): Promise<void> {
    if (await browser.alarms.get(REFRESH_ALARM)) return;
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: REFRESH_MINUTES, periodInMinutes: REFRESH_MINUTES });
  }
  const alarmEnsured = ensureRefreshAlarm().catch(() => undefined);
  // A report a stopped worker left half made is finished now (reports.ts: written first, acted on after).
  // Reports a stopped worker left half-done are finished; any report without an evidence-log entry
  // (made before the log existed, or finished here) gets one, marked as logged late.
  void service
    .finishPendingReports()
    .then(() => logUnloggedReports(activity, Date.now()))
    .catch((error: unknown) => console.error('Counterfeit Radar: could not finish pending reports', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    void Promise.all([notices.refreshAll(), packs.refreshAll()]).then(() => announcer.announce('verdicts'));
  });

  // Content scripts (Taobao and Tmall pages; BackgroundService checks the sender).
  content.onMessage('assessListings', ({ data, sender }) => service.assess(data.listings, sender.url));
  content.onMessage('photoSignals', ({ data, sender }) => photos.summaryFor(service.checkedPageListing(data.listing, sender.url)));
  content.onMessage('trustListing', async ({ data, sender }) => {
    const answer = await service.trust(data.kind, data.listing, sender.url);
    // Other tabs may show the same item or shop.
    void announcer.announce('verdicts');
    return answer;
  });
  content.onMessage('untrustListing', async ({ data, sender }) => {
    await service.untrustListing(data.kind, data.listing, sender.url);
    void announcer.announce('verdicts');
  });
  content.onMessage('reportListing', async ({ data, sender }) => {
    const granted = await browser.permissions.contains(SCREENSHOT_PERMISSION).catch(() => false);
    const tab = sender.tab;
    const answer = await service.report(data, sender.url, granted && tab?.windowId !== undefined ? { windowId: tab.windowId, tabId: tab.id ?? null } : null);
    void announcer.announce('verdicts');
    return answer;
  });
  content.onMessage('pageStatus', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const status = onceValid(pageStatusSchema, data);
    return showToolbarBadge(tabId, status);
  });

  async function showToolbarBadge(tabId: number, status: PageStatus | null): Promise<void> {
    const badge = toolbarBadge(status);
    await browser.action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  }

  // Extension pages (popup, options): only from our own origin, each payload checked against its
  // schema before the handler sees it; a change is announced to the open tabs once it is done.
  const origin = browser.runtime.getURL('/');
  const handlers = pageHandlers({ activity, service, notices, packs, photos: photoStore, saveSettings, ensureRefreshAlarm });
  function listen<K extends PageRequest>(name: K, { handle, changes }: PageHandler<K>): void {
    pages.onMessage(name, async (message) => {
      if (!isExtensionPage(message.sender.url, origin)) throw new InvalidPageRequestError(`${name} is only taken from the extension's own pages`);
      const answer = await handle(checkPageRequest(name, message.data));
      if (changes) void announcer.announce(changes);
      return answer;
    });
  }
  for (const name of Object.keys(handlers) as PageRequest[]) listen(name, handlers[name] as PageHandler<typeof name>);

  // The menu says what it does for the user's role: a shopper reports to Taobao (the platform's one-item
  // report page); brand staff file a complaint with evidence for the IP protection platform.
  const reportMenuTitle = (role: Role) => browser.i18n.getMessage(role === 'brand-staff' ? 'menuReportListing' : 'menuReportToTaobao');
  async function updateReportMenu(role: Role): Promise<void> {
    await Promise.resolve(browser.contextMenus.update(REPORT_MENU, { title: reportMenuTitle(role) })).catch(() => undefined);
  }

  // The context menu and the shortcut grant activeTab, so these reports can carry a screenshot.
  async function reportFromTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
    if (tab?.id === undefined) return;
    const evidence = await content.sendMessage('listingForReport', undefined, tab.id);
    if (!evidence) return;
    if ((await settings).role !== 'brand-staff') {
      const itemId = String((evidence.listing as { itemId?: unknown }).itemId ?? '');
      if (isItemId(itemId)) await browser.tabs.create({ url: taobaoReportUrl(itemId) });
      return;
    }
    // The page copies the complaint while it still has focus, before the IPP tab opens.
    await service.report(evidence, tab.url, tab.windowId === undefined ? null : { windowId: tab.windowId, tabId: tab.id }, (answer) =>
      content.sendMessage('reportRecorded', { itemId: evidence.listing.itemId, complaint: answer.complaint }, tab.id),
    );
    void announcer.announce('verdicts');
  }

  browser.runtime.onInstalled.addListener(async () => {
    browser.contextMenus.create({
      id: REPORT_MENU,
      title: reportMenuTitle((await settings).role),
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

  return { service, packs, notices, activity, announcer, photos, ready: Promise.all([packs.ready, notices.ready, alarmEnsured]) };
}
