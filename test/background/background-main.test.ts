import 'fake-indexeddb/auto';
import type { ExtensionMessenger } from '@webext-core/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { REFRESH_ALARM, REFRESH_MINUTES, REPORT_MENU, startBackground } from '../../lib/background/background-main';
import { IPP_URL } from '../../lib/page/ipp-url';
import type { Listing } from '../../lib/listing';
import type { PageProtocolMap } from '../../lib/messaging/page-protocol';
import type { ProtocolMap } from '../../lib/messaging/protocol';
import { saveSettings } from '../../lib/settings/settings';

/** A messenger that keeps its listeners and records what is sent to tabs. */
class FakeMessenger<Map extends object> {
  readonly listeners = new Map<string, (message: { data: unknown; sender: unknown }) => unknown>();
  readonly sent: { name: string; data: unknown; tabId: unknown }[] = [];
  /** What a tab answers, by message name. */
  readonly replies = new Map<string, unknown>();

  readonly onMessage = (name: string, listener: (message: { data: unknown; sender: unknown }) => unknown) => {
    this.listeners.set(name, listener);
    return () => this.listeners.delete(name);
  };

  readonly sendMessage = async (name: string, data?: unknown, tabId?: unknown) => {
    this.sent.push({ name, data, tabId });
    return this.replies.get(name);
  };

  /** Delivers a message as the browser would, from `sender`. */
  async deliver(name: keyof Map & string, data: unknown, sender: unknown): Promise<unknown> {
    const listener = this.listeners.get(name);
    if (!listener) throw new Error(`no listener for ${name}`);
    return listener({ data, sender });
  }
}

const EXTENSION_PAGE = { url: 'chrome-extension://test-id/popup.html' };
const TAOBAO_TAB = { url: 'https://s.taobao.com/search?q=gucci', tab: { id: 1, windowId: 1 } };

function listing(n: number): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: '古驰 GG 马衔扣 女包 原单 1:1 超A货',
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: '莆田精品店', id: '55501', platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

let content = new FakeMessenger<ProtocolMap>();
let pages = new FakeMessenger<PageProtocolMap>();
let menus: { id?: string | number; title?: string }[];
let menuClicked: ((info: { menuItemId: string }, tab: unknown) => void) | null;

