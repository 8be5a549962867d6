/**
 * The background's report, with the worker stopped right after the click: the packs and notices are
 * still loading (ready never resolves in the first worker), then a new worker starts on the same
 * IndexedDB. The report must be neither lost nor made twice.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { BackgroundService, IPP_URL, type BackgroundDeps } from '../../lib/background/background-service';
import type { Listing } from '../../lib/listing';
import { BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

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

function worker(factory: IDBFactory, ready: () => Promise<void>, clock: { now: number }) {
  const opened: string[] = [];
  const deps: BackgroundDeps = {
    activity: new ActivityDatabase({ indexedDB: factory, IDBKeyRange }),
    rules: () => rules,
    ready,
    noticeHits: () => [],
    settings: async () => DEFAULT_SETTINGS,
    now: () => clock.now,
    uiLanguage: () => 'en',
    captureVisibleTab: async () => 'data:image/png;base64,iVBORw0KGgo=',
    showTab: async (url) => {
      opened.push(url);
    },
  };
  return { service: new BackgroundService(deps), db: deps.activity, opened };
}

describe('a report when the worker stops in the first moments after the click', () => {
  it('is stored at once, finished by the next worker, and the click made again returns it', async () => {
    const factory = new IDBFactory();
    const clock = { now: 1_700_000_000_000 };
    let reachedReady!: () => void;
    const stalled = new Promise<void>((resolve) => (reachedReady = resolve));
    const first = worker(factory, () => {
      reachedReady();
      return new Promise<void>(() => undefined); // the worker is stopped while its packs load
    }, clock);
    void first.service.report({ listing: LISTING, cardMarkup: '<a>…</a>' }, PAGE, null);
    await stalled;
    expect(await first.db.reports.count()).toBe(1);
    expect(first.opened).toEqual([]);

    clock.now += 40;
    const next = worker(factory, async () => undefined, clock);
    expect(await next.service.finishPendingReports()).toBe(1);
    const [record] = await next.db.reports.toArray();
    expect(record).toMatchObject({ itemId: LISTING.itemId, verdict: { risk: 'high' } });
    expect(record).not.toHaveProperty('pending');

    clock.now += 3_000;
    const answer = await next.service.report({ listing: LISTING, cardMarkup: '<a>…</a>' }, PAGE, null);
    expect(answer.reportId).toBe(record!.id);
    expect(await next.db.reports.count()).toBe(1);
    expect(next.opened).toEqual([IPP_URL]);
    first.db.close();
    next.db.close();
  });
});
