/**
 * A brand-staff report's screenshot is taken with our badges hidden and the listing's box known:
 * the evidence then holds the whole screenshot and a highlighted crop of the listing, both hashed.
 */
import { encode } from 'fast-png';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { BackgroundService, type BackgroundDeps } from '../../lib/background/background-service';
import { sha256Hex } from '../../lib/evidence/sha256';
import { reportEvidenceFiles } from '../../lib/evidence/report-files';
import type { Listing } from '../../lib/listing';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { REPORT_REPEAT_MS } from '../../lib/activity/reports';

const rules = compileRules(BUILTIN_PACKS);
const PAGE = 'https://s.taobao.com/search?q=gucci';
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

/** A 640 × 400 screenshot (a 320 px wide viewport at ratio 2). */
function screenshotDataUrl(): string {
  const data = new Uint8Array(640 * 400 * 4).fill(200);
  return `data:image/png;base64,${Buffer.from(encode({ width: 640, height: 400, data, channels: 4, depth: 8 })).toString('base64')}`;
}

let steps: string[];
let deps: BackgroundDeps;
let service: BackgroundService;
beforeEach(() => {
  steps = [];
  let now = 1_700_000_000_000;
  deps = {
    activity: new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange }),
    rules: () => rules,
    noticeHits: () => [],
    settings: async () => DEFAULT_SETTINGS,
    now: () => (now += REPORT_REPEAT_MS),
    uiLanguage: () => 'en',
    captureVisibleTab: async () => {
      steps.push('capture');
      return screenshotDataUrl();
    },
    frameListing: async (tabId, itemId) => {
      steps.push(`frame ${tabId} ${itemId}`);
      return { box: { x: 20, y: 30, width: 100, height: 120 }, viewportWidth: 320 };
    },
    unframe: (tabId) => void steps.push(`unframe ${tabId}`),
    showTab: async () => undefined,
  };
  service = new BackgroundService(deps);
});

describe('a report screenshot with the listing framed', () => {
  it('hides the badges first, shows them after, and keeps the box in screenshot pixels', async () => {
    const { reportId } = await service.report({ listing: LISTING, cardMarkup: '' }, PAGE, { windowId: 7, tabId: 3 });
    expect(steps).toEqual(['frame 3 700000000001', 'capture', 'unframe 3']);
    const report = (await deps.activity.reports.get(reportId))!;
    expect(report.frame).toEqual({ x: 40, y: 60, width: 200, height: 240 });
    expect(JSON.parse(new TextDecoder().decode(reportEvidenceFiles(report)['listing.json']))).toMatchObject({ frame: { x: 40, y: 60, width: 200, height: 240 } });
  });

  it('puts the crop in the evidence files, hashed in the log as the report was made, and for a later capture too', async () => {
    const { reportId } = await service.report({ listing: LISTING, cardMarkup: '' }, PAGE, { windowId: 7, tabId: 3 });
    await service.report({ listing: LISTING, cardMarkup: '' }, PAGE, { windowId: 7, tabId: 3 });
    const files = reportEvidenceFiles((await deps.activity.reports.get(reportId))!);
    expect(Object.keys(files).sort()).toEqual(['capture-1-listing.png', 'capture-1.json', 'capture-1.png', 'listing.json', 'screenshot-listing.png', 'screenshot.png']);
    const logged = (await deps.activity.evidence.orderBy('seq').toArray()).flatMap((entry) => entry.files);
    for (const name of ['screenshot-listing.png', 'capture-1-listing.png']) {
      expect(logged.find((file) => file.name === name)?.sha256).toBe(await sha256Hex(files[name]!));
    }
  });

  it('takes the screenshot as the page is when the page cannot say where the listing is', async () => {
    deps.frameListing = async () => {
      throw new Error('no content script');
    };
    const { reportId, screenshot } = await service.report({ listing: LISTING, cardMarkup: '' }, PAGE, { windowId: 7, tabId: 3 });
    expect(screenshot).toBe(true);
    const report = (await deps.activity.reports.get(reportId))!;
    expect(report.frame).toBeUndefined();
    expect(Object.keys(reportEvidenceFiles(report)).sort()).toEqual(['listing.json', 'screenshot.png']);
    expect(steps).toEqual(['capture', 'unframe 3']);
  });

  it('shows the badges again when the browser refuses the screenshot', async () => {
    deps.captureVisibleTab = async () => {
      throw new Error('activeTab expired');
    };
    const { reportId } = await service.report({ listing: LISTING, cardMarkup: '' }, PAGE, { windowId: 7, tabId: 3 });
    expect(steps).toEqual(['frame 3 700000000001', 'unframe 3']);
    expect((await deps.activity.reports.get(reportId))!).toMatchObject({ screenshot: null, screenshotNote: 'The browser refused the screenshot: activeTab expired' });
  });
});
