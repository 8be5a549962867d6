/**
 * The case desk's "capture it from the listing's page": a report filed from a badge without a
 * screenshot gets one later, taken on the listing's own page opened from its id.
 */
import { encode } from 'fast-png';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { BackgroundService, type BackgroundDeps } from '../../lib/background/background-service';
import { openListingForCapture } from '../../lib/background/listing-page-tab';
import { verifyChain } from '../../lib/evidence/evidence-chain';
import type { Listing } from '../../lib/listing';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const rules = compileRules(BUILTIN_PACKS);
const LISTING: Listing = {
  itemId: '700000000001',
  url: 'https://item.taobao.com/item.htm?id=700000000001',
  title: '古驰 GG 马衔扣 女包 原单 1:1',
  price: { min: 299, max: 299, currency: 'CNY' },
  shop: { name: '莆田精品店', id: '55501', platform: 'taobao', tier: 'store' },
  sales: null,
  location: null,
  image: null,
  isAd: false,
};

function screenshotDataUrl(): string {
  const data = new Uint8Array(640 * 400 * 4).fill(200);
  return `data:image/png;base64,${Buffer.from(encode({ width: 640, height: 400, data, channels: 4, depth: 8 })).toString('base64')}`;
}

let opened: string[];
let deps: BackgroundDeps;
let service: BackgroundService;
let reportId: number;
beforeEach(async () => {
  opened = [];
  deps = {
    activity: new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange }),
    rules: () => rules,
    noticeHits: () => [],
    settings: async () => DEFAULT_SETTINGS,
    now: () => 1_700_000_000_000,
    uiLanguage: () => 'en',
    captureVisibleTab: async () => screenshotDataUrl(),
    frameListing: async () => ({ box: { x: 20, y: 30, width: 100, height: 120 }, viewportWidth: 320 }),
    showTab: async () => undefined,
    screenshotAllowed: async () => true,
    openForCapture: async (url) => {
      opened.push(url);
      return { tab: { windowId: 3, tabId: 9 }, listing: { ...LISTING, price: { min: 259, max: 259, currency: 'CNY' } } };
    },
  };
  service = new BackgroundService(deps);
  // Filed from the badge: no tab to capture.
  reportId = (await service.report({ listing: LISTING, cardMarkup: '' }, 'https://s.taobao.com/search?q=gucci', null)).reportId;
});

describe('a screenshot captured later from the listing’s page', () => {
  it('opens the page rebuilt from the id and adds a capture with the screenshot, its crop and the fields read there', async () => {
    expect((await deps.activity.reports.get(reportId))!.screenshot).toBeNull();
    expect(await service.captureReport(reportId)).toEqual({ ok: true, capture: 1, screenshot: true });
    expect(opened).toEqual(['https://item.taobao.com/item.htm?id=700000000001']);
    const [capture] = (await deps.activity.reports.get(reportId))!.captures!;
    expect(capture!.screenshot).toMatch(/^data:image\/png;base64,/);
    expect(capture!.frame).toEqual({ x: 40, y: 60, width: 200, height: 240 });
    expect(capture!.listing.price?.min).toBe(259);
    expect(capture!.pageUrl).toBe('https://item.taobao.com/item.htm?id=700000000001');
    // Logged in the evidence chain like any capture.
    expect((await verifyChain(await deps.activity.evidence.orderBy('seq').toArray())).ok).toBe(true);
    expect(await deps.activity.evidence.count()).toBe(2);
  });

  it('keeps the stored fields when the page reads another listing or something that is not one', async () => {
    deps.openForCapture = async () => ({ tab: { windowId: 3, tabId: 9 }, listing: { itemId: 'x', title: '<img src=x onerror=alert(1)>' } });
    await service.captureReport(reportId);
    expect((await deps.activity.reports.get(reportId))!.captures![0]!.listing).toEqual(LISTING);
  });

  it('says what is missing, and adds nothing, without the permission or when the page never shows the listing', async () => {
    deps.screenshotAllowed = async () => false;
    expect(await service.captureReport(reportId)).toMatchObject({ ok: false, message: expect.stringMatching(/screenshot permission/) });
    expect(opened).toEqual([]);
    deps.screenshotAllowed = async () => true;
    deps.openForCapture = async () => null;
    expect(await service.captureReport(reportId)).toMatchObject({ ok: false, message: expect.stringMatching(/did not show the listing/) });
    expect(await service.captureReport(reportId + 100)).toMatchObject({ ok: false, message: `there is no report ${reportId + 100}` });
    expect((await deps.activity.reports.get(reportId))!.captures ?? []).toEqual([]);
  });
});

describe('the listing’s page opened for a capture', () => {
  it('waits until its content script has judged that listing, then gives the tab', async () => {
    let clock = 0;
    const answers = [Promise.reject(new Error('no content script yet')), Promise.resolve(null), Promise.resolve({ listing: { itemId: '700000000001' } })];
    const created: unknown[] = [];
    const result = await openListingForCapture(
      {
        tabs: { create: async (props) => (created.push(props), { id: 9, windowId: 3 }) as never },
        askListing: () => answers.shift() ?? Promise.resolve(null),
        wait: async (ms) => void (clock += ms),
        now: () => clock,
      },
      'https://item.taobao.com/item.htm?id=700000000001',
      '700000000001',
    );
    expect(created).toEqual([{ url: 'https://item.taobao.com/item.htm?id=700000000001', active: true }]);
    expect(result).toEqual({ tab: { windowId: 3, tabId: 9 }, listing: { itemId: '700000000001' } });
  });

  it('gives up after the wait when the page never shows the listing (a login wall, a removed item)', async () => {
    let clock = 0;
    const result = await openListingForCapture(
      { tabs: { create: async () => ({ id: 9, windowId: 3 }) as never }, askListing: async () => ({ listing: { itemId: '1' } }), wait: async (ms) => void (clock += ms), now: () => clock },
      'https://item.taobao.com/item.htm?id=700000000001',
      '700000000001',
      5_000,
    );
    expect(result).toBeNull();
    expect(clock).toBeGreaterThanOrEqual(5_000);
  });
});
