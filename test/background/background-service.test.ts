import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { BackgroundService, IPP_URL, type BackgroundDeps } from '../../lib/background/background-service';
import type { Listing } from '../../lib/listing';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { REPORT_REPEAT_MS } from '../../lib/activity/reports';
import { verifyStoredChain } from '../../lib/evidence/evidence-log';

const rules = compileRules(BUILTIN_PACKS);
const PAGE = 'https://s.taobao.com/search?q=gucci';

function listing(n: number, title = '古驰 GG 马衔扣 女包 原单 1:1'): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title,
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: '莆田精品店', id: '55501', platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

let opened: string[];
let deps: BackgroundDeps;
let service: BackgroundService;
beforeEach(() => {
  opened = [];
  deps = {
    activity: new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange }),
    rules: () => rules,
    noticeHits: () => [],
    settings: async () => DEFAULT_SETTINGS,
    now: () => 1_700_000_000_000,
    uiLanguage: () => 'en',
    captureVisibleTab: async () => 'data:image/png;base64,iVBORw0KGgo=',
    showTab: async (url) => {
      opened.push(url);
    },
  };
  service = new BackgroundService(deps);
});

describe('BackgroundService', () => {
  it('assesses a batch, records the flagged listings and says what is trusted or reported', async () => {
    const answer = await service.assess([listing(1), listing(2, '纯棉T恤 男')], PAGE);
    expect(answer.verdicts.map((v) => v.risk)).toEqual(['high', 'none']);
    expect(answer).toMatchObject({ trusted: [], reported: [] });
    await service.settled();
    expect(await deps.activity.history.get('700000000001')).toMatchObject({ pageUrl: PAGE, timesSeen: 1 });

    await service.trust('shop', listing(1), PAGE);
    await service.report({ listing: listing(2), cardMarkup: '<a>…</a>' }, PAGE, null);
    const again = await service.assess([listing(1), listing(2, '纯棉T恤 男'), listing(3)], PAGE);
    expect(again.trusted.sort()).toEqual(['700000000001', '700000000002', '700000000003']); // one shop
    expect(again.reported).toEqual(['700000000002']);
  });

  it.each([undefined, 'https://evil.example/search', 'chrome-extension://abc/popup.html'])('refuses messages from %s', async (sender) => {
    await expect(service.assess([listing(1)], sender)).rejects.toThrow(/only taken from Taobao and Tmall/);
  });

  it('reports from the badge without a screenshot, saying why, and opens the IP platform', async () => {
    const answer = await service.report({ listing: listing(1), cardMarkup: '<a id="item_id_700000000001">…</a>' }, PAGE, null);
    expect(answer.screenshot).toBe(false);
    expect(answer.complaint.split('\n')[0]).toBe('https://item.taobao.com/item.htm?id=700000000001');
    expect(opened).toEqual([IPP_URL]);
    const record = await deps.activity.reports.get(answer.reportId);
    expect(record).toMatchObject({ status: 'draft', pageUrl: PAGE, screenshot: null });
    expect(record?.screenshotNote).toMatch(/context menu, the keyboard shortcut, or with the screenshot permission/);
    expect(record?.verdict.risk).toBe('high'); // the background's own verdict
  });

  it('takes a screenshot when the menu or the shortcut granted activeTab, and notes a refusal', async () => {
    expect((await service.report({ listing: listing(1), cardMarkup: '' }, PAGE, { windowId: 7, tabId: null })).screenshot).toBe(true);
    deps.captureVisibleTab = async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    };
    const refused = await service.report({ listing: listing(2), cardMarkup: '' }, PAGE, { windowId: 7, tabId: null });
    expect(refused.screenshot).toBe(false);
    expect((await deps.activity.reports.get(refused.reportId))?.screenshotNote).toMatch(/refused the screenshot: Either/);
  });

  it('lets the page copy the complaint before the IPP tab takes focus, and opens it even if the copy fails', async () => {
    const steps: string[] = [];
    deps.showTab = async () => {
      steps.push('open');
    };
    await service.report({ listing: listing(1), cardMarkup: '' }, PAGE, { windowId: 7, tabId: null }, async (answer) => {
      steps.push(`copy ${answer.complaint.includes('700000000001')}`);
    });
    await service.report({ listing: listing(1), cardMarkup: '' }, PAGE, { windowId: 7, tabId: null }, async () => {
      throw new Error('Could not establish connection');
    });
    expect(steps).toEqual(['copy true', 'open', 'open']);
  });

  it('reporting a listing again after the repeat window adds a capture to its report, logged in the evidence chain', async () => {
    const first = await service.report({ listing: listing(1), cardMarkup: '<a>…</a>' }, PAGE, null);
    expect(first.capture).toBeNull();
    deps.now = () => 1_700_000_000_000 + REPORT_REPEAT_MS;
    const again = await service.report({ listing: listing(1), cardMarkup: '<a>…</a>' }, 'https://item.taobao.com/item.htm?id=700000000001', { windowId: 7, tabId: null });
    expect(again).toMatchObject({ reportId: first.reportId, capture: 1, screenshot: true });
    expect(again.complaint).toBe(first.complaint);
    expect(await deps.activity.reports.count()).toBe(1);
    const [capture] = (await deps.activity.reports.get(first.reportId))!.captures!;
    expect(capture).toMatchObject({ at: 1_700_000_000_000 + REPORT_REPEAT_MS, pageUrl: 'https://item.taobao.com/item.htm?id=700000000001', screenshot: 'data:image/png;base64,iVBORw0KGgo=', verdict: { risk: 'high' } });
    const chain = await deps.activity.evidence.orderBy('seq').toArray();
    expect(chain.map((e) => [e.kind, e.reportId])).toEqual([
      ['report', first.reportId],
      ['capture', first.reportId],
    ]);
    expect(JSON.parse(chain[1]!.data as string)).toMatchObject({ n: 1, screenshot: true });
    expect(await verifyStoredChain(deps.activity)).toMatchObject({ ok: true, length: 2 });
    expect(opened).toEqual([IPP_URL, IPP_URL]);
  });

  it('a double click on a listing reported earlier adds one capture, and a click within a minute of it none', async () => {
    const first = await service.report({ listing: listing(1), cardMarkup: '' }, PAGE, null);
    deps.now = () => 1_700_000_000_000 + 5 * REPORT_REPEAT_MS;
    const clicks = await Promise.all([1, 2].map(() => service.report({ listing: listing(1), cardMarkup: '' }, PAGE, null)));
    expect(clicks.map((c) => c.capture).sort()).toEqual([1, null]);
    deps.now = () => 1_700_000_000_000 + 6 * REPORT_REPEAT_MS - 1;
    expect((await service.report({ listing: listing(1), cardMarkup: '' }, PAGE, null)).capture).toBeNull();
    const report = await deps.activity.reports.get(first.reportId);
    expect(report?.captures).toHaveLength(1);
    expect(report?.captures?.[0]?.screenshotNote).toMatch(/context menu, the keyboard shortcut/);
    expect(await deps.activity.evidence.where('kind').equals('capture').count()).toBe(1);
  });

  it('trusts a listing from the history by its id, never from what a page sends', async () => {
    await service.assess([listing(1)], PAGE);
    await service.settled();
    expect(await service.trustFromHistory('700000000001', 'shop')).toEqual({ key: 'shop-id:55501' });
    expect((await service.assess([listing(2)], PAGE)).trusted).toEqual(['700000000002']);
    await expect(service.trustFromHistory('799999999999', 'item')).rejects.toThrow(/no listing 799999999999 in the history/);
  });

  it('refuses a forged listing', async () => {
    const forged = { ...listing(1), url: 'https://evil.example/' };
    await expect(service.report({ listing: forged, cardMarkup: '' }, PAGE, null)).rejects.toThrow(/url does not match/);
    await expect(service.trust('everything', listing(1), PAGE)).rejects.toThrow(/trust kind/);
  });
});