function start() {
  return startBackground({
    browser: fakeBrowser as never,
    content: content as unknown as ExtensionMessenger<ProtocolMap>,
    pages: pages as unknown as ExtensionMessenger<PageProtocolMap>,
    fetch: async () => new Response('', { status: 404 }),
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const changesSent = () => content.sent.filter((m) => m.name === 'pageChanged');

beforeEach(async () => {
  fakeBrowser.reset();
  content = new FakeMessenger<ProtocolMap>();
  pages = new FakeMessenger<PageProtocolMap>();
  menus = [];
  const stubs = fakeBrowser as unknown as Record<string, unknown>;
  menuClicked = null;
  stubs.contextMenus = {
    create: (menu: { id?: string; title?: string }) => menus.push(menu),
    update: (id: string, change: { title?: string }) => {
      const menu = menus.find((m) => m.id === id);
      if (menu) Object.assign(menu, change);
    },
    onClicked: { addListener: (listener: typeof menuClicked) => (menuClicked = listener) },
  };
  stubs.commands = { onCommand: { addListener: () => undefined } };
  stubs.i18n = { getUILanguage: () => 'en-US', getMessage: (name: string) => name };
  stubs.permissions = { contains: async () => false };
  await fakeBrowser.tabs.create({ url: 'https://s.taobao.com/search?q=gucci' });
  await fakeBrowser.tabs.create({ url: 'https://example.com/' });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('background main', () => {
  it('creates the refresh alarm at start, and does not push an existing one back', async () => {
    await start().ready;
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.periodInMinutes).toBe(REFRESH_MINUTES);

    const first = alarm?.scheduledTime;
    await start().ready;
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(first);
  });

  it('adds the report menu on install, worded for the role, and rewords it when the role changes', async () => {
    await start().ready;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(menus).toEqual([expect.objectContaining({ id: REPORT_MENU, title: 'menuReportToTaobao' })]);
    await saveSettings({ role: 'brand-staff' });
    await tick();
    expect(menus[0]?.title).toBe('menuReportListing');
  });

  it("a shopper's menu report opens Taobao's report page for the listing, and files no complaint", async () => {
    const { activity } = start();
    content.replies.set('listingForReport', { listing: listing(7), cardMarkup: '' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    menuClicked?.({ menuItemId: REPORT_MENU }, { id: 1, url: 'https://s.taobao.com/search?q=gucci', windowId: 1 });
    await tick();
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain('https://jubao.taobao.com/index.htm?itemId=700000000007');
    expect(await activity.reports.count()).toBe(0);
  });

  it("brand staff's reports show the IP protection platform's open tab, as it is, instead of opening another", async () => {
    await saveSettings({ role: 'brand-staff' });
    const { activity } = start();
    const ippTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith(IPP_URL));
    await content.deliver('reportListing', { listing: listing(21), cardMarkup: '' }, TAOBAO_TAB);
    expect((await ippTabs()).map((t) => t.url)).toEqual([IPP_URL]);

    // The user went on to the complaint form in that tab, then reported other listings.
    const [ipp] = await ippTabs();
    await fakeBrowser.tabs.update(ipp!.id!, { url: 'https://ipp.alibabagroup.com/complaint/create.htm' });
    const focused = vi.spyOn(fakeBrowser.tabs, 'update');
    const windowFocused = vi.spyOn(fakeBrowser.windows, 'update');
    await content.deliver('reportListing', { listing: listing(22), cardMarkup: '' }, TAOBAO_TAB);
    await content.deliver('reportListing', { listing: listing(21), cardMarkup: '' }, TAOBAO_TAB);
    expect((await ippTabs()).map((t) => t.url)).toEqual(['https://ipp.alibabagroup.com/complaint/create.htm']);
    expect(focused.mock.calls).toEqual([
      [ipp!.id, { active: true }],
      [ipp!.id, { active: true }],
    ]);
    expect(windowFocused).toHaveBeenCalledWith(ipp!.windowId, { focused: true });
    expect(await activity.reports.where('itemId').anyOf('700000000021', '700000000022').count()).toBe(2);

    // The user left the platform in that tab: the next report opens it again, once.
    await fakeBrowser.tabs.update(ipp!.id!, { url: 'https://example.org/' });
    await content.deliver('reportListing', { listing: listing(22), cardMarkup: '' }, TAOBAO_TAB);
    expect((await ippTabs()).map((t) => t.url)).toEqual([IPP_URL]);
  });

  it('tells the open Taobao tabs, and only them, once per change that alters verdicts', async () => {
    await start().ready;
    const tabs = await fakeBrowser.tabs.query({});
    const taobaoTab = tabs.find((t) => t.url?.includes('taobao'))?.id;
    await pages.deliver('clearData', { kinds: ['trusted', 'reports'] }, EXTENSION_PAGE);
    await tick();
    expect(changesSent()).toEqual([{ name: 'pageChanged', data: { scope: 'verdicts' }, tabId: taobaoTab }]);
  });

  it('says nothing to tabs for a request that changes nothing they show', async () => {
    await start().ready;
    await pages.deliver('listRulePacks', undefined, EXTENSION_PAGE);
    await tick();
    expect(changesSent()).toEqual([]);
  });

  it('refuses a page request from a Taobao page, and a malformed one, and announces nothing', async () => {
    await start().ready;
    await expect(pages.deliver('clearData', { kinds: ['history'] }, { url: 'https://s.taobao.com/' })).rejects.toThrow(/only taken from the extension's own pages/);
    await expect(pages.deliver('clearData', { kinds: 'all' }, EXTENSION_PAGE)).rejects.toThrow(/clearData: kinds/);
    await tick();
    expect(changesSent()).toEqual([]);
  });

  it('re-judges open pages when sensitivity changes, and only redraws them when the role changes', async () => {
    await start().ready;
    await saveSettings({ sensitivity: 'strict' });
    await tick();
    await saveSettings({ role: 'brand-staff' });
    await tick();
    expect(changesSent().map((m) => m.data)).toEqual([{ scope: 'verdicts' }, { scope: 'display' }]);
  });

  it('announces a trust made on one page to every open page', async () => {
    await start().ready;
    await content.deliver('trustListing', { kind: 'shop', listing: listing(1) }, TAOBAO_TAB);
    await tick();
    expect(changesSent()).toHaveLength(1);
  });

  it("takes back a trust when the page's Undo is pressed, by the key of the listing it shows", async () => {
    const { activity } = start();
    await content.deliver('trustListing', { kind: 'shop', listing: listing(1) }, TAOBAO_TAB);
    expect(await activity.trusted.count()).toBe(1);
    await content.deliver('untrustListing', { kind: 'shop', listing: listing(1) }, TAOBAO_TAB);
    expect(await activity.trusted.count()).toBe(0);
    await expect(content.deliver('untrustListing', { kind: 'shop', listing: listing(1) }, { url: 'https://evil.example/' })).rejects.toThrow(/only taken from Taobao/);
    await tick();
    expect(changesSent().length).toBeGreaterThanOrEqual(1);
  });

  it('shows the flagged count on the toolbar icon of the tab that reported it, coloured by the worst', async () => {
    await start().ready;
    await content.deliver('pageStatus', { checked: 60, high: 1, medium: 3, layoutUnrecognised: false }, TAOBAO_TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('4');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([198, 40, 40, 255]);
    await content.deliver('pageStatus', { checked: 60, high: 0, medium: 0, layoutUnrecognised: false }, TAOBAO_TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    await content.deliver('pageStatus', { checked: 0, high: 0, medium: 0, layoutUnrecognised: true }, TAOBAO_TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('?');
  });

  it('ignores a malformed page status', async () => {
    await start().ready;
    await content.deliver('pageStatus', { checked: 60, high: 1, medium: 3, layoutUnrecognised: false }, TAOBAO_TAB);
    await content.deliver('pageStatus', { checked: -1, high: 'x' }, TAOBAO_TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
  });
});
